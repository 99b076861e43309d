import { z } from 'zod';
import { DATA_SCOPES } from '../permissions.ts';
import { LOCALES } from '../i18n/locale.ts';

export const LocaleSchema = z.enum(LOCALES as ['zh-CN', 'en']);
export const DataScopeSchema = z.enum(DATA_SCOPES as ['own', 'department', 'department_tree', 'all']);

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const MeResponse = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  locale: LocaleSchema,
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  mustChangePassword: z.boolean(),
  passwordExpired: z.boolean(),
  roles: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  /** permission → scope for the signed-in user (what the UI may offer) */
  grants: z.record(z.string(), DataScopeSchema),
  /** each granted permission's label in the user's language */
  grantLabels: z.record(z.string(), z.string()),
  via: z.enum(['session', 'token']),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const UpdateProfileBody = z.object({
  displayName: z.string().trim().min(1).max(64).optional(),
  phone: z.string().trim().max(32).nullable().optional(),
  email: z.string().trim().email().max(254).nullable().optional(),
  locale: LocaleSchema.optional(),
});

export const PasswordPolicyResponse = z.object({
  minLength: z.number().int(),
  complianceMode: z.boolean(),
  maxAgeDays: z.number().int(),
});

export const ApiTokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiTokenView = z.infer<typeof ApiTokenView>;

export const CreateApiTokenBody = z.object({
  name: z.string().trim().min(1).max(64),
  /** days until expiry; omitted or null = never expires */
  expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
});

export const CreatedApiToken = ApiTokenView.extend({ token: z.string() });
