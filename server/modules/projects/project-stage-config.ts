import { eq } from 'drizzle-orm';
import { DEFAULT_STAGE_CONFIG, findStage, validateStageConfig, type StageConfig } from '../../../core/projects/stages.ts';
import { StageConfigSchema } from '../../../core/projects/stages.schema.ts';
import type { Label } from '../../../core/kernel/label.ts';
import type { Db } from '../../db/client.ts';
import { settings } from '../../db/schema.ts';

/** The project stage machine in force (settings key `project.stages`, core/projects/stages.ts). */

export const STAGES_SETTING_KEY = 'project.stages';

export interface LoadedStageConfig {
  config: StageConfig;
  version: number;
  isDefault: boolean;
}

/** The stage machine in force: the stored configuration, or the defaults while none is stored (or it became invalid). */
export async function loadStageConfig(db: Db): Promise<LoadedStageConfig> {
  const [row] = await db.select().from(settings).where(eq(settings.key, STAGES_SETTING_KEY)).limit(1);
  if (!row) return { config: DEFAULT_STAGE_CONFIG, version: 0, isDefault: true };
  const parsed = StageConfigSchema.safeParse(row.value);
  if (!parsed.success || validateStageConfig(parsed.data).length)
    return { config: DEFAULT_STAGE_CONFIG, version: row.version, isDefault: true };
  return { config: parsed.data, version: row.version, isDefault: false };
}

/** A stage's name in both languages (the code when the stage is unknown). */
export function stageName(config: StageConfig, code: string): Label {
  const s = findStage(config, code);
  return s ? { zh: s.nameZh, en: s.nameEn } : { zh: code, en: code };
}
