import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import {
  CASE_KIND_LABELS,
  closeNeedsNote,
  nextCaseState,
  type CaseEvent,
  type CaseKind,
  type CaseState,
} from '../../../../core/cases/case-rules.ts';
import type { CreateCaseBody, UpdateCaseBody } from '../../../../core/cases/cases.schema.ts';
import { appendAudit, diffFields } from '../../../audit/audit-log.ts';
import type { Db } from '../../../db/client.ts';
import { customerCases, customers, deadlines, projects } from '../../../db/schema.ts';
import { nextCode } from '../../../db/counters.ts';
import { cancelDeadline, completeDeadline, startDeadline } from '../../../deadlines/deadlines.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { caseAccess } from '../case-visibility.ts';
import { CASE_CODE_PREFIX, CASE_SUBJECT, caseAssignedEvent, POLICY_CASE_ANSWER, STEP_ANSWER } from '../case-events.ts';
import { notify } from '../../../notifications/notify.ts';
import { hasPermission, requirePermission } from '../../../policies/policy.ts';
import { formatShanghai } from '../../../support/time.ts';
import { appendTimeline } from '../../../timeline/timeline.ts';
import { casesMessages } from '../cases.messages.ts';
import { openDeadlineDue } from '../../../deadlines/open-deadline-due.ts';
import { userBrief, userHolds } from '../../../kernel/people.ts';
import { customerRef, projectRef } from '../../../kernel/references.ts';
import type { Message } from '../../../../core/kernel/messages.ts';
import { blankToNull } from '../../../../core/kernel/text.ts';
import { checkVersion, fieldErrors, stateConflict } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';

type CaseRow = typeof customerCases.$inferSelect;

const answerKey = (id: string) => ({ subjectType: CASE_SUBJECT, subjectId: id, step: STEP_ANSWER });

async function lockCase(tx: Db, ctx: Ctx, id: string, version: number): Promise<CaseRow> {
  const row = await loadVisible(tx, customerCases, id, await caseAccess(tx, ctx.actor), { lock: true });
  checkVersion(row, version);
  return row;
}

function nextOrConflict(ctx: Ctx, row: CaseRow, event: CaseEvent): CaseState {
  const next = nextCaseState(row.state as CaseState, event);
  if (!next) throw stateConflict(ctx.actor.locale, { zh: '该咨询 / 投诉已关闭或已答复', en: 'the case is already answered or closed' });
  return next;
}

/** A case about a project is about that project's customer. */
function checkProjectOfCustomer(ctx: Ctx, projectCustomerId: string, customerId: string): void {
  if (projectCustomerId !== customerId)
    throw fieldErrors(ctx.actor.locale, { projectId: { zh: '该项目不属于所选客户', en: 'the project belongs to another customer' } });
}

/** A handler who may see the case: active and holding case.read. */
async function checkedAssignee(tx: Db, ctx: Ctx, id: string) {
  const u = await userBrief(tx, id);
  if (!u || !u.active || !(await userHolds(tx, id, 'case.read'))) {
    throw fieldErrors(ctx.actor.locale, {
      assigneeId: { zh: '请选择可查看客户咨询与投诉的在职人员', en: 'choose an active colleague who can see customer cases' },
    });
  }
  return u;
}

async function timeline(
  tx: Db,
  ctx: Ctx,
  row: { id: string; customerId: string | null; projectId: string | null },
  kind: string,
  title: Message,
  summary: string | null,
) {
  if (!row.customerId && !row.projectId) return;
  await appendTimeline(tx, {
    at: ctx.now,
    kind,
    entityType: 'customer_case',
    entityId: row.id,
    actorId: ctx.actor.userId,
    title,
    summary,
    data: { link: `/cases/${row.id}` },
    customerId: row.customerId,
    projectId: row.projectId,
  });
}

async function notifyAssignee(tx: Db, ctx: Ctx, row: CaseRow, assigneeId: string, customerName: string | null) {
  if (assigneeId === ctx.actor.userId) return;
  const due = await openDeadlineDue(tx, CASE_SUBJECT, row.id, STEP_ANSWER);
  const me = await userBrief(tx, ctx.actor.userId);
  const kind = CASE_KIND_LABELS[row.kind as CaseKind].zh;
  await notify(tx, ctx.now, {
    event: caseAssignedEvent,
    recipientUserIds: [assigneeId],
    params: {
      code: row.code,
      kind,
      subject: row.subject,
      customer: customerName ?? '—',
      by: me?.displayName ?? '',
      due: due ? formatShanghai(due).slice(0, 16) : '—',
    },
    subject: { type: CASE_SUBJECT, id: row.id },
    link: `/cases/${row.id}`,
  });
}

/** Receives an inquiry or a complaint; the answer deadline (2 working days) runs from its receipt. */
export async function createCase(ctx: Ctx, input: CreateCaseBody): Promise<string> {
  requirePermission(ctx.actor, 'case.manage');
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('forbidden');
  return ctx.db.transaction(async (tx) => {
    const me = await userBrief(tx, userId);
    const customer = input.customerId ? await customerRef(tx, ctx.actor, input.customerId) : null;
    const project = input.projectId ? await projectRef(tx, ctx.actor, input.projectId) : null;
    if (customer && project) checkProjectOfCustomer(ctx, project.customerId, customer.id);
    const assignee = input.assigneeId ? await checkedAssignee(tx, ctx, input.assigneeId) : null;
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : ctx.now;
    if (receivedAt.getTime() > ctx.now.getTime() + 60_000)
      throw fieldErrors(ctx.actor.locale, { receivedAt: { zh: '受理时间不能晚于现在', en: 'cannot be in the future' } });
    const code = await nextCode(tx, CASE_CODE_PREFIX, ctx.now);
    const [row] = await tx
      .insert(customerCases)
      .values({
        code,
        kind: input.kind,
        customerId: customer?.id ?? project?.customerId ?? null,
        projectId: project?.id ?? null,
        subject: input.subject,
        content: input.content,
        channel: input.channel,
        receivedAt,
        assigneeId: assignee?.id ?? null,
        state: assignee ? 'assigned' : 'open',
        ownerUserId: userId,
        departmentId: me?.departmentId ?? null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    if (!row) throw new AppError('internal');
    await startDeadline(tx, ctx.now, {
      ...answerKey(row.id),
      policyCode: POLICY_CASE_ANSWER,
      ownerUserId: assignee?.id ?? userId,
      startedAt: receivedAt,
      title: `${row.code} ${row.subject}`,
      link: `/cases/${row.id}`,
    });
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'case.create',
      entityType: 'customer_case',
      entityId: row.id,
      changes: {
        state: { before: null, after: row.state },
        kind: { before: null, after: row.kind },
        subject: { before: null, after: row.subject },
        assigneeId: { before: null, after: row.assigneeId },
      },
    });
    await timeline(
      tx,
      ctx,
      row,
      'case.received',
      casesMessages.message('timeline.received', { kind: CASE_KIND_LABELS[row.kind as CaseKind], subject: row.subject }),
      row.content,
    );
    if (assignee) await notifyAssignee(tx, ctx, row, assignee.id, customer?.name ?? null);
    return row.id;
  });
}

/** Edits an open case (kind, customer, project, subject, content, channel). */
export async function updateCase(ctx: Ctx, id: string, input: UpdateCaseBody): Promise<void> {
  requirePermission(ctx.actor, 'case.manage');
  await ctx.db.transaction(async (tx) => {
    const before = await lockCase(tx, ctx, id, input.version);
    nextOrConflict(ctx, before, 'edit');
    const set: Partial<typeof customerCases.$inferInsert> = {};
    if (input.kind !== undefined) set.kind = input.kind;
    if (input.subject !== undefined) set.subject = input.subject;
    if (input.content !== undefined) set.content = input.content;
    if (input.channel !== undefined) set.channel = input.channel;
    if (input.customerId !== undefined) set.customerId = input.customerId ? (await customerRef(tx, ctx.actor, input.customerId)).id : null;
    if (input.projectId !== undefined) set.projectId = input.projectId ? (await projectRef(tx, ctx.actor, input.projectId)).id : null;
    const projectId = set.projectId !== undefined ? set.projectId : before.projectId;
    const customerId = set.customerId !== undefined ? set.customerId : before.customerId;
    if (projectId && customerId && (input.projectId !== undefined || input.customerId !== undefined)) {
      const p = (await tx.select({ customerId: projects.customerId }).from(projects).where(eq(projects.id, projectId)).limit(1))[0];
      if (p) checkProjectOfCustomer(ctx, p.customerId, customerId);
    }
    const changes = diffFields(before as unknown as Record<string, unknown>, set as Record<string, unknown>);
    if (!changes) return;
    await tx
      .update(customerCases)
      .set({ ...set, version: before.version + 1, updatedAt: ctx.now })
      .where(eq(customerCases.id, id));
    await appendAudit(tx, ctx.actor, ctx.now, { action: 'case.update', entityType: 'customer_case', entityId: id, changes });
  });
}

/**
 * Hands the case to a handler. The answer deadline keeps counting from the receipt; when the
 * handler changes, the deadline is re-issued to the new handler with the same start.
 */
export async function assignCase(ctx: Ctx, id: string, input: { version: number; assigneeId: string }): Promise<void> {
  requirePermission(ctx.actor, 'case.manage');
  await ctx.db.transaction(async (tx) => {
    const before = await lockCase(tx, ctx, id, input.version);
    const next = nextOrConflict(ctx, before, 'assign');
    const assignee = await checkedAssignee(tx, ctx, input.assigneeId);
    if (before.assigneeId === assignee.id) return;
    await tx
      .update(customerCases)
      .set({ state: next, assigneeId: assignee.id, version: before.version + 1, updatedAt: ctx.now })
      .where(eq(customerCases.id, id));
    const open = (
      await tx
        .select({ ownerUserId: deadlines.ownerUserId })
        .from(deadlines)
        .where(
          and(
            eq(deadlines.subjectType, CASE_SUBJECT),
            eq(deadlines.subjectId, id),
            eq(deadlines.step, STEP_ANSWER),
            inArray(deadlines.state, ['running', 'paused', 'breached']),
          ),
        )
        .limit(1)
    )[0];
    if (open?.ownerUserId !== assignee.id) {
      await cancelDeadline(tx, ctx.now, answerKey(id));
      await startDeadline(tx, ctx.now, {
        ...answerKey(id),
        policyCode: POLICY_CASE_ANSWER,
        ownerUserId: assignee.id,
        startedAt: before.receivedAt,
        title: `${before.code} ${before.subject}`,
        link: `/cases/${id}`,
      });
    }
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'case.assign',
      entityType: 'customer_case',
      entityId: id,
      changes: { state: { before: before.state, after: next }, assigneeId: { before: before.assigneeId, after: assignee.id } },
    });
    await timeline(tx, ctx, before, 'case.assigned', casesMessages.message('timeline.assigned', { assignee: assignee.displayName }), null);
    const customerName = before.customerId
      ? ((await tx.select({ n: customers.name }).from(customers).where(eq(customers.id, before.customerId)).limit(1))[0]?.n ?? null)
      : null;
    await notifyAssignee(tx, ctx, before, assignee.id, customerName);
  });
}

/** The handler (or a case manager) records the answer given to the customer; the deadline is met. */
export async function answerCase(ctx: Ctx, id: string, input: { version: number; answer: string }): Promise<void> {
  requirePermission(ctx.actor, 'case.read');
  await ctx.db.transaction(async (tx) => {
    const before = await lockCase(tx, ctx, id, input.version);
    if (before.assigneeId !== ctx.actor.userId && !hasPermission(ctx.actor, 'case.manage')) {
      throw new AppError('forbidden', {}, { reason: 'only the handler or a case manager answers' });
    }
    const next = nextOrConflict(ctx, before, 'answer');
    await tx
      .update(customerCases)
      .set({
        state: next,
        answer: input.answer,
        answeredAt: ctx.now,
        assigneeId: before.assigneeId ?? ctx.actor.userId,
        version: before.version + 1,
        updatedAt: ctx.now,
      })
      .where(eq(customerCases.id, id));
    await completeDeadline(tx, ctx.now, answerKey(id));
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'case.answer',
      entityType: 'customer_case',
      entityId: id,
      changes: { state: { before: before.state, after: next }, answer: { before: before.answer, after: input.answer } },
    });
    await timeline(
      tx,
      ctx,
      before,
      'case.answered',
      casesMessages.message('timeline.answered', { kind: CASE_KIND_LABELS[before.kind as CaseKind], subject: before.subject }),
      input.answer,
    );
  });
}

/** Closes a case: after the answer, or earlier with a note (duplicate, withdrawn by the customer…). */
export async function closeCase(ctx: Ctx, id: string, input: { version: number; note?: string | null | undefined }): Promise<void> {
  requirePermission(ctx.actor, 'case.manage');
  await ctx.db.transaction(async (tx) => {
    const before = await lockCase(tx, ctx, id, input.version);
    const next = nextOrConflict(ctx, before, 'close');
    const note = blankToNull(input.note) ?? null;
    if (closeNeedsNote(before.state as CaseState) && !note) {
      throw fieldErrors(ctx.actor.locale, { note: { zh: '尚未答复就关闭，请说明原因', en: 'closing before an answer needs a reason' } });
    }
    await tx
      .update(customerCases)
      .set({ state: next, version: before.version + 1, updatedAt: ctx.now })
      .where(eq(customerCases.id, id));
    await cancelDeadline(tx, ctx.now, answerKey(id));
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'case.close',
      entityType: 'customer_case',
      entityId: id,
      changes: { state: { before: before.state, after: next } },
      detail: note,
    });
    await timeline(
      tx,
      ctx,
      before,
      'case.closed',
      casesMessages.message('timeline.closed', { kind: CASE_KIND_LABELS[before.kind as CaseKind], subject: before.subject }),
      note,
    );
  });
}
