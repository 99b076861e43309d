/**
 * Request and response types of the HTTP API, derived from the core Zod schemas. Only types
 * are imported: zod itself never reaches the browser bundle.
 */
import type { z } from 'zod';
import type * as Auth from '../../../../core/auth/auth.schema.ts';
import type * as Org from '../../../../core/org/org.schema.ts';
import type * as Audit from '../../../../core/audit/audit.schema.ts';
import type * as Settings from '../../../../core/settings/settings.schema.ts';
import type * as HealthApi from '../../../../core/health/health.contract.ts';
import type * as Common from '../../../../core/schemas/common.schema.ts';

export type Me = z.infer<typeof Auth.MeResponse>;
export type LoginBody = z.input<typeof Auth.LoginBody>;
export type ChangePasswordBody = z.input<typeof Auth.ChangePasswordBody>;
export type UpdateProfileBody = z.input<typeof Auth.UpdateProfileBody>;
export type PasswordPolicyResponse = z.infer<typeof Auth.PasswordPolicyResponse>;
export type ApiToken = z.infer<typeof Auth.ApiTokenView>;
export type CreateApiTokenBody = z.input<typeof Auth.CreateApiTokenBody>;
export type CreatedApiToken = z.infer<typeof Auth.CreatedApiToken>;
export type DataScope = z.infer<typeof Auth.DataScopeSchema>;
export type Locale = z.infer<typeof Auth.LocaleSchema>;

export type Department = z.infer<typeof Org.DepartmentView>;
export type CreateDepartmentBody = z.input<typeof Org.CreateDepartmentBody>;
export type UpdateDepartmentBody = z.input<typeof Org.UpdateDepartmentBody>;

export type User = z.infer<typeof Org.UserView>;
export type UserPage = z.infer<typeof Org.UserPage>;
/** Query values as the client sends them: every key optional (the server fills defaults). */
export type UserListQuery = Partial<z.infer<typeof Org.UserListQuery>>;
export type UserSortField = (typeof Org.USER_SORT_FIELDS)[number];
export type CreateUserBody = z.input<typeof Org.CreateUserBody>;
export type UpdateUserBody = z.input<typeof Org.UpdateUserBody>;
export type ResetPasswordBody = z.input<typeof Org.ResetPasswordBody>;
export type SetActiveBody = z.input<typeof Org.SetActiveBody>;

export type Role = z.infer<typeof Org.RoleView>;
export type CreateRoleBody = z.input<typeof Org.CreateRoleBody>;
export type UpdateRoleBody = z.input<typeof Org.UpdateRoleBody>;
export type PermissionCatalogItem = z.infer<typeof Org.PermissionCatalogItem>;

export type AuditEntry = z.infer<typeof Audit.AuditEntryView>;
export type AuditPage = z.infer<typeof Audit.AuditPage>;
export type AuditQuery = Partial<z.infer<typeof Audit.AuditQuery>>;
export type AuditVerifyResult = z.infer<typeof Audit.AuditVerifyResult>;

export type SecuritySettings = z.infer<typeof Settings.SecuritySettingsView>;
export type UpdateSecuritySettingsBody = z.input<typeof Settings.UpdateSecuritySettingsBody>;

export type ErrorBody = z.infer<typeof Common.ErrorBody>;
export type VersionBody = z.input<typeof Common.VersionBody>;
export type Ok = z.infer<typeof Common.OkBody>;
/** The server's page-size cap, checked against core at compile time without importing zod. */
export type MaxPageSize = typeof Common.MAX_PAGE_SIZE;

export type Health = z.infer<typeof HealthApi.HealthResponse>;
