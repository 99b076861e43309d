/**
 * Deadline sweep benchmark: seeds 100,000 open deadlines (set-based INSERT … SELECT FROM
 * generate_series), of which a share is due for an event (reminder, overdue, breach with
 * escalations) and the rest need nothing yet, then runs the sweep twice: the first fires the
 * events and their notifications, the second finds nothing to do. Runs on PGlite, and on
 * PostgreSQL when BENCH_DATABASE_URL (or TEST_DATABASE_URL) points at a server where it may
 * create a scratch database.
 *
 *   node --import tsx bench/deadline-sweep.bench.ts [--deadlines 100000] [--due-share 0.2] [--users 200]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type Database } from '../server/db/client.ts';
import { pgDataDir } from '../server/db/pglite-check.ts';
import { departments, users } from '../server/db/schema.ts';
import { bootstrap } from '../server/commands/bootstrap.ts';
import { ensureDeadlinePolicy } from '../server/deadlines/deadlines.ts';
import { sweepDeadlines, type SweepResult } from '../server/deadlines/sweep.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DEADLINES = arg('deadlines', 100_000);
const DUE_SHARE = arg('due-share', 0.2);
const USERS = arg('users', 200);
const NOW = new Date('2026-11-25T12:00:00+08:00');

interface Figures {
  engine: string;
  seedS: number;
  sweep1S: number;
  sweep1: SweepResult;
  notifications: number;
  sweep2S: number;
  sweep2: SweepResult;
}

async function seed(db: Database): Promise<number> {
  await bootstrap(db.db, NOW, 'Bench#2026');
  const t0 = performance.now();
  const deptIds: string[] = [];
  for (let i = 0; i < 20; i++) {
    const [d] = await db.db
      .insert(departments)
      .values({ name: `部门${i + 1}` })
      .returning({ id: departments.id });
    if (d) deptIds.push(d.id);
  }
  const rows = await db.db
    .insert(users)
    .values(
      Array.from({ length: USERS }, (_, k) => ({
        username: `b${String(k).padStart(4, '0')}`,
        displayName: `员工${k}`,
        passwordHash: 'x',
        departmentId: deptIds[k % deptIds.length] ?? null,
      })),
    )
    .returning({ id: users.id });
  // every user reports to the first user of the next department; the first user of each department heads it
  const ids = rows.map((r) => r.id);
  await db.db.execute(sql`
    UPDATE users u SET manager_id = m.id
    FROM (SELECT id, department_id, row_number() OVER (PARTITION BY department_id ORDER BY username) AS rn FROM users WHERE username LIKE 'b%') m
    WHERE m.rn = 1 AND m.department_id = u.department_id AND u.id <> m.id AND u.username LIKE 'b%'`);
  await db.db.execute(sql`
    UPDATE departments d SET head_user_id = h.id
    FROM (SELECT DISTINCT ON (department_id) id, department_id FROM users WHERE username LIKE 'b%' ORDER BY department_id, username) h
    WHERE h.department_id = d.id`);
  await ensureDeadlinePolicy(db.db, {
    code: 'bench.proposal',
    nameZh: '方案交付',
    nameEn: 'Proposal delivery',
    kind: 'working_days',
    amount: 5,
    toleranceWorkingDays: 2,
    remindBefore: [{ amount: 1, unit: 'working_days' }],
    escalate: true,
  });
  // Classes by g % 100 (relative to NOW): [0, due·100) need an event now — a third each a
  // reminder, "overdue", breach (+ escalations) — the rest have their first reminder ahead.
  // Schedule relative to the reminder R: due R+19h, breach R+67h, second escalation R+76h/R+91h.
  const due = Math.round(DUE_SHARE * 100);
  const third = Math.max(1, Math.floor(due / 3));
  const chunk = 20_000;
  for (let from = 1; from <= DEADLINES; from += chunk) {
    const to = Math.min(DEADLINES, from + chunk - 1);
    await db.db.execute(sql`
      WITH u AS (
        SELECT id, department_id, (row_number() OVER (ORDER BY username)) - 1 AS rn FROM users WHERE username LIKE 'b%'
      ), p AS (SELECT id, code, kind, amount, remind_before FROM deadline_policies WHERE code = 'bench.proposal'),
      g AS (
        SELECT g, g % 100 AS c,
          CASE
            WHEN g % 100 < ${third} THEN ${NOW}::timestamptz - interval '1 hour'
            WHEN g % 100 < ${2 * third} THEN ${NOW}::timestamptz - interval '20 hours'
            WHEN g % 100 < ${due} THEN ${NOW}::timestamptz - interval '80 hours'
            ELSE ${NOW}::timestamptz + (1 + g % 200) * interval '1 hour'
          END AS reminder
        FROM generate_series(${from}::int, ${to}::int) AS g
      )
      INSERT INTO deadlines (policy_id, policy_code, subject_type, subject_id, step, title, owner_user_id, department_id, kind, amount,
        tolerance_working_days, remind_before, escalate, escalation_interval_working_days, started_at, due_at, breach_at, reminder_ats,
        escalation2_at, next_event_at, state, created_at, updated_at)
      SELECT p.id, p.code, 'bench', g.g::text, 'deliver', '基准方案 ' || g.g, u.id, u.department_id, p.kind, p.amount,
        2, p.remind_before, TRUE, 1, g.reminder - interval '4 days', g.reminder + interval '19 hours', g.reminder + interval '67 hours',
        jsonb_build_array(to_char(g.reminder AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS".000Z"')),
        g.reminder + CASE WHEN g.g % 2 = 0 THEN interval '76 hours' ELSE interval '91 hours' END,
        g.reminder, 'running', ${NOW}, ${NOW}
      FROM g JOIN u ON u.rn = g.g % ${ids.length} CROSS JOIN p`);
  }
  await db.db.execute(sql`ANALYZE deadlines`);
  return (performance.now() - t0) / 1000;
}

async function measure(engine: string, db: Database): Promise<Figures> {
  process.stdout.write(`${engine}: seeding ${DEADLINES} open deadlines…\n`);
  const seedS = await seed(db);
  process.stdout.write(`${engine}: seeded in ${seedS.toFixed(1)} s; sweeping…\n`);
  let t = performance.now();
  const sweep1 = await sweepDeadlines(db.db, NOW);
  const sweep1S = (performance.now() - t) / 1000;
  const n =
    rowsOf<{ n: number }>(await db.db.execute(sql`SELECT count(*)::int AS n FROM notifications WHERE subject_type = 'bench'`))[0]?.n ?? 0;
  t = performance.now();
  const sweep2 = await sweepDeadlines(db.db, NOW);
  const sweep2S = (performance.now() - t) / 1000;
  return { engine, seedS, sweep1S, sweep1, notifications: n, sweep2S, sweep2 };
}

function table(all: Figures[]): string {
  const lines = [
    `| engine | open deadlines | due now (examined) | events fired | notifications | sweep 1 | of which notify() | rows examined/s | open rows/s | sweep 2 (nothing to do) |`,
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const f of all) {
    const events = Object.values(f.sweep1.fired).reduce((s, x) => s + x, 0);
    const kinds = Object.entries(f.sweep1.fired)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    lines.push(
      `| ${f.engine} | ${DEADLINES.toLocaleString('en')} | ${f.sweep1.examined.toLocaleString('en')} | ${events.toLocaleString('en')} (${kinds}) | ` +
        `${f.notifications.toLocaleString('en')} | ${f.sweep1S.toFixed(2)} s | ${(f.sweep1.notifyMs / 1000).toFixed(2)} s | ` +
        `${Math.round(f.sweep1.examined / f.sweep1S).toLocaleString('en')} | ` +
        `${Math.round(DEADLINES / f.sweep1S).toLocaleString('en')} | ${(f.sweep2S * 1000).toFixed(1)} ms (examined ${f.sweep2.examined}) |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  process.stdout.write(
    `Deadline sweep benchmark: ${DEADLINES} open deadlines, ${Math.round(DUE_SHARE * 100)}% due for an event, ${USERS} owners\n`,
  );
  const all: Figures[] = [];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bf-bench-deadlines-'));
  try {
    const db = await openDatabase({ dataDir: pgDataDir(dir) });
    try {
      all.push(await measure('PGlite (embedded)', db));
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (base) {
    const pg = await import('pg');
    const name = `bf_bench_dl_${Date.now()}`;
    const admin = new pg.default.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    try {
      const db = await openDatabase({ url: url.toString() });
      try {
        all.push(await measure('PostgreSQL', db));
      } finally {
        await db.close();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  } else {
    process.stdout.write('PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)\n');
  }
  process.stdout.write(`\n${table(all)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
