/**
 * Foundation benchmark: seeds 10,000 users in 55 departments and 300,000 hash-chained audit
 * entries, starts the real server as a child process, and drives 50 concurrent signed-in users
 * against the foundation endpoints. Runs on PGlite, and on PostgreSQL when BENCH_DATABASE_URL
 * (or TEST_DATABASE_URL) points at a server where it may create a scratch database.
 *
 *   node --import tsx bench/foundation.bench.ts [--users 10000] [--audit 300000] [--seconds 10]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../server/db/client.ts';
import { pgDataDir } from '../server/db/pglite-check.ts';
import { auditLog, departments, roles, userRoles, users } from '../server/db/schema.ts';
import { bootstrap } from '../server/commands/bootstrap.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import { auditHash, GENESIS_HASH } from '../server/audit/audit-chain.ts';
import { verifyAuditChain } from '../server/audit/audit-log.ts';
import { formatTable, runLoad, type LoadResult } from './support/load.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const USERS = arg('users', 10_000);
const AUDIT = arg('audit', 300_000);
const SECONDS = arg('seconds', 10);
const CONCURRENCY = arg('concurrency', 50);
const PASSWORD = 'Bench#2026';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国海燕玲芬志宇晨浩宁欣怡博文思远佳琪子涵雨婷俊杰嘉怡梓轩'.split('');
const rnd = (n: number) => Math.floor(Math.random() * n);
const pick = <T>(a: T[]): T => a[rnd(a.length)] as T;

async function seed(db: Database): Promise<void> {
  const now = new Date();
  await bootstrap(db.db, now, PASSWORD);
  const t0 = performance.now();
  const deptIds: string[] = [];
  for (let i = 0; i < 11; i++) {
    const [top] = await db.db
      .insert(departments)
      .values({ name: i === 0 ? '总经办' : `第${i}事业部` })
      .returning({ id: departments.id });
    if (!top) continue;
    deptIds.push(top.id);
    for (let j = 0; j < 4; j++) {
      const [child] = await db.db
        .insert(departments)
        .values({ name: `${['华北', '华东', '华南', '西南'][j]}片区`, parentId: top.id })
        .returning({ id: departments.id });
      if (child) deptIds.push(child.id);
    }
  }
  const roleRows = await db.db.select({ id: roles.id, code: roles.code }).from(roles);
  const adminRole = roleRows.find((r) => r.code === 'admin')?.id ?? '';
  const hash = await hashPassword(PASSWORD);
  const ids: string[] = [];
  for (let b = 0; b < USERS; b += 1000) {
    const batch = Array.from({ length: Math.min(1000, USERS - b) }, (_, k) => {
      const n = b + k + 1;
      return {
        username: `u${String(n).padStart(5, '0')}`,
        displayName: `${pick(SURNAMES)}${pick(GIVEN)}${Math.random() < 0.5 ? pick(GIVEN) : ''}`,
        passwordHash: hash,
        departmentId: pick(deptIds),
        phone: `139${String(10_000_000 + n).padStart(8, '0')}`,
        email: `u${n}@bench.bidflow.cn`,
      };
    });
    const rows = await db.db.insert(users).values(batch).returning({ id: users.id });
    ids.push(...rows.map((r) => r.id));
    await db.db.insert(userRoles).values(rows.map((r) => ({ userId: r.id, roleId: pick(roleRows).id })));
  }
  // the first 60 users are the signed-in load users: give them every permission
  await db.db
    .insert(userRoles)
    .values(ids.slice(0, 60).map((userId) => ({ userId, roleId: adminRole })))
    .onConflictDoNothing();
  const tUsers = performance.now();
  const last = await db.db.execute(sql`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`);
  let prev = (last as unknown as { rows: Array<{ hash: string }> }).rows[0]?.hash ?? GENESIS_HASH;
  const actions = ['auth.login', 'user.update', 'department.update', 'role.update_permissions', 'token.create'];
  const start = now.getTime() - AUDIT * 60_000;
  for (let b = 0; b < AUDIT; b += 2000) {
    const rows = [];
    for (let k = 0; k < Math.min(2000, AUDIT - b); k++) {
      const action = pick(actions);
      const actor = pick(ids);
      const row = {
        at: new Date(start + (b + k) * 60_000),
        actorId: actor,
        actorName: '压测用户',
        actorKind: 'user',
        ip: '127.0.0.1',
        action,
        entityType: action.split('.')[0] === 'auth' ? 'user' : (action.split('.')[0] ?? 'x'),
        entityId: pick(ids),
        changes: action === 'user.update' ? { phone: { before: '13900000000', after: '13900000001' } } : null,
        result: Math.random() < 0.05 ? 'failure' : 'success',
        detail: null,
        prevHash: prev,
      };
      const hash = auditHash(row);
      rows.push({ ...row, hash });
      prev = hash;
    }
    await db.db.insert(auditLog).values(rows);
  }
  const tAudit = performance.now();
  process.stdout.write(
    `  seeded ${USERS} users in ${((tUsers - t0) / 1000).toFixed(1)} s, ${AUDIT} audit rows in ${((tAudit - tUsers) / 1000).toFixed(1)} s\n`,
  );
  const v0 = performance.now();
  const v = await verifyAuditChain(db.db);
  process.stdout.write(`  audit chain verify: ${v.checked} rows ok=${v.ok} in ${((performance.now() - v0) / 1000).toFixed(1)} s\n`);
}

function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', LOGIN_IP_LIMIT: '100000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('listening on')) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

async function drive(label: string, env: Record<string, string>, port: number): Promise<string> {
  const server = await startServer(env, port);
  const base = `http://127.0.0.1:${port}`;
  try {
    const cookies: string[] = [];
    for (let i = 1; i <= CONCURRENCY; i++) {
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `u${String(i).padStart(5, '0')}`, password: PASSWORD }),
      });
      cookies.push((res.headers.get('set-cookie') ?? '').split(';')[0] ?? '');
    }
    const ms = SECONDS * 1000;
    const o = { concurrency: CONCURRENCY, durationMs: ms };
    const results: LoadResult[] = [];
    const specs: Array<Parameters<typeof runLoad>[2]> = [
      { name: 'GET /api/auth/me', request: () => ({ method: 'GET', path: '/api/auth/me' }) },
      {
        name: 'GET /api/users page 1 sorted by name',
        request: () => ({ method: 'GET', path: '/api/users?page=1&pageSize=20&sort=displayName' }),
      },
      {
        name: `GET /api/users deep page (${Math.floor(USERS / 40)})`,
        request: () => ({ method: 'GET', path: `/api/users?page=${Math.floor(USERS / 40)}&pageSize=20` }),
      },
      {
        name: 'GET /api/users?q=王芳 (Chinese search)',
        request: () => ({ method: 'GET', path: `/api/users?q=${encodeURIComponent('王芳')}` }),
      },
      { name: 'GET /api/departments (55)', request: () => ({ method: 'GET', path: '/api/departments' }) },
      { name: 'GET /api/audit page 1', request: () => ({ method: 'GET', path: '/api/audit?page=1&pageSize=50' }) },
      {
        name: 'GET /api/audit filtered, page 100',
        request: () => ({ method: 'GET', path: '/api/audit?entityType=user&action=user.update&page=100&pageSize=50' }),
      },
      {
        name: 'PATCH /api/auth/profile (write + audit)',
        request: (u, i) => ({
          method: 'PATCH',
          path: '/api/auth/profile',
          body: { phone: `1380000${String(u).padStart(2, '0')}${String(i % 100).padStart(2, '0')}` },
        }),
      },
    ];
    for (const s of specs) results.push(await runLoad(base, cookies, s, o));
    results.push(
      await runLoad(
        base,
        cookies,
        {
          name: 'POST /api/auth/login (argon2id, 10 users)',
          request: (u) => ({
            method: 'POST',
            path: '/api/auth/login',
            body: { username: `u${String(u + 1).padStart(5, '0')}`, password: PASSWORD },
          }),
        },
        { concurrency: 10, durationMs: ms },
      ),
    );
    const rss = rssMb(server.pid);
    return `### ${label}\n\n${formatTable(results)}\n\nServer RSS after the run: ${rss.toFixed(0)} MB\n`;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

async function main() {
  const report: string[] = [];
  process.stdout.write(
    `Foundation benchmark: ${USERS} users, ${AUDIT} audit rows, ${CONCURRENCY} concurrent users, ${SECONDS} s per endpoint\n`,
  );
  // PGlite
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bf-bench-'));
  try {
    process.stdout.write('PGlite: seeding…\n');
    const db = await openDatabase({ dataDir: pgDataDir(dir) });
    await seed(db);
    await db.close();
    report.push(await drive('PGlite (embedded)', { DATA_DIR: dir }, 3900));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // PostgreSQL
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (base) {
    const pg = await import('pg');
    const name = `bf_bench_${Date.now()}`;
    const admin = new pg.default.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    try {
      process.stdout.write('PostgreSQL: seeding…\n');
      const db = await openDatabase({ url: url.toString() });
      await seed(db);
      await db.close();
      report.push(await drive('PostgreSQL 15', { DATABASE_URL: url.toString() }, 3901));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  } else {
    process.stdout.write('PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)\n');
  }
  process.stdout.write(`\n${report.join('\n')}\n`);
}

await main();
