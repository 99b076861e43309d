/**
 * Benchmark data set for the presales-project and customer endpoints (issues 4 and 5): a
 * company of ~200 users in 13 departments with the default roles, customers with valid unified
 * social credit codes, contacts, partners, leads, projects spread over the stages with their
 * teams and stage history, activities, timeline entries, open deadlines and pending approvals.
 *
 * Everything is set-based SQL (`INSERT … SELECT … FROM generate_series`) written straight into
 * the application's tables, chunked so one statement never holds more than ~100,000 rows, on
 * PGlite and PostgreSQL alike. Values are deterministic functions of the row number (hashint8),
 * and ids are deterministic UUIDs (`uid(kind, n)` = md5 with version-4 bits), so rows reference
 * each other by number without joins and two runs produce the same data.
 *
 * This file runs the steps in order and times them; the steps are in seed/ (organization,
 * customers, projects, activities, deadlines, approvals) with the SQL helpers (seed/sql.ts,
 * seed/names-sql.ts); the data set's sizes and types are in dataset.ts.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../server/db/client.ts';
import { bootstrap } from '../../server/commands/bootstrap.ts';
import { generateTrackingRows } from '../../server/modules/project-tracking/commands/generate-tracking-rows.ts';
import { mondayOf } from '../../core/projects/rules.ts';
import { shanghaiDate } from '../../core/calendar/working-calendar.ts';
import { BENCH_PASSWORD, type Dataset, type SeedTiming, type Sizes } from './dataset.ts';
import { stageModel } from './stages.ts';
import { seedActivities } from './seed/activities.ts';
import { seedPendingApprovals } from './seed/approvals.ts';
import type { SeedContext } from './seed/context.ts';
import { seedContacts, seedCustomers, seedLeads, seedPartners } from './seed/customers.ts';
import { seedOpenDeadlines } from './seed/deadlines.ts';
import { DEPTS, seedOrganization, seededUsers, staffOf } from './seed/organization.ts';
import { seedProjectMembers, seedProjects, seedStageHistory } from './seed/projects.ts';
import { exec } from './seed/sql.ts';

export interface GenerateOptions {
  now: Date;
  log: (line: string) => void;
  /** the administrator's password for bootstrap */
  adminPassword?: string;
}

export async function generateDataset(database: Database, sizes: Sizes, opts: GenerateOptions): Promise<Dataset> {
  const db = database.db;
  const { now, log } = opts;
  const timings: SeedTiming[] = [];
  const started = performance.now();
  /** runs one seeding step; a step that cannot know its row count up front returns it */
  const timed = async (table: string, planned: number, fn: () => Promise<number | void>) => {
    const t0 = performance.now();
    const counted = await fn();
    const seconds = (performance.now() - t0) / 1000;
    const rows = typeof counted === 'number' ? counted : planned;
    timings.push({ table, rows, seconds });
    log(`  ${table.padEnd(34)} ${rows.toLocaleString('en').padStart(11)} rows  ${seconds.toFixed(1).padStart(6)} s`);
  };

  await timed('bootstrap (roles, admin, calendar)', 1, async () => {
    await bootstrap(db, now, opts.adminPassword ?? BENCH_PASSWORD);
  });

  const benchUsers = seededUsers();
  await timed('departments, users, user_roles', DEPTS.length + benchUsers.length, () => seedOrganization(db, now, benchUsers));

  const stages = await stageModel();
  const ctx: SeedContext = { db, now, nowSql: `'${now.toISOString()}'::timestamptz`, sizes, staff: staffOf(benchUsers), stages };
  const { customers: C, contacts: CT, partners: PT, leads: LD, projects: P, activities: A } = sizes;
  await timed('customers', C, () => seedCustomers(ctx));
  await timed('contacts', CT, () => seedContacts(ctx));
  await timed('partners', PT, () => seedPartners(ctx));
  await timed('leads', LD, () => seedLeads(ctx));
  await timed('projects', P, () => seedProjects(ctx));
  await timed('project_members', 0, () => seedProjectMembers(ctx));
  await timed('project_stage_history + timeline', 0, () => seedStageHistory(ctx));
  await timed('activities + timeline', A * 2, () => seedActivities(ctx));
  await timed('deadlines (open)', 0, () => seedOpenDeadlines(ctx));
  await timed('approvals (pending)', 0, () => seedPendingApprovals(ctx));

  // this week's tracking table (项目跟踪表), as the Monday schedule makes it — else the server's first run of it lands in the load
  await timed('project_weekly_updates (this week)', 0, async () => generateTrackingRows(db, mondayOf(shanghaiDate(now)), now, null));

  await timed('ANALYZE', 0, async () => {
    await exec(db, sql`ANALYZE`);
  });
  const totalSeconds = (performance.now() - started) / 1000;
  log(`  total ${totalSeconds.toFixed(1)} s`);
  return { sizes, users: benchUsers, stages, timings, totalSeconds };
}
