import { eq, notInArray } from 'drizzle-orm';
import { validateStageConfig, type StageConfig } from '../../../../core/projects/stages.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { projects, settings } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { checkVersion, fieldErrors } from '../../../kernel/guards.ts';
import { requirePermission } from '../../../policies/policy.ts';
import { STAGES_SETTING_KEY } from '../project-stage-config.ts';

/**
 * Saves the project stage machine (stages, moves, gates, the split floor). The whole
 * configuration is validated by the same core rules the gate uses; `version` 0 creates it.
 */
export async function saveStageConfig(ctx: Ctx, input: StageConfig & { version: number }): Promise<void> {
  requirePermission(ctx.actor, 'project.configure');
  const { version, ...config } = input;
  const errors = validateStageConfig(config);
  if (errors.length) {
    throw fieldErrors(ctx.actor.locale, { stages: { zh: errors.map((e) => e.zh).join('; '), en: errors.map((e) => e.en).join('; ') } });
  }
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(settings).where(eq(settings.key, STAGES_SETTING_KEY)).limit(1).for('update');
    const current = row?.version ?? 0;
    checkVersion({ version: current }, version);
    // A stage that projects are in cannot disappear: they could never move again.
    const inUse = await tx
      .selectDistinct({ stage: projects.stage })
      .from(projects)
      .where(
        notInArray(
          projects.stage,
          config.stages.map((s) => s.code),
        ),
      )
      .limit(10);
    if (inUse.length) {
      const codes = inUse.map((r) => r.stage).join(', ');
      throw fieldErrors(ctx.actor.locale, {
        stages: { zh: `仍有项目处于被删除的阶段：${codes}`, en: `Projects are still in the removed stage(s): ${codes}` },
      });
    }
    if (row) {
      await tx
        .update(settings)
        .set({ value: config, version: current + 1, updatedAt: ctx.now })
        .where(eq(settings.key, STAGES_SETTING_KEY));
    } else {
      await tx.insert(settings).values({ key: STAGES_SETTING_KEY, value: config, version: 1, updatedAt: ctx.now });
    }
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'project.stages_configure',
      entityType: 'settings',
      entityId: STAGES_SETTING_KEY,
      changes: {
        stages: {
          before: row ? ((row.value as StageConfig).stages?.map((s) => s.code) ?? null) : null,
          after: config.stages.map((s) => s.code),
        },
        shareFloorPct: { before: row ? ((row.value as StageConfig).shareFloorPct ?? null) : null, after: config.shareFloorPct },
      },
    });
  });
}
