import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../core/errors.ts';
import type { Label } from '../../../core/kernel/label.ts';
import { appendAudit, type Changes } from '../../audit/audit-log.ts';
import type { Db } from '../../db/client.ts';
import { projects } from '../../db/schema.ts';
import type { Ctx } from '../../kernel/context.ts';
import { notify } from '../../notifications/notify.ts';
import { appendTimeline } from '../../timeline/timeline.ts';
import type { Message } from '../../../core/kernel/messages.ts';
import { projectKeyEvent } from './project-events.ts';
import type { ProjectRow } from './project-row.ts';

/**
 * How a project use case records a change, inside its transaction: the row update (version
 * bumped), the audit row, the timeline entry (project and customer) and the notice to the
 * monitor (and the owner).
 */

/** Updates the project row (bumping its version) and returns it. */
export async function writeProject(tx: Db, ctx: Ctx, p: ProjectRow, set: Partial<typeof projects.$inferInsert>): Promise<ProjectRow> {
  const [row] = await tx
    .update(projects)
    .set({ ...set, version: p.version + 1, updatedAt: ctx.now })
    .where(and(eq(projects.id, p.id), eq(projects.version, p.version)))
    .returning();
  if (!row) throw new AppError('conflict_stale', { currentVersion: p.version + 1 }, { currentVersion: p.version + 1 });
  return row;
}

/** A timeline entry of the project (and its customer). */
export async function projectTimeline(
  tx: Db,
  ctx: Ctx,
  p: { id: string; customerId: string; leadId?: string | null },
  kind: string,
  title: Message,
  extra: { summary?: string | null; data?: Record<string, unknown> | null; entityType?: string; entityId?: string } = {},
): Promise<void> {
  await appendTimeline(tx, {
    at: ctx.now,
    kind,
    entityType: extra.entityType ?? 'project',
    entityId: extra.entityId ?? p.id,
    actorId: ctx.actor.userId,
    title,
    summary: extra.summary ?? null,
    data: extra.data ?? null,
    customerId: p.customerId,
    projectId: p.id,
  });
}

/** An audit row about the project. */
export async function auditProject(
  tx: Db,
  ctx: Ctx,
  projectId: string,
  action: string,
  changes: Changes | null,
  detail?: string | null,
): Promise<void> {
  await appendAudit(tx, ctx.actor, ctx.now, { action, entityType: 'project', entityId: projectId, changes, detail: detail ?? null });
}

/**
 * Tells the project monitor (监控人, seed 004: watches the key points) — and the owner, when
 * someone else acted — about a key event. `major` events are also copied per the CC rule (GM).
 */
export async function notifyKeyEvent(
  tx: Db,
  ctx: Ctx,
  p: ProjectRow,
  event: Label,
  opts: { major?: boolean; alsoOwner?: boolean } = {},
): Promise<void> {
  const ids = new Set<string>();
  if (p.monitorUserId) ids.add(p.monitorUserId);
  if (opts.alsoOwner !== false && p.ownerUserId !== ctx.actor.userId) ids.add(p.ownerUserId);
  if (ctx.actor.userId) ids.delete(ctx.actor.userId);
  if (ids.size === 0 && !opts.major) return;
  await notify(tx, ctx.now, {
    event: projectKeyEvent,
    recipientUserIds: [...ids],
    params: { code: p.code, name: p.name, event: event.zh, eventEn: event.en, actor: ctx.actor.displayName ?? '' },
    subject: { type: 'project', id: p.id },
    link: `/projects/${p.id}`,
    ...(opts.major ? { major: true } : {}),
  });
}
