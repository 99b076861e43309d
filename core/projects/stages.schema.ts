import { z } from 'zod';
import { GATE_APPROVALS, GATE_FIELDS, STAGE_KINDS } from './stages.ts';
import { OutcomeSchema, Text } from './project-fields.schema.ts';

/** API schemas of the project stage machine (core/projects/stages.ts): its configuration and the gate's answers. */

// ---------- stage configuration ----------
const StageCode = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);
export const StageDefSchema = z.object({
  code: StageCode,
  nameZh: Text(20).min(1),
  nameEn: Text(40).min(1),
  order: z.number().int().min(0).max(10_000),
  kind: z.enum(STAGE_KINDS),
  outcome: OutcomeSchema.nullable(),
  terminal: z.boolean(),
  next: z.array(StageCode).max(30),
  requires: z.object({
    fields: z.array(z.enum(GATE_FIELDS)).max(GATE_FIELDS.length),
    approvals: z.array(z.enum(GATE_APPROVALS)).max(GATE_APPROVALS.length),
    summary: z.boolean(),
  }),
});
export const StageConfigSchema = z.object({
  stages: z.array(StageDefSchema).min(3).max(30),
  shareFloorPct: z.number().min(0).max(100),
});
export const StageConfigView = StageConfigSchema.extend({
  /** 0 while the defaults apply (nothing stored yet) */
  version: z.number().int(),
  isDefault: z.boolean(),
});
export const SaveStageConfigBody = StageConfigSchema.extend({ version: z.number().int().min(0) });

// ---------- gate ----------
export const GateReasonView = z.object({
  code: z.string(),
  zh: z.string(),
  en: z.string(),
  field: z.string().optional(),
  approval: z.string().optional(),
});
export const TransitionView = z.object({
  stage: z.string(),
  allowed: z.boolean(),
  reasons: z.array(GateReasonView),
});
export const NextStepView = z.object({
  code: z.string(),
  zh: z.string(),
  en: z.string(),
  targetStage: z.string().nullable(),
  blockedBy: z.array(GateReasonView),
});
