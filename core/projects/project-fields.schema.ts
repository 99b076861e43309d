import { z } from 'zod';
import { DELIVERY_MODES, OUTCOME_REASONS, OUTCOMES, PROJECT_LEVELS, PROJECT_ROLES, PROJECT_STATUSES } from './rules.ts';

/**
 * The field types every presales-project schema shares (projects, meetings and tasks, saved
 * views, the workspace, the weekly tracking table): money in integer fen, cleaned text, ids and
 * the enumerations of core/projects/rules.ts.
 */

/** ¥100 billion a project: far above any deal; sums stay exact (below 2^53) for 900 such projects and never overflow bigint. */
export const MAX_FEN = 10_000_000_000_000;
export const Fen = z.number().int().min(0).max(MAX_FEN);
/** Control characters other than tab and line breaks are dropped (PostgreSQL refuses a NUL in text and jsonb). */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
export const Text = (max: number) =>
  z
    .string()
    .overwrite((s) => s.replace(CONTROL_CHARS, ''))
    .trim()
    .max(max);
export const OptText = (max: number) => Text(max).nullable().optional();
export const Uuid = z.string().uuid();

export const ProjectStatusSchema = z.enum(PROJECT_STATUSES);
export const OutcomeSchema = z.enum(OUTCOMES);
export const OutcomeReasonSchema = z.enum(OUTCOME_REASONS);
export const ProjectRoleSchema = z.enum(PROJECT_ROLES);
export const ProjectLevelSchema = z.enum(PROJECT_LEVELS);
export const DeliveryModeSchema = z.enum(DELIVERY_MODES);

/** `/:id` of a project, meeting, task, saved view or tracking row. */
export const IdParams = z.object({ id: Uuid });
