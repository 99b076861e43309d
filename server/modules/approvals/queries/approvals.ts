import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Locale } from '../../../../core/i18n/locale.ts';
import { canActOnTask } from '../../../../core/approvals/engine.ts';
import { diffSnapshots } from '../../../../core/approvals/snapshot-diff.ts';
import { delegationCovers } from '../../../../core/approvals/approvers.ts';
import { shanghaiDate } from '../../../../core/calendar/working-calendar.ts';
import type {
  ApprovalCounts,
  ApprovalDetail,
  ApprovalListItem,
  ApprovalListQuery,
  DelegationView,
  SubjectFieldView,
  UserOption,
} from '../../../../core/approvals/approvals.schema.ts';
import { rowsOf, type Db } from '../../../db/client.ts';
import {
  approvalActions,
  approvalAttachments,
  approvalChains,
  approvalDelegations,
  approvalFiles,
  approvalRequests,
  approvalRounds,
  approvalSteps,
  approvalTasks,
  departments,
  roles,
  users,
} from '../../../db/schema.ts';
import type { Actor } from '../../../policies/actor.ts';
import { isParticipant } from '../../../approvals/requests.ts';
import { getApprovalSubject } from '../../../approvals/subjects.ts';
import { escapeLike } from '../../../kernel/text-search.ts';
import { iso, isoOrNull, namesOf, processLabel, subjectFields, subjectLabel } from './approval-labels.ts';

type ListItem = z.infer<typeof ApprovalListItem>;
type Detail = z.infer<typeof ApprovalDetail>;

interface ListRow {
  id: string;
  process_code: string;
  title: string;
  requester_name: string;
  state: ListItem['state'];
  step_name: string | null;
  round: number;
  submitted_at: unknown;
  updated_at: unknown;
  decided_at: unknown;
  my_at: unknown;
  on_behalf_name: string | null;
}

/**
 * "My approvals": `waiting` — requests with a task waiting for me; `mine` — requests I
 * submitted; `done` — requests I decided a task of. Newest first.
 */
export async function listApprovals(db: Db, actor: Actor, query: z.infer<typeof ApprovalListQuery>) {
  const me = actor.userId ?? '00000000-0000-0000-0000-000000000000';
  const offset = (query.page - 1) * query.pageSize;
  const stateFilter = query.state ? sql`AND r.state = ${query.state}` : sql``;
  const select = sql`r.id, r.process_code, r.title, u.display_name AS requester_name, r.state, s.name AS step_name, r.round,
    r.submitted_at, r.updated_at, r.decided_at`;
  const joins = sql`JOIN users u ON u.id = r.requester_id LEFT JOIN approval_steps s ON s.id = r.current_step_id`;
  let rows: ListRow[];
  let total: number;
  if (query.box === 'waiting') {
    rows = rowsOf<ListRow>(
      await db.execute(sql`
      SELECT ${select}, min(t.created_at) AS my_at, min(ob.display_name) AS on_behalf_name
      FROM approval_tasks t JOIN approval_requests r ON r.id = t.request_id ${joins} LEFT JOIN users ob ON ob.id = t.on_behalf_of_id
      WHERE t.assignee_id = ${me} AND t.status = 'pending' AND r.state = 'pending'
      GROUP BY r.id, u.display_name, s.name
      ORDER BY my_at DESC, r.id LIMIT ${query.pageSize} OFFSET ${offset}`),
    );
    total =
      rowsOf<{ n: number }>(
        await db.execute(sql`
      SELECT count(DISTINCT t.request_id)::int AS n FROM approval_tasks t JOIN approval_requests r ON r.id = t.request_id
      WHERE t.assignee_id = ${me} AND t.status = 'pending' AND r.state = 'pending'`),
      )[0]?.n ?? 0;
  } else if (query.box === 'mine') {
    rows = rowsOf<ListRow>(
      await db.execute(sql`
      SELECT ${select}, NULL AS my_at, NULL AS on_behalf_name FROM approval_requests r ${joins}
      WHERE r.requester_id = ${me} ${stateFilter}
      ORDER BY r.updated_at DESC, r.id LIMIT ${query.pageSize} OFFSET ${offset}`),
    );
    total =
      rowsOf<{ n: number }>(
        await db.execute(sql`
      SELECT count(*)::int AS n FROM approval_requests r WHERE r.requester_id = ${me} ${stateFilter}`),
      )[0]?.n ?? 0;
  } else {
    rows = rowsOf<ListRow>(
      await db.execute(sql`
      SELECT ${select}, max(t.acted_at) AS my_at, NULL AS on_behalf_name
      FROM approval_tasks t JOIN approval_requests r ON r.id = t.request_id ${joins}
      WHERE t.acted_by = ${me} ${stateFilter}
      GROUP BY r.id, u.display_name, s.name
      ORDER BY my_at DESC, r.id LIMIT ${query.pageSize} OFFSET ${offset}`),
    );
    total =
      rowsOf<{ n: number }>(
        await db.execute(sql`
      SELECT count(DISTINCT t.request_id)::int AS n FROM approval_tasks t JOIN approval_requests r ON r.id = t.request_id
      WHERE t.acted_by = ${me} ${stateFilter}`),
      )[0]?.n ?? 0;
  }
  const items: ListItem[] = rows.map((r) => ({
    id: r.id,
    processCode: r.process_code,
    processLabel: processLabel(r.process_code, actor.locale),
    title: r.title,
    requesterName: r.requester_name,
    state: r.state,
    currentStepName: r.step_name,
    round: Number(r.round),
    submittedAt: iso(r.submitted_at),
    updatedAt: iso(r.updated_at),
    decidedAt: isoOrNull(r.decided_at),
    myAt: isoOrNull(r.my_at),
    onBehalfOfName: r.on_behalf_name,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

/** The numbers on the menu badge: tasks waiting for me and my requests returned to me. */
export async function approvalCounts(db: Db, actor: Actor): Promise<z.infer<typeof ApprovalCounts>> {
  const me = actor.userId ?? '00000000-0000-0000-0000-000000000000';
  const row = rowsOf<{ waiting: number; returned: number }>(
    await db.execute(sql`
    SELECT
      (SELECT count(DISTINCT t.request_id)::int FROM approval_tasks t JOIN approval_requests r ON r.id = t.request_id
        WHERE t.assignee_id = ${me} AND t.status = 'pending' AND r.state = 'pending') AS waiting,
      (SELECT count(*)::int FROM approval_requests r WHERE r.requester_id = ${me} AND r.state = 'returned') AS returned`),
  )[0];
  return { waiting: row?.waiting ?? 0, returned: row?.returned ?? 0 };
}

async function roleNames(db: Db, locale: Locale): Promise<Map<string, string>> {
  const rows = await db.select({ code: roles.code, nameZh: roles.nameZh, nameEn: roles.nameEn }).from(roles);
  return new Map(rows.map((r) => [r.code, locale === 'en' ? r.nameEn : r.nameZh]));
}

function fieldLabel(fields: SubjectFieldView[], path: string): string {
  const exact = fields.find((f) => f.key === path);
  if (exact) return exact.label;
  const [head, ...rest] = path.split('.');
  const parent = fields.find((f) => f.key === head);
  return parent ? [parent.label, ...rest].join('.') : path;
}

/**
 * A request as its participants see it: the snapshot under review and what changed in the
 * subject since, every round's steps and tasks, the timeline with attachments, and which
 * actions the reader may take. Null for anyone else (the route answers 404).
 */
export async function getApprovalDetail(db: Db, actor: Actor, id: string): Promise<Detail | null> {
  const r = (await db.select().from(approvalRequests).where(eq(approvalRequests.id, id)).limit(1))[0];
  if (!r || !(await isParticipant(db, r, actor.userId))) return null;
  const me = actor.userId ?? '';
  const locale = actor.locale;
  const subject = getApprovalSubject(r.subjectType);
  const fields = subjectFields(subject, locale);
  const chain = (
    await db.select({ definition: approvalChains.definition }).from(approvalChains).where(eq(approvalChains.id, r.chainId)).limit(1)
  )[0];
  const rounds = await db.select().from(approvalRounds).where(eq(approvalRounds.requestId, r.id)).orderBy(asc(approvalRounds.round));
  const steps = await db
    .select()
    .from(approvalSteps)
    .where(eq(approvalSteps.requestId, r.id))
    .orderBy(asc(approvalSteps.round), asc(approvalSteps.seq));
  const tasks = await db.select().from(approvalTasks).where(eq(approvalTasks.requestId, r.id)).orderBy(asc(approvalTasks.createdAt));
  const actions = await db.select().from(approvalActions).where(eq(approvalActions.requestId, r.id)).orderBy(asc(approvalActions.id));
  const attachments = await db
    .select()
    .from(approvalAttachments)
    .where(and(eq(approvalAttachments.requestId, r.id), isNotNull(approvalAttachments.actionId)))
    .orderBy(asc(approvalAttachments.createdAt));
  const names = await namesOf(db, [
    r.requesterId,
    ...tasks.flatMap((t) => [t.assigneeId, t.onBehalfOfId, t.actedBy, t.addedBy]),
    ...actions.flatMap((a) => [a.actorId, a.onBehalfOfId]),
    ...attachments.map((a) => a.uploadedBy),
    ...steps.flatMap((s) => (s.approver?.type === 'user' ? [s.approver.userId] : [])),
  ]);
  const rolesByCode = steps.some((s) => s.approver?.type === 'role') ? await roleNames(db, locale) : new Map<string, string>();
  const dept = r.requesterDepartmentId
    ? ((await db.select({ name: departments.name }).from(departments).where(eq(departments.id, r.requesterDepartmentId)).limit(1))[0]
        ?.name ?? null)
    : null;
  const name = (uid: string | null) => (uid ? (names.get(uid) ?? '') : null);

  let current: Detail['current'] = { available: false, version: null, changes: [] };
  if (subject) {
    const loaded = await subject.load(db, r.subjectId);
    if (loaded) {
      const now = JSON.parse(JSON.stringify(loaded.data)) as Record<string, unknown>;
      current = {
        available: true,
        version: loaded.version,
        changes: diffSnapshots(r.snapshot, now).map((c) => ({ ...c, label: fieldLabel(fields, c.path) })),
      };
    }
  }

  const currentTasks = r.currentStepId ? tasks.filter((t) => t.stepId === r.currentStepId) : [];
  const myTurn = r.state === 'pending' && currentTasks.some((t) => canActOnTask(t, me));
  const isRequester = r.requesterId === me;
  const attachmentView = (a: (typeof attachments)[number]) => ({
    id: a.id,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    uploadedByName: name(a.uploadedBy),
    createdAt: iso(a.createdAt),
  });

  return {
    id: r.id,
    processCode: r.processCode,
    processLabel: processLabel(r.processCode, locale),
    subjectType: r.subjectType,
    subjectLabel: subjectLabel(r.subjectType, locale),
    subjectId: r.subjectId,
    subjectVersion: r.subjectVersion,
    subjectLink: subject?.link ? subject.link(r.subjectId) : null,
    title: r.title,
    state: r.state,
    round: r.round,
    chainVersion: r.chainVersion,
    resubmitFrom: chain?.definition.resubmitFrom ?? 'first',
    requester: { id: r.requesterId, name: name(r.requesterId) ?? '', departmentName: dept },
    submittedAt: iso(r.submittedAt),
    decidedAt: isoOrNull(r.decidedAt),
    updatedAt: iso(r.updatedAt),
    fields,
    snapshot: r.snapshot,
    current,
    rounds: rounds.map((rd) => ({
      round: rd.round,
      subjectVersion: rd.subjectVersion,
      submittedAt: iso(rd.submittedAt),
      steps: steps
        .filter((s) => s.round === rd.round)
        .map((s) => ({
          id: s.id,
          seq: s.seq,
          name: s.name,
          mode: s.mode,
          status: s.status,
          skipReason: s.skipReason,
          adHoc: s.chainIndex === null,
          approver: s.approver,
          approverTarget:
            s.approver?.type === 'role'
              ? (rolesByCode.get(s.approver.roleCode) ?? s.approver.roleCode)
              : s.approver?.type === 'user'
                ? name(s.approver.userId)
                : null,
          activatedAt: isoOrNull(s.activatedAt),
          decidedAt: isoOrNull(s.decidedAt),
          tasks: tasks
            .filter((t) => t.stepId === s.id)
            .map((t) => ({
              id: t.id,
              assigneeId: t.assigneeId,
              assigneeName: name(t.assigneeId) ?? '',
              onBehalfOfId: t.onBehalfOfId,
              onBehalfOfName: name(t.onBehalfOfId),
              status: t.status,
              actedByName: name(t.actedBy),
              actedAt: isoOrNull(t.actedAt),
              comment: t.comment,
              addedByName: name(t.addedBy),
              createdAt: iso(t.createdAt),
            })),
        })),
    })),
    actions: actions.map((a) => ({
      id: a.id,
      round: a.round,
      action: a.action,
      actorName: name(a.actorId),
      onBehalfOfName: name(a.onBehalfOfId),
      stepName: a.stepId ? (steps.find((s) => s.id === a.stepId)?.name ?? null) : null,
      comment: a.comment,
      subjectVersion: a.subjectVersion,
      details: a.details,
      at: iso(a.at),
      attachments: attachments.filter((x) => x.actionId === a.id).map(attachmentView),
    })),
    can: {
      approve: myTurn,
      reject: myTurn,
      return: myTurn,
      addApprover: myTurn,
      withdraw: isRequester && (r.state === 'pending' || r.state === 'returned'),
      resubmit: isRequester && r.state === 'returned',
    },
  };
}

/**
 * An attachment's content for download: linked attachments for every participant, an unused
 * upload only for its uploader. Null when the reader may not see it.
 */
export async function getApprovalAttachment(db: Db, actor: Actor, requestId: string, attachmentId: string) {
  const r = (
    await db
      .select({ id: approvalRequests.id, requesterId: approvalRequests.requesterId })
      .from(approvalRequests)
      .where(eq(approvalRequests.id, requestId))
      .limit(1)
  )[0];
  if (!r || !(await isParticipant(db, r, actor.userId))) return null;
  const row = (
    await db
      .select({
        fileName: approvalAttachments.fileName,
        contentType: approvalAttachments.contentType,
        actionId: approvalAttachments.actionId,
        uploadedBy: approvalAttachments.uploadedBy,
        content: approvalFiles.content,
        size: approvalAttachments.size,
      })
      .from(approvalAttachments)
      .innerJoin(approvalFiles, eq(approvalFiles.sha256, approvalAttachments.sha256))
      .where(and(eq(approvalAttachments.id, attachmentId), eq(approvalAttachments.requestId, requestId)))
      .limit(1)
  )[0];
  if (!row) return null;
  if (row.actionId === null && row.uploadedBy !== actor.userId) return null;
  return { fileName: row.fileName, contentType: row.contentType, content: row.content };
}

/** An attachment as the uploader sees it right after uploading. */
export async function getUploadedAttachment(db: Db, id: string) {
  const a = (await db.select().from(approvalAttachments).where(eq(approvalAttachments.id, id)).limit(1))[0];
  if (!a) return null;
  const names = await namesOf(db, [a.uploadedBy]);
  return {
    id: a.id,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    sha256: a.sha256,
    uploadedByName: names.get(a.uploadedBy) ?? null,
    createdAt: iso(a.createdAt),
  };
}

/** The user's own delegations, newest first, with their status today. */
export async function listDelegations(db: Db, actor: Actor, now: Date): Promise<Array<z.infer<typeof DelegationView>>> {
  if (!actor.userId) return [];
  const rows = await db
    .select({
      id: approvalDelegations.id,
      delegateId: approvalDelegations.delegateId,
      delegateName: users.displayName,
      startsOn: approvalDelegations.startsOn,
      endsOn: approvalDelegations.endsOn,
      note: approvalDelegations.note,
      cancelledAt: approvalDelegations.cancelledAt,
      createdAt: approvalDelegations.createdAt,
    })
    .from(approvalDelegations)
    .innerJoin(users, eq(users.id, approvalDelegations.delegateId))
    .where(eq(approvalDelegations.userId, actor.userId))
    .orderBy(desc(approvalDelegations.startsOn), desc(approvalDelegations.createdAt))
    .limit(100);
  const today = shanghaiDate(now);
  return rows.map((d) => ({
    id: d.id,
    delegateId: d.delegateId,
    delegateName: d.delegateName,
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    note: d.note,
    status: d.cancelledAt ? 'cancelled' : d.endsOn < today ? 'ended' : delegationCovers(d, today) ? 'active' : 'scheduled',
    createdAt: iso(d.createdAt),
  }));
}

/** Active users by name or user name, for choosing a delegate or an added approver (at most 20). */
export async function userOptions(db: Db, q: string | undefined): Promise<Array<z.infer<typeof UserOption>>> {
  const term = q?.trim() ? `%${escapeLike(q.trim())}%` : null;
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, username: users.username, departmentName: departments.name })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(and(eq(users.active, true), term ? sql`(${users.displayName} ILIKE ${term} OR ${users.username} ILIKE ${term})` : sql`TRUE`))
    .orderBy(asc(users.displayName))
    .limit(20);
  return rows;
}
