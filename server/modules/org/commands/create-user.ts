import { sql } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { users, userRoles } from '../../../db/schema.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { hashPassword } from '../../../auth/passwords.ts';
import { loadPasswordPolicy } from '../../../auth/security-settings.ts';
import { requirePermission } from '../../../policies/policy.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { assertPasswordPolicy } from '../../../auth/enforce-password-policy.ts';
import { assertActiveUser, assertDepartmentInScope, assertRolesAssignable } from '../org-guards.ts';

export interface CreateUserInput {
  username: string;
  displayName: string;
  departmentId?: string | null | undefined;
  managerId?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  roleIds: string[];
  password: string;
}

/** An administrator creates an account; the initial password must be changed at first login. */
export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<string> {
  const scope = requirePermission(ctx.actor, 'user.manage');
  const policy = await loadPasswordPolicy(ctx.db);
  assertPasswordPolicy(input.password, policy, ctx.actor.locale, input.username);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    await assertDepartmentInScope(tx, ctx.actor, scope, input.departmentId ?? null);
    await assertActiveUser(tx, input.managerId, 'managerId');
    await assertRolesAssignable(tx, ctx.actor, input.roleIds);
    const dup = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${input.username})`)
      .limit(1);
    if (dup[0]) {
      throw new AppError(
        'conflict_duplicate',
        { field: ctx.actor.locale === 'en' ? 'User name' : '用户名' },
        { fields: { 'body.username': 'exists' } },
      );
    }
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        passwordHash,
        passwordChangedAt: ctx.now,
        mustChangePassword: true,
        departmentId: input.departmentId ?? null,
        managerId: input.managerId ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: users.id });
    if (!row) throw new AppError('internal');
    const roleIds = [...new Set(input.roleIds)];
    if (roleIds.length) await tx.insert(userRoles).values(roleIds.map((roleId) => ({ userId: row.id, roleId })));
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      changes: {
        username: { before: null, after: input.username },
        displayName: { before: null, after: input.displayName },
        departmentId: { before: null, after: input.departmentId ?? null },
        managerId: { before: null, after: input.managerId ?? null },
        roleIds: { before: [], after: [...roleIds].sort() },
      },
    });
    return row.id;
  });
}
