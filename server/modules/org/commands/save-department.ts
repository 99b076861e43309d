import { and, eq, ne, sql } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { departments } from '../../../db/schema.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import { departmentSubtree, requirePermission } from '../../../policies/policy.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { Db } from '../../../db/client.ts';
import { checkVersion } from '../../../kernel/guards.ts';
import { assertActiveUser, assertDepartmentInScope } from '../org-guards.ts';

const ROOT = '00000000-0000-0000-0000-000000000000';

async function assertNameFree(tx: Db, ctx: Ctx, parentId: string | null, name: string, exceptId?: string) {
  const rows = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(
      and(
        sql`coalesce(${departments.parentId}, ${ROOT}::uuid) = coalesce(${parentId}::uuid, ${ROOT}::uuid)`,
        eq(departments.name, name),
        exceptId ? ne(departments.id, exceptId) : sql`TRUE`,
      ),
    )
    .limit(1);
  if (rows[0]) {
    throw new AppError(
      'conflict_duplicate',
      { field: ctx.actor.locale === 'en' ? 'Department name' : '同级部门名称' },
      { fields: { 'body.name': 'exists' } },
    );
  }
}

/** Creates a department under a parent inside the actor's scope (root needs scope "all"). */
export async function createDepartment(
  ctx: Ctx,
  input: { name: string; parentId?: string | null | undefined; headUserId?: string | null | undefined; sortOrder?: number | undefined },
): Promise<string> {
  const scope = requirePermission(ctx.actor, 'department.manage');
  return ctx.db.transaction(async (tx) => {
    const parentId = input.parentId ?? null;
    await assertDepartmentInScope(tx, ctx.actor, scope, parentId);
    await assertActiveUser(tx, input.headUserId, 'headUserId');
    await assertNameFree(tx, ctx, parentId, input.name);
    const [row] = await tx
      .insert(departments)
      .values({
        name: input.name,
        parentId,
        headUserId: input.headUserId ?? null,
        sortOrder: input.sortOrder ?? 0,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: departments.id });
    if (!row) throw new AppError('internal');
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'department.create',
      entityType: 'department',
      entityId: row.id,
      changes: { name: { before: null, after: input.name }, parentId: { before: null, after: parentId } },
    });
    return row.id;
  });
}

/** Renames, moves (never under itself), sets the head or (de)activates a department. */
export async function updateDepartment(
  ctx: Ctx,
  id: string,
  input: {
    version: number;
    name?: string | undefined;
    parentId?: string | null | undefined;
    headUserId?: string | null | undefined;
    sortOrder?: number | undefined;
    active?: boolean | undefined;
  },
): Promise<void> {
  const scope = requirePermission(ctx.actor, 'department.manage');
  await ctx.db.transaction(async (tx) => {
    const rows = await tx.select().from(departments).where(eq(departments.id, id)).limit(1).for('update');
    const before = rows[0];
    if (!before) throw new AppError('not_found');
    if (scope !== 'all') {
      const subtree = await departmentSubtree(tx, ctx.actor.departmentId);
      if (!subtree.includes(id) || (scope !== 'department_tree' && id !== ctx.actor.departmentId)) throw new AppError('not_found');
    }
    checkVersion(before, input.version);
    if (input.parentId !== undefined && input.parentId !== before.parentId) {
      if (input.parentId) {
        const below = await departmentSubtree(tx, id);
        if (below.includes(input.parentId)) {
          throw new AppError(
            'validation_failed',
            {},
            {
              fields: {
                'body.parentId': ctx.actor.locale === 'en' ? 'cannot move a department under itself' : '不能移动到自身或下级部门之下',
              },
            },
          );
        }
      }
      await assertDepartmentInScope(tx, ctx.actor, scope, input.parentId);
    }
    if (input.headUserId !== undefined) await assertActiveUser(tx, input.headUserId, 'headUserId');
    const { version: _v, ...fields } = input;
    const changes = diffFields(before as unknown as Record<string, unknown>, fields);
    if (!changes) return;
    if (changes.name || changes.parentId) {
      await assertNameFree(tx, ctx, input.parentId !== undefined ? input.parentId : before.parentId, input.name ?? before.name, id);
    }
    await tx
      .update(departments)
      .set({ ...fields, version: before.version + 1, updatedAt: ctx.now })
      .where(eq(departments.id, id));
    await appendAudit(tx, ctx.actor, ctx.now, { action: 'department.update', entityType: 'department', entityId: id, changes });
  });
}
