/**
 * What every seeding step after the organization works with.
 */
import type { Db } from '../../../server/db/client.ts';
import type { Sizes } from '../dataset.ts';
import type { StageModel } from '../stages.ts';
import type { Staff } from './organization.ts';

export interface SeedContext {
  db: Db;
  now: Date;
  /** `now` as an SQL timestamptz literal */
  nowSql: string;
  sizes: Sizes;
  staff: Staff;
  stages: StageModel;
}
