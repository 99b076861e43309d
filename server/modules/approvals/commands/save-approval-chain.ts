import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import type { ChainDefinition } from '../../../../core/approvals/chain.ts';
import { conditionFields } from '../../../../core/approvals/conditions.ts';
import { canonicalJson } from '../../../../core/approvals/snapshot-diff.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import type { Db } from '../../../db/client.ts';
import { approvalChains, deadlinePolicies, roles, users } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { ensureChain } from '../../../approvals/requests.ts';
import { getApprovalProcess } from '../../../approvals/processes.ts';
import { getApprovalSubject } from '../../../approvals/subjects.ts';

export interface SaveChainInput {
  baseVersion: number;
  definition: ChainDefinition;
  note?: string | null | undefined;
}

const CHAIN_LOCK = 727274101;

/** Roles and users named by the chain exist (users active); conditions read declared fields only. */
async function assertChainReferences(tx: Db, ctx: Ctx, subjectType: string, def: ChainDefinition): Promise<void> {
  const en = ctx.actor.locale === 'en';
  const fields: Record<string, string> = {};
  const roleCodes = [...new Set(def.steps.flatMap((s) => (s.approver.type === 'role' ? [s.approver.roleCode] : [])))];
  const userIds = [...new Set(def.steps.flatMap((s) => (s.approver.type === 'user' ? [s.approver.userId] : [])))];
  const knownRoles = new Set(
    roleCodes.length ? (await tx.select({ code: roles.code }).from(roles).where(inArray(roles.code, roleCodes))).map((r) => r.code) : [],
  );
  const activeUsers = new Set(
    userIds.length
      ? (
          await tx
            .select({ id: users.id })
            .from(users)
            .where(and(inArray(users.id, userIds), eq(users.active, true)))
        ).map((u) => u.id)
      : [],
  );
  const policyCodes = [...new Set(def.steps.flatMap((s) => (s.deadlinePolicy ? [s.deadlinePolicy] : [])))];
  const knownPolicies = new Set(
    policyCodes.length
      ? (await tx.select({ code: deadlinePolicies.code }).from(deadlinePolicies).where(inArray(deadlinePolicies.code, policyCodes))).map(
          (p) => p.code,
        )
      : [],
  );
  const declared = getApprovalSubject(subjectType)?.fields?.map((f) => f.key);
  def.steps.forEach((s, i) => {
    if (s.approver.type === 'role' && !knownRoles.has(s.approver.roleCode)) {
      fields[`body.definition.steps.${i}.approver.roleCode`] = en ? 'unknown role' : '角色不存在';
    }
    if (s.approver.type === 'user' && !activeUsers.has(s.approver.userId)) {
      fields[`body.definition.steps.${i}.approver.userId`] = en ? 'unknown or inactive user' : '用户不存在或已停用';
    }
    if (s.deadlinePolicy && !knownPolicies.has(s.deadlinePolicy)) {
      fields[`body.definition.steps.${i}.deadlinePolicy`] = en ? 'unknown deadline policy' : '时限策略不存在';
    }
    const unknown = declared ? conditionFields(s.condition).filter((f) => !declared.includes(f)) : [];
    if (unknown.length) fields[`body.definition.steps.${i}.condition`] = `${en ? 'unknown field' : '未知字段'}: ${unknown.join(', ')}`;
  });
  if (Object.keys(fields).length) throw new AppError('validation_failed', {}, { fields });
}

/**
 * An administrator saves a process's chain. Saving never edits a stored version: it adds the
 * next one, so requests in flight keep theirs. `baseVersion` is the version the editor started
 * from; another save in between answers 409. An unchanged chain adds nothing.
 */
export async function saveApprovalChain(ctx: Ctx, processCode: string, input: SaveChainInput): Promise<number> {
  requirePermission(ctx.actor, 'approval.admin');
  const process = getApprovalProcess(processCode);
  if (!process) throw new AppError('not_found');
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK}, hashtext(${processCode}))`);
    const latest = (
      await tx
        .select()
        .from(approvalChains)
        .where(eq(approvalChains.processCode, processCode))
        .orderBy(desc(approvalChains.version))
        .limit(1)
    )[0];
    const current = latest?.version ?? 0;
    if (input.baseVersion !== current) throw new AppError('conflict_stale', { currentVersion: current }, { currentVersion: current });
    await assertChainReferences(tx, ctx, process.subjectType, input.definition);
    const base = latest ?? (await ensureChain(tx, process, ctx.now));
    if (canonicalJson(base.definition) === canonicalJson(input.definition)) return base.version;
    const version = base.version + 1;
    await tx.insert(approvalChains).values({
      processCode,
      version,
      definition: input.definition,
      note: input.note?.trim() || null,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
    });
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'approval_chain.save',
      entityType: 'approval_chain',
      entityId: processCode,
      changes: {
        version: { before: base.version, after: version },
        definition: { before: base.definition, after: input.definition },
      },
      detail: input.note?.trim() || null,
    });
    return version;
  });
}
