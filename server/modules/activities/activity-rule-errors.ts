import type { Label } from '../../../core/kernel/label.ts';
import type { Ctx } from '../../kernel/context.ts';
import { fieldErrors } from '../../kernel/guards.ts';

/** Throws the field errors of `activityRuleProblems`, if any. */
export function ruleErrors(ctx: Ctx, problems: Array<{ field: string; message: Label }>): void {
  if (problems.length === 0) return;
  throw fieldErrors(ctx.actor.locale, Object.fromEntries(problems.map((p) => [p.field, p.message])));
}
