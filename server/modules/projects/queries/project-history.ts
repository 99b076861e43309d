import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ProjectDeadlineView, StageHistoryView, SummaryView, TimelineEntryView } from '../../../../core/projects/projects.schema.ts';
import { rowsOf, type Db } from '../../../db/client.ts';
import { projects, projectStageHistory, projectSummaries, users } from '../../../db/schema.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import type { Actor } from '../../../policies/actor.ts';
import { projectVisibility } from '../../../policies/visibility.ts';
import { readTimeline, timelineTitle } from '../../../timeline/timeline.ts';

/**
 * What happened to a visible project: its timeline, its stage moves, its deadlines and the
 * team's summary (404 outside the reader's visibility).
 */

const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();
const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));

/** The project, 404 when the reader may not see it. */
async function visibleProject(db: Db, actor: Actor, id: string) {
  return loadVisible(db, projects, id, await projectVisibility(db, actor, 'project.read'));
}

/** The project's timeline, newest first, keyset-paged. */
export async function projectTimelineView(
  db: Db,
  actor: Actor,
  id: string,
  q: { limit: number; beforeAt?: string | undefined; beforeId?: number | undefined },
): Promise<Array<z.infer<typeof TimelineEntryView>>> {
  await visibleProject(db, actor, id);
  const before = q.beforeAt && q.beforeId ? { at: new Date(q.beforeAt), id: q.beforeId } : undefined;
  const rows = await readTimeline(db, { projectId: id }, { limit: q.limit, before });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
  const names = actorIds.length
    ? await db.select({ id: users.id, n: users.displayName }).from(users).where(inArray(users.id, actorIds))
    : [];
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    kind: r.kind,
    entityType: r.entityType,
    entityId: r.entityId,
    actorName: names.find((u) => u.id === r.actorId)?.n ?? null,
    title: timelineTitle(r, actor.locale),
    summary: r.summary,
  }));
}

/** Every stage move of the project, oldest first, with who moved it. */
export async function projectStageHistoryView(db: Db, actor: Actor, id: string): Promise<Array<z.infer<typeof StageHistoryView>>> {
  await visibleProject(db, actor, id);
  const rows = await db
    .select({ h: projectStageHistory, actorName: users.displayName })
    .from(projectStageHistory)
    .leftJoin(users, eq(users.id, projectStageHistory.actorId))
    .where(eq(projectStageHistory.projectId, id))
    .orderBy(asc(projectStageHistory.at), asc(projectStageHistory.id));
  return rows.map(({ h, actorName }) => ({
    id: h.id,
    fromStage: h.fromStage,
    toStage: h.toStage,
    at: h.at.toISOString(),
    actorName: actorName ?? null,
    note: h.note,
  }));
}

/** The project summary, or null while none is written. */
export async function projectSummaryView(db: Db, actor: Actor, id: string): Promise<z.infer<typeof SummaryView> | null> {
  await visibleProject(db, actor, id);
  const [row] = await db
    .select({ s: projectSummaries, authorName: users.displayName })
    .from(projectSummaries)
    .leftJoin(users, eq(users.id, projectSummaries.authorId))
    .where(eq(projectSummaries.projectId, id))
    .limit(1);
  if (!row) return null;
  const { s } = row;
  return {
    overview: s.overview,
    whatWorked: s.whatWorked,
    whatToImprove: s.whatToImprove,
    lessons: s.lessons,
    authorName: row.authorName ?? null,
    submittedAt: s.submittedAt?.toISOString() ?? null,
    updatedAt: s.updatedAt.toISOString(),
    version: s.version,
  };
}

/** The deadlines of a visible project (its own steps, its tasks, its approval tasks), open ones first. */
export async function projectDeadlinesView(
  db: Db,
  actor: Actor,
  id: string,
  now: Date,
): Promise<Array<z.infer<typeof ProjectDeadlineView>>> {
  await visibleProject(db, actor, id);
  const rows = rowsOf<{
    id: string;
    policy_zh: string;
    policy_en: string;
    title: string | null;
    owner_name: string;
    state: string;
    due_at: unknown;
    completed_at: unknown;
    link: string | null;
  }>(
    await db.execute(sql`
    SELECT d.id, pol.name_zh AS policy_zh, pol.name_en AS policy_en, d.title, u.display_name AS owner_name, d.state, d.due_at, d.completed_at, d.link
    FROM deadlines d
    JOIN deadline_policies pol ON pol.id = d.policy_id
    JOIN users u ON u.id = d.owner_user_id
    WHERE (d.subject_type = 'project' AND d.subject_id = ${id})
      OR (d.subject_type = 'task' AND d.subject_id IN (SELECT t.id::text FROM tasks t WHERE t.project_id = ${id}::uuid))
      OR (d.subject_type = 'approval_task' AND d.subject_id IN (
        SELECT at.id::text FROM approval_tasks at JOIN approval_requests ar ON ar.id = at.request_id
        WHERE ar.subject_type = 'project' AND ar.subject_id = ${id}))
    ORDER BY (d.state IN ('running', 'paused', 'breached')) DESC, d.due_at
    LIMIT 200`),
  );
  return rows.map((r) => {
    const open = ['running', 'paused', 'breached'].includes(r.state);
    const dueAt = iso(r.due_at);
    return {
      id: r.id,
      policyName: actor.locale === 'en' ? r.policy_en : r.policy_zh,
      title: r.title,
      ownerName: r.owner_name,
      state: r.state,
      dueAt,
      completedAt: isoOrNull(r.completed_at),
      overdue: open && r.state !== 'paused' && new Date(dueAt).getTime() <= now.getTime(),
      link: r.link,
    };
  });
}
