import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Locale } from '../../core/i18n/locale.ts';
import type { Message } from '../../core/kernel/messages.ts';
import type { Db } from '../db/client.ts';
import { timelineEntries } from '../db/schema.ts';
import { renderMessage } from '../kernel/messages.ts';

/**
 * The one timeline of customers, leads and projects. Modules append entries in the same
 * transaction as the change they describe; the reader knows no module — `kind` (e.g.
 * `activity.visit`, `lead.screened`, `project.stage`) and `entityType`/`entityId` tell the UI
 * how to label and link an entry.
 *
 * The title is a message of the writing module's catalogue (`casesMessages.message('timeline.
 * received', {...})`): the row keeps its key and parameters, shown in the reader's language by
 * `timelineTitle`, and its Chinese text in `title` (search, and the fallback for old rows).
 */
export interface TimelineEntryInput {
  at: Date;
  kind: string;
  entityType: string;
  entityId: string;
  actorId: string | null;
  title: Message;
  summary?: string | null;
  data?: Record<string, unknown> | null;
  customerId?: string | null;
  projectId?: string | null;
  leadId?: string | null;
}

function rowOf(e: TimelineEntryInput): typeof timelineEntries.$inferInsert {
  return {
    at: e.at,
    kind: e.kind,
    entityType: e.entityType,
    entityId: e.entityId,
    actorId: e.actorId,
    title: e.title.text['zh-CN'],
    titleKey: e.title.key,
    titleParams: e.title.params,
    summary: e.summary ?? null,
    data: e.data ?? null,
    customerId: e.customerId ?? null,
    projectId: e.projectId ?? null,
    leadId: e.leadId ?? null,
  };
}

export async function appendTimeline(tx: Db, e: TimelineEntryInput): Promise<void> {
  await tx.insert(timelineEntries).values(rowOf(e));
}

/** Several entries in one insert (imports). */
export async function appendTimelineEntries(tx: Db, entries: readonly TimelineEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(timelineEntries).values(entries.map(rowOf));
}

export type TimelineRow = typeof timelineEntries.$inferSelect;

/**
 * An entry's title in the reader's language: its catalogue message rendered in `locale`, or the
 * stored (Chinese) title for rows written before titles had keys, or whose key is unknown.
 */
export function timelineTitle(row: Pick<TimelineRow, 'title' | 'titleKey' | 'titleParams'>, locale: Locale): string {
  if (!row.titleKey) return row.title;
  return renderMessage({ key: row.titleKey, params: row.titleParams }, locale) ?? row.title;
}

/**
 * Newest first, keyset-paginated by (at, id): `before` is the last row of the previous page.
 * The caller has already checked that the actor may see the customer / project / lead.
 */
export async function readTimeline(
  db: Db,
  subject: { customerId: string } | { projectId: string } | { leadId: string },
  opts: { limit: number; before?: { at: Date; id: number } | undefined; kinds?: string[] | undefined },
): Promise<TimelineRow[]> {
  const conds: SQL[] = [];
  if ('customerId' in subject) conds.push(eq(timelineEntries.customerId, subject.customerId));
  else if ('projectId' in subject) conds.push(eq(timelineEntries.projectId, subject.projectId));
  else conds.push(eq(timelineEntries.leadId, subject.leadId));
  if (opts.before) {
    const b = opts.before;
    const older = or(lt(timelineEntries.at, b.at), and(eq(timelineEntries.at, b.at), lt(timelineEntries.id, b.id)));
    if (older) conds.push(older);
  }
  if (opts.kinds && opts.kinds.length > 0) {
    const kindConds = opts.kinds.map((k) => eq(timelineEntries.kind, k));
    const any = or(...kindConds);
    if (any) conds.push(any);
  }
  return db
    .select()
    .from(timelineEntries)
    .where(and(...conds))
    .orderBy(desc(timelineEntries.at), desc(timelineEntries.id))
    .limit(opts.limit);
}
