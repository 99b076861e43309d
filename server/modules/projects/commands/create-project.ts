import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { recordInScope } from '../../../../core/permissions.ts';
import type { CreateProjectBody } from '../../../../core/projects/projects.schema.ts';
import { INITIAL_STAGE } from '../../../../core/projects/stages.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { nextCode } from '../../../db/counters.ts';
import { customers, leads, projects, projectStageHistory, users } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { departmentSubtree, requirePermission } from '../../../policies/policy.ts';
import { customerVisibility, leadVisibility } from '../../../policies/visibility.ts';
import { appendTimeline } from '../../../timeline/timeline.ts';
import { fieldErrors, stateConflict } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import { projectTimeline } from '../project-changes.ts';
import { projectsMessages } from '../projects.messages.ts';
import { projectSearchText } from '../project-search-text.ts';

/** Lead states from which an opportunity may be created (the account manager's evaluation). */
const CONVERTIBLE_LEAD_STATES = ['evaluated'];

/**
 * Creates an opportunity (商机): from an evaluated lead (the lead is marked converted and linked)
 * or directly for a customer the actor can see. Code XM-YYYY-NNNNN; stage history starts.
 */
export async function createProject(ctx: Ctx, input: CreateProjectBody): Promise<{ id: string; code: string }> {
  const scope = requirePermission(ctx.actor, 'project.create');
  if (!input.leadId && !input.customerId) {
    throw fieldErrors(ctx.actor.locale, {
      customerId: { zh: '请选择客户（或从线索创建）', en: 'Choose a customer (or create it from a lead)' },
    });
  }
  return ctx.db.transaction(async (tx) => {
    const ownerUserId = input.ownerUserId ?? ctx.actor.userId;
    if (!ownerUserId) throw fieldErrors(ctx.actor.locale, { ownerUserId: { zh: '请指定客户经理', en: 'Choose the account manager' } });
    const [owner] = await tx
      .select({ id: users.id, departmentId: users.departmentId, active: users.active })
      .from(users)
      .where(eq(users.id, ownerUserId))
      .limit(1);
    if (!owner?.active) throw fieldErrors(ctx.actor.locale, { ownerUserId: { zh: '用户不存在或已停用', en: 'unknown or inactive user' } });
    if (owner.id !== ctx.actor.userId && scope !== 'all') {
      const subtree = new Set(await departmentSubtree(tx, ctx.actor.departmentId));
      const ok = recordInScope(
        scope,
        { userId: ctx.actor.userId ?? '', departmentId: ctx.actor.departmentId },
        { userId: owner.id, departmentId: owner.departmentId },
        subtree,
      );
      if (!ok)
        throw fieldErrors(ctx.actor.locale, {
          ownerUserId: { zh: '只能为您数据范围内的人员创建商机', en: 'The owner must be inside your data scope' },
        });
    }

    let lead: typeof leads.$inferSelect | undefined;
    let customerId = input.customerId ?? null;
    if (input.leadId) {
      lead = await loadVisible(tx, leads, input.leadId, await leadVisibility(tx, ctx.actor, 'lead.read'), { lock: true });
      if (lead.projectId || lead.state === 'converted')
        throw stateConflict(ctx.actor.locale, { zh: '该线索已转为商机', en: 'this lead was already converted to an opportunity' });
      if (!CONVERTIBLE_LEAD_STATES.includes(lead.state))
        throw stateConflict(ctx.actor.locale, {
          zh: '线索须由客户经理完成评估后才能转为商机',
          en: 'the lead must be evaluated by its account manager before it becomes an opportunity',
        });
      customerId = lead.customerId ?? customerId;
      if (!customerId)
        throw fieldErrors(ctx.actor.locale, {
          customerId: { zh: '该线索尚未关联客户，请选择客户', en: 'The lead has no customer yet; choose one' },
        });
    }
    if (!customerId) throw new AppError('internal');
    const cvis = await customerVisibility(tx, ctx.actor, 'customer.read');
    const [customer] = await tx
      .select({ id: customers.id, name: customers.name })
      .from(customers)
      .where(and(eq(customers.id, customerId), cvis))
      .limit(1);
    if (!customer)
      throw fieldErrors(ctx.actor.locale, { customerId: { zh: '客户不存在或无权查看', en: 'Unknown customer, or outside your scope' } });

    const code = await nextCode(tx, 'XM', ctx.now);
    const amountFen = input.amountFen !== undefined ? input.amountFen : (lead?.estimatedAmountFen ?? null);
    const [row] = await tx
      .insert(projects)
      .values({
        code,
        name: input.name,
        customerId: customer.id,
        leadId: lead?.id ?? null,
        stage: INITIAL_STAGE,
        stageEnteredAt: ctx.now,
        status: 'open',
        amountFen,
        budgetFen: input.budgetFen ?? null,
        expectedSignDate: input.expectedSignDate ?? null,
        winProbability: input.winProbability ?? null,
        decisionProcess: input.decisionProcess ?? null,
        funding: input.funding ?? null,
        credit: input.credit ?? null,
        competitors: input.competitors ?? null,
        strengths: input.strengths ?? null,
        risks: input.risks ?? null,
        analysisNotes: input.analysisNotes ?? null,
        ownerUserId: owner.id,
        departmentId: owner.departmentId,
        searchText: projectSearchText(code, input.name, customer.name),
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    if (!row) throw new AppError('internal');
    await tx
      .insert(projectStageHistory)
      .values({ projectId: row.id, fromStage: null, toStage: INITIAL_STAGE, at: ctx.now, actorId: ctx.actor.userId, note: null });
    await projectTimeline(tx, ctx, row, 'project.created', projectsMessages.message('timeline.created', { code, name: row.name }), {
      data: lead ? { leadId: lead.id, leadCode: lead.code } : null,
    });
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'project.create',
      entityType: 'project',
      entityId: row.id,
      changes: {
        code: { before: null, after: code },
        name: { before: null, after: row.name },
        customerId: { before: null, after: customer.id },
        leadId: { before: null, after: lead?.id ?? null },
      },
    });
    if (lead) {
      await tx
        .update(leads)
        .set({ state: 'converted', projectId: row.id, version: lead.version + 1, updatedAt: ctx.now })
        .where(eq(leads.id, lead.id));
      await appendTimeline(tx, {
        at: ctx.now,
        kind: 'lead.converted',
        entityType: 'project',
        entityId: row.id,
        actorId: ctx.actor.userId,
        title: projectsMessages.message('timeline.lead_converted', { code }),
        leadId: lead.id,
      });
      await appendAudit(tx, ctx.actor, ctx.now, {
        action: 'lead.convert',
        entityType: 'lead',
        entityId: lead.id,
        changes: { state: { before: lead.state, after: 'converted' }, projectId: { before: null, after: row.id } },
      });
    }
    return { id: row.id, code };
  });
}
