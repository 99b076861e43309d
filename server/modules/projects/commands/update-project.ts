import { eq } from 'drizzle-orm';
import { isBigProject } from '../../../../core/projects/rules.ts';
import type { UpdateProjectBody } from '../../../../core/projects/projects.schema.ts';
import { GATE_FIELD_LABELS, type GateField } from '../../../../core/projects/stages.ts';
import { diffFields } from '../../../audit/audit-log.ts';
import { customers, partners, projects } from '../../../db/schema.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { checkVersion, fieldErrors, stateConflict } from '../../../kernel/guards.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import { projectVisibility } from '../../../policies/visibility.ts';
import { auditProject, projectTimeline, writeProject } from '../project-changes.ts';
import { projectsMessages } from '../projects.messages.ts';
import { numberOf } from '../project-row.ts';
import { projectSearchText } from '../project-search-text.ts';

/**
 * Edits the preliminary analysis (项目初步分析) and the registration form (项目登记表). The
 * big-project flag follows the person-months; a changed split drops an earlier split exception.
 */
export async function updateProject(ctx: Ctx, id: string, input: UpdateProjectBody): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const p = await loadVisible(tx, projects, id, await projectVisibility(tx, ctx.actor, 'project.update'), { lock: true });
    checkVersion(p, input.version);
    if (p.status !== 'open' || p.stage === 'closed')
      throw stateConflict(ctx.actor.locale, {
        zh: '项目已有结果或已关闭，不能再修改登记信息',
        en: 'the project has an outcome or is closed; its form can no longer change',
      });
    if (input.partnerId) {
      const [partner] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, input.partnerId)).limit(1);
      if (!partner) throw fieldErrors(ctx.actor.locale, { partnerId: { zh: '合作单位不存在', en: 'Unknown partner' } });
    }
    const { version: _v, ...fields } = input;
    const before = {
      ...p,
      personMonths: numberOf(p.personMonths),
      companySharePct: numberOf(p.companySharePct),
    } as unknown as Record<string, unknown>;
    const changes = diffFields(before, fields as Record<string, unknown>);
    if (!changes) return;
    const set: Partial<typeof projects.$inferInsert> = {
      ...fields,
      personMonths: fields.personMonths === undefined ? undefined : fields.personMonths === null ? null : String(fields.personMonths),
      companySharePct:
        fields.companySharePct === undefined ? undefined : fields.companySharePct === null ? null : String(fields.companySharePct),
    };
    if (fields.personMonths !== undefined) set.bigProject = isBigProject(fields.personMonths);
    if ((changes.companySharePct || changes.deliveryMode) && p.shareException !== 'pending') set.shareException = 'none';
    if (fields.name !== undefined) {
      const [c] = await tx.select({ name: customers.name }).from(customers).where(eq(customers.id, p.customerId)).limit(1);
      set.searchText = projectSearchText(p.code, fields.name, c?.name);
    }
    await writeProject(tx, ctx, p, set);
    await auditProject(tx, ctx, p.id, 'project.update', changes);
    const labels = Object.keys(changes)
      .map((k) => (k in GATE_FIELD_LABELS ? GATE_FIELD_LABELS[k as GateField].zh : null))
      .filter((x): x is string => !!x);
    await projectTimeline(tx, ctx, p, 'project.updated', projectsMessages.message('timeline.updated'), {
      summary: labels.length ? labels.join('、') : null,
    });
  });
}
