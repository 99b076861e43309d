import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { maskPhone } from '../../../../core/crm/phone.ts';
import { searchTerm } from '../../../../core/crm/search-text.ts';
import { addCalendarDays, shanghaiInstant } from '../../../../core/calendar/working-calendar.ts';
import { allowedLeadActions } from '../../../../core/intake/lead-states.ts';
import type { AssigneeOption, LeadDetail, LeadExportQuery, LeadListItem, LeadListQuery } from '../../../../core/intake/intake.schema.ts';
import type { Db } from '../../../db/client.ts';
import {
  approvalFiles,
  deadlines,
  departments,
  leadAttachments,
  leads,
  partners,
  rolePermissions,
  timelineEntries,
  userRoles,
  users,
} from '../../../db/schema.ts';
import type { Actor } from '../../../policies/actor.ts';
import { hasPermission } from '../../../policies/policy.ts';
import { readTimeline, timelineTitle } from '../../../timeline/timeline.ts';
import { actorFacts, leadFacts, type LeadRow } from '../lead-actions.ts';
import { latestApprovalFor } from '../../../approvals/subject-requests.ts';
import { LEAD_SUBJECT } from '../lead-events.ts';
import { leadForwardProcess } from '../lead-processes.ts';
import { escapeLike, searchLike } from '../../../kernel/text-search.ts';
import { leadVisibility } from '../../../policies/visibility.ts';

/** Read models of information intake: the lead list (and its export), the detail page, pickers. */

const assignee = alias(users, 'assignee');
const registrar = alias(users, 'registrar');
const OPEN = sql`('running', 'paused', 'breached')`;

const SORT: Record<string, AnyPgColumn> = {
  registeredAt: leads.registeredAt,
  code: leads.code,
  title: leads.title,
  state: leads.state,
  estimatedAmountFen: leads.estimatedAmountFen,
  updatedAt: leads.updatedAt,
};

/** The WHERE clause of the list and the export: reach + filters. */
async function listCondition(db: Db, actor: Actor, q: LeadExportQuery): Promise<SQL | undefined> {
  const conds: Array<SQL | undefined> = [await leadVisibility(db, actor)];
  const me = actor.userId;
  switch (q.box) {
    case 'screening':
      conds.push(eq(leads.state, 'registered'), sql`(${leads.conflictState} IS NULL OR ${leads.conflictState} <> 'pending')`);
      break;
    case 'evaluate':
      conds.push(me ? eq(leads.assigneeId, me) : sql`FALSE`, inArray(leads.state, ['assigned', 'evaluating', 'escalated']));
      break;
    case 'escalated':
      conds.push(eq(leads.state, 'escalated'));
      break;
    case 'conflicts':
      conds.push(eq(leads.conflictState, 'pending'));
      break;
    case undefined:
      break;
  }
  if (q.state) conds.push(eq(leads.state, q.state));
  if (q.channel) conds.push(eq(leads.channel, q.channel));
  if (q.assigneeId) conds.push(eq(leads.assigneeId, q.assigneeId));
  if (q.partnerId) conds.push(eq(leads.partnerId, q.partnerId));
  if (q.customerId) conds.push(eq(leads.customerId, q.customerId));
  if (q.mine === 'true') conds.push(me ? or(eq(leads.registeredBy, me), eq(leads.assigneeId, me)) : sql`FALSE`);
  const term = q.q ? searchTerm(q.q) : null;
  // phone digits sit behind the mark in search_text: readers without contact.phone do not match them
  if (term) conds.push(searchLike(sql`${leads.searchText}`, term, !hasPermission(actor, 'contact.phone')));
  if (q.from) conds.push(gte(leads.registeredAt, shanghaiInstant(q.from, 0)));
  if (q.to) conds.push(lt(leads.registeredAt, shanghaiInstant(addCalendarDays(q.to, 1), 0)));
  return and(...conds);
}

function orderOf(sort: string): SQL[] {
  const desc_ = sort.startsWith('-');
  const key = desc_ ? sort.slice(1) : sort;
  const col = SORT[key] ?? leads.registeredAt;
  return [desc_ ? sql`${col} DESC NULLS LAST` : sql`${col} ASC NULLS LAST`, desc_ ? desc(leads.id) : asc(leads.id)];
}

function baseSelect(db: Db) {
  return db
    .select({
      l: leads,
      assigneeName: assignee.displayName,
      registrarName: registrar.displayName,
      partnerName: partners.name,
      dueAt: sql<
        Date | string | null
      >`(SELECT min(d.due_at) FROM deadlines d WHERE d.subject_type = 'lead' AND d.subject_id = ${leads.id}::text AND d.state IN ${OPEN})`,
    })
    .from(leads)
    .leftJoin(assignee, eq(assignee.id, leads.assigneeId))
    .leftJoin(registrar, eq(registrar.id, leads.registeredBy))
    .leftJoin(partners, eq(partners.id, leads.partnerId));
}

type Row = Awaited<ReturnType<ReturnType<typeof baseSelect>['execute']>>[number];

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

function toItem(r: Row, now: Date): LeadListItem {
  const l = r.l;
  const due = r.dueAt ? new Date(r.dueAt) : null;
  return {
    id: l.id,
    code: l.code,
    title: l.title,
    channel: l.channel as LeadListItem['channel'],
    state: l.state as LeadListItem['state'],
    customerId: l.customerId,
    customerName: l.customerName,
    contactName: l.contactName,
    estimatedAmountFen: l.estimatedAmountFen,
    category: l.category,
    importance: l.importance,
    participationLevel: l.participationLevel,
    assigneeId: l.assigneeId,
    assigneeName: r.assigneeName,
    registeredById: l.registeredBy,
    registeredByName: r.registrarName,
    registeredAt: l.registeredAt.toISOString(),
    partnerId: l.partnerId,
    partnerName: r.partnerName,
    protectedUntil: iso(l.protectedUntil),
    conflictState: (l.conflictState as LeadListItem['conflictState']) ?? null,
    dueAt: due ? due.toISOString() : null,
    overdue: due !== null && due.getTime() < now.getTime(),
    updatedAt: l.updatedAt.toISOString(),
    version: l.version,
  };
}

/** The lead list: reach, filters, allow-listed sort, offset paging with the total. */
export async function listLeads(
  db: Db,
  actor: Actor,
  q: LeadListQuery,
  now: Date,
): Promise<{ items: LeadListItem[]; total: number; page: number; pageSize: number }> {
  const where = await listCondition(db, actor, q);
  const rows = await baseSelect(db)
    .where(where)
    .orderBy(...orderOf(q.sort))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const total = (await db.select({ n: count() }).from(leads).where(where))[0]?.n ?? 0;
  return { items: rows.map((r) => toItem(r, now)), total, page: q.page, pageSize: q.pageSize };
}

/** A row of the .xlsx export: the list item with the phone (masked without contact.phone) and the description. */
export type LeadExportRow = LeadListItem & { contactPhone: string | null; description: string | null };

/** Every lead of the filtered list (for the .xlsx export), in batches. */
export async function* leadRowsForExport(db: Db, actor: Actor, q: LeadExportQuery, now: Date): AsyncGenerator<LeadExportRow> {
  const where = await listCondition(db, actor, q);
  const seePhone = hasPermission(actor, 'contact.phone');
  const batch = 1000;
  for (let offset = 0; ; offset += batch) {
    const rows = await baseSelect(db)
      .where(where)
      .orderBy(...orderOf(q.sort))
      .limit(batch)
      .offset(offset);
    for (const r of rows) {
      yield { ...toItem(r, now), contactPhone: seePhone ? r.l.contactPhone : maskPhone(r.l.contactPhone), description: r.l.description };
    }
    if (rows.length < batch) break;
  }
}

/** The detail page of a lead inside the actor's reach, or null. */
export async function getLeadDetail(db: Db, actor: Actor, id: string, now: Date): Promise<LeadDetail | null> {
  const cond = await leadVisibility(db, actor);
  const r = (
    await baseSelect(db)
      .where(and(eq(leads.id, id), cond))
      .limit(1)
  )[0];
  if (!r) return null;
  const l: LeadRow = r.l;
  const screener = l.screenedBy
    ? ((await db.select({ n: users.displayName }).from(users).where(eq(users.id, l.screenedBy)).limit(1))[0]?.n ?? null)
    : null;
  const atts = await db
    .select({
      id: leadAttachments.id,
      fileName: leadAttachments.fileName,
      contentType: leadAttachments.contentType,
      size: leadAttachments.size,
      sha256: leadAttachments.sha256,
      uploadedByName: users.displayName,
      createdAt: leadAttachments.createdAt,
    })
    .from(leadAttachments)
    .leftJoin(users, eq(users.id, leadAttachments.uploadedBy))
    .where(eq(leadAttachments.leadId, id))
    .orderBy(asc(leadAttachments.createdAt));
  const dls = await db
    .select({
      id: deadlines.id,
      step: deadlines.step,
      policyCode: deadlines.policyCode,
      state: deadlines.state,
      ownerName: users.displayName,
      startedAt: deadlines.startedAt,
      dueAt: deadlines.dueAt,
      completedAt: deadlines.completedAt,
      breachedAt: deadlines.breachedAt,
    })
    .from(deadlines)
    .leftJoin(users, eq(users.id, deadlines.ownerUserId))
    .where(and(eq(deadlines.subjectType, LEAD_SUBJECT), eq(deadlines.subjectId, id)))
    .orderBy(asc(deadlines.startedAt));
  const timeline = await readTimeline(db, { leadId: id }, { limit: 100 });
  const actorIds = [...new Set(timeline.map((t) => t.actorId).filter((x): x is string => Boolean(x)))];
  const names = new Map(
    actorIds.length
      ? (await db.select({ id: users.id, n: users.displayName }).from(users).where(inArray(users.id, actorIds))).map((u) => [u.id, u.n])
      : [],
  );
  const escalation = timeline.find((t) => t.kind === 'lead.escalated');
  const approval = await latestApprovalFor(db, leadForwardProcess, id);
  const seePhone = hasPermission(actor, 'contact.phone');
  const conflictWith = Array.isArray(l.conflictWith) ? (l.conflictWith as Array<{ kind: string; id: string; label: string }>) : [];
  return {
    ...toItem(r, now),
    contactPhone: seePhone ? l.contactPhone : maskPhone(l.contactPhone),
    description: l.description,
    screening: {
      outcome: (l.screeningOutcome as LeadDetail['screening']['outcome']) ?? null,
      byId: l.screenedBy,
      byName: screener,
      at: iso(l.screenedAt),
      note: l.screeningNote,
      replyMethod: l.replyMethod,
      replyAt: iso(l.replyAt),
      replyBy: l.replyBy,
      replyContent: l.replyContent,
      forwardUnit: l.forwardUnit,
      forwardPerson: l.forwardPerson,
    },
    evaluation: l.evaluation,
    escalationReason: l.state === 'escalated' ? (escalation?.summary ?? null) : null,
    conflictWith: conflictWith.map((c) => ({ kind: String(c.kind), id: String(c.id), label: String(c.label) })),
    projectId: l.projectId,
    attachments: atts.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })),
    approval: approval ? { ...approval, link: `/approvals/${approval.id}` } : null,
    deadlines: dls.map((d) => ({
      ...d,
      startedAt: d.startedAt.toISOString(),
      dueAt: d.dueAt.toISOString(),
      completedAt: iso(d.completedAt),
      breachedAt: iso(d.breachedAt),
    })),
    timeline: timeline.map((t) => ({
      id: t.id,
      at: t.at.toISOString(),
      kind: t.kind,
      title: timelineTitle(t, actor.locale),
      summary: t.summary,
      actorName: t.actorId ? (names.get(t.actorId) ?? null) : null,
    })),
    allowedActions: allowedLeadActions(leadFacts(l), actorFacts(actor)),
  };
}

/** An attachment of a lead inside the actor's reach, with its content. */
export async function getLeadAttachment(db: Db, actor: Actor, leadId: string, attachmentId: string) {
  const cond = await leadVisibility(db, actor);
  const row = (
    await db
      .select({ fileName: leadAttachments.fileName, contentType: leadAttachments.contentType, content: approvalFiles.content })
      .from(leadAttachments)
      .innerJoin(leads, eq(leads.id, leadAttachments.leadId))
      .innerJoin(approvalFiles, eq(approvalFiles.sha256, leadAttachments.sha256))
      .where(and(eq(leadAttachments.id, attachmentId), eq(leadAttachments.leadId, leadId), cond))
      .limit(1)
  )[0];
  return row ?? null;
}

/** Active users who may evaluate leads (account managers), for the screening form. */
export async function assigneeOptions(db: Db, q: string | undefined): Promise<AssigneeOption[]> {
  const conds: Array<SQL | undefined> = [eq(users.active, true)];
  if (q) conds.push(or(ilike(users.displayName, `%${escapeLike(q)}%`), ilike(users.username, `%${escapeLike(q)}%`)));
  const rows = await db
    .selectDistinct({ id: users.id, displayName: users.displayName, departmentName: departments.name })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(rolePermissions, and(eq(rolePermissions.roleId, userRoles.roleId), eq(rolePermissions.permission, 'lead.evaluate')))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(and(...conds))
    .orderBy(asc(users.displayName))
    .limit(50);
  return rows;
}

/** Timeline entry ids newer than a point (tests, the customer page). */
export async function leadTimelineKinds(db: Db, leadId: string): Promise<string[]> {
  return (
    await db
      .select({ kind: timelineEntries.kind })
      .from(timelineEntries)
      .where(eq(timelineEntries.leadId, leadId))
      .orderBy(asc(timelineEntries.id))
  ).map((r) => r.kind);
}
