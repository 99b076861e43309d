import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { diffFields } from '../../../audit/audit-log.ts';
import { projects, projectSummaries } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { checkVersion, stateConflict } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import { notify } from '../../../notifications/notify.ts';
import { hasPermission } from '../../../policies/policy.ts';
import { projectVisibility } from '../../../policies/visibility.ts';
import { auditProject, projectTimeline } from '../project-changes.ts';
import { projectsMessages } from '../projects.messages.ts';
import { projectSummarySharedEvent } from '../project-events.ts';
import { isOnTeam, teamUserIds } from '../project-team.ts';

export interface SummaryInput {
  version: number;
  overview: string;
  whatWorked?: string | null | undefined;
  whatToImprove?: string | null | undefined;
  lessons?: string | null | undefined;
}

/**
 * The project summary (项目总结, seed 000 step 9): after the result, whatever it is, the team
 * writes it; it is shared with the whole team and the monitor. Team members write it; so does
 * anyone allowed to edit the project in their scope.
 */
export async function saveProjectSummary(ctx: Ctx, id: string, input: SummaryInput): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const p = await loadVisible(tx, projects, id, await projectVisibility(tx, ctx.actor, 'project.read'), { lock: true });
    let allowed = await isOnTeam(tx, p, ctx.actor.userId);
    if (!allowed && hasPermission(ctx.actor, 'project.update')) {
      const vis = await projectVisibility(tx, ctx.actor, 'project.update');
      allowed =
        (
          await tx
            .select({ id: projects.id })
            .from(projects)
            .where(and(eq(projects.id, p.id), vis))
            .limit(1)
        ).length > 0;
    }
    if (!allowed) throw new AppError('forbidden', {}, { reason: 'only the project team writes the summary' });
    if (p.status === 'open')
      throw stateConflict(ctx.actor.locale, {
        zh: '请先记录项目结果（中标、丢单、放弃或流标），再撰写项目总结',
        en: 'record the outcome (won, lost, abandoned or failed tender) before the summary',
      });
    if (p.stage === 'closed')
      throw stateConflict(ctx.actor.locale, {
        zh: '项目已关闭，总结不能再修改',
        en: 'the project is closed; its summary can no longer change',
      });
    const [existing] = await tx.select().from(projectSummaries).where(eq(projectSummaries.projectId, p.id)).limit(1).for('update');
    const fields = {
      overview: input.overview,
      whatWorked: input.whatWorked ?? null,
      whatToImprove: input.whatToImprove ?? null,
      lessons: input.lessons ?? null,
    };
    if (!existing) {
      checkVersion({ version: 0 }, input.version);
      await tx
        .insert(projectSummaries)
        .values({ projectId: p.id, ...fields, submittedAt: ctx.now, authorId: ctx.actor.userId, createdAt: ctx.now, updatedAt: ctx.now });
    } else {
      checkVersion(existing, input.version);
      const changes = diffFields(existing as unknown as Record<string, unknown>, fields);
      if (!changes) return;
      await tx
        .update(projectSummaries)
        .set({ ...fields, version: existing.version + 1, updatedAt: ctx.now })
        .where(eq(projectSummaries.projectId, p.id));
    }
    await auditProject(tx, ctx, p.id, existing ? 'project.summary_update' : 'project.summary_create', {
      overview: { before: existing?.overview ?? null, after: input.overview },
    });
    await projectTimeline(
      tx,
      ctx,
      p,
      'project.summary',
      projectsMessages.message(existing ? 'timeline.summary_updated' : 'timeline.summary_submitted'),
      { summary: input.overview.slice(0, 200) },
    );
    const recipients = (await teamUserIds(tx, p)).filter((u) => u !== ctx.actor.userId);
    if (recipients.length) {
      await notify(tx, ctx.now, {
        event: projectSummarySharedEvent,
        recipientUserIds: recipients,
        params: { code: p.code, name: p.name, actor: ctx.actor.displayName ?? '' },
        subject: { type: 'project', id: p.id },
        link: `/projects/${p.id}?tab=summary`,
      });
    }
  });
}
