import { z } from 'zod';
import { DataScopeSchema, LocaleSchema } from '../auth/auth.schema.ts';
import { pageOf, PageQuery, sortParam } from '../schemas/common.schema.ts';

// ---------- departments ----------
export const DepartmentView = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  headUserId: z.string().nullable(),
  headName: z.string().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  memberCount: z.number().int(),
});
export type DepartmentView = z.infer<typeof DepartmentView>;

export const CreateDepartmentBody = z.object({
  name: z.string().trim().min(1).max(64),
  parentId: z.string().uuid().nullable().optional(),
  headUserId: z.string().uuid().nullable().optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});

export const UpdateDepartmentBody = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(64).optional(),
  parentId: z.string().uuid().nullable().optional(),
  headUserId: z.string().uuid().nullable().optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
  active: z.boolean().optional(),
});

// ---------- users ----------
export const UserView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  locale: LocaleSchema,
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  roles: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
});
export type UserView = z.infer<typeof UserView>;

export const USER_SORT_FIELDS = ['username', 'displayName', 'createdAt', 'lastLoginAt'] as const;

export const UserListQuery = PageQuery.extend({
  q: z.string().trim().max(64).optional(),
  departmentId: z.string().uuid().optional(),
  roleId: z.string().uuid().optional(),
  active: z.enum(['true', 'false']).optional(),
  sort: sortParam(USER_SORT_FIELDS, 'username'),
});

export const UserPage = pageOf(UserView);

const username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-zA-Z0-9._@-]+$/, 'letters, digits and . _ @ - only');

export const CreateUserBody = z.object({
  username,
  displayName: z.string().trim().min(1).max(64),
  departmentId: z.string().uuid().nullable().optional(),
  managerId: z.string().uuid().nullable().optional(),
  phone: z.string().trim().max(32).nullable().optional(),
  email: z.string().trim().email().max(254).nullable().optional(),
  roleIds: z.array(z.string().uuid()).max(20).default([]),
  /** initial password; the user must change it at first login */
  password: z.string().min(1).max(256),
});

export const UpdateUserBody = z.object({
  version: z.number().int().min(1),
  displayName: z.string().trim().min(1).max(64).optional(),
  departmentId: z.string().uuid().nullable().optional(),
  managerId: z.string().uuid().nullable().optional(),
  phone: z.string().trim().max(32).nullable().optional(),
  email: z.string().trim().email().max(254).nullable().optional(),
  roleIds: z.array(z.string().uuid()).max(20).optional(),
});

export const ResetPasswordBody = z.object({
  version: z.number().int().min(1),
  newPassword: z.string().min(1).max(256),
});

export const SetActiveBody = z.object({
  version: z.number().int().min(1),
  active: z.boolean(),
});

// ---------- roles ----------
export const RoleView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  dataScope: DataScopeSchema,
  permissions: z.array(z.string()),
  builtin: z.boolean(),
  userCount: z.number().int(),
  version: z.number().int(),
});
export type RoleView = z.infer<typeof RoleView>;

export const CreateRoleBody = z.object({
  code: z
    .string()
    .trim()
    .min(2)
    .max(48)
    .regex(/^[a-z][a-z0-9_]*$/),
  nameZh: z.string().trim().min(1).max(64),
  nameEn: z.string().trim().min(1).max(64),
  dataScope: DataScopeSchema,
  permissions: z.array(z.string()).max(500).default([]),
});

export const UpdateRoleBody = z.object({
  version: z.number().int().min(1),
  nameZh: z.string().trim().min(1).max(64).optional(),
  nameEn: z.string().trim().min(1).max(64).optional(),
  dataScope: DataScopeSchema.optional(),
  permissions: z.array(z.string()).max(500).optional(),
});

export const PermissionCatalogItem = z.object({
  key: z.string(),
  group: z.string(),
  label: z.string(),
});
