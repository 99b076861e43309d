/**
 * `npm run db:check`: fails when server/db/schema.ts and the committed migrations disagree.
 *
 * 1. `drizzle-kit generate` runs against a scratch copy of server/db/migrations: if it writes
 *    a new migration, the schema changed without one (fix: `npm run db:generate`, commit it).
 * 2. `drizzle-kit check`: the snapshots are consistent (no colliding parallel migrations).
 * 3. The journal and the .sql files name the same migrations (the migrator runs only what the
 *    journal lists, so a stray or missing file would be silently skipped or fail at start).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIGRATIONS = 'server/db/migrations';
const DRIZZLE_KIT = path.join(root, 'node_modules/drizzle-kit/bin.cjs');

function drizzleKit(args: string[]): { ok: boolean; output: string } {
  const r = spawnSync(process.execPath, [DRIZZLE_KIT, ...args], { cwd: root, encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function sqlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
}

function main(): number {
  const { values } = parseArgs({ options: { schema: { type: 'string' } } });
  // --schema exists so the check itself can be tried against a drifted copy of the schema
  const schema = values.schema ?? './server/{db/schema.ts,modules/*/*.tables.ts}';
  const problems: string[] = [];

  // drizzle-kit takes --out relative to the working directory
  const scratchRel = `.tmp/migrations-check-${process.pid}`;
  const scratch = path.join(root, scratchRel);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    cpSync(path.join(root, MIGRATIONS), scratch, { recursive: true });
    const before = new Set(sqlFiles(scratch));
    const gen = drizzleKit(['generate', '--dialect', 'postgresql', '--schema', schema, '--out', scratchRel]);
    if (!gen.ok) {
      problems.push(`drizzle-kit generate failed:\n${gen.output}`);
    } else {
      const added = sqlFiles(scratch).filter((f) => !before.has(f));
      for (const f of added) {
        problems.push(
          `server/db/schema.ts has changes no migration covers; drizzle-kit would generate ${f}:\n` +
            readFileSync(path.join(scratch, f), 'utf8')
              .trim()
              .split('\n')
              .map((l) => `    ${l}`)
              .join('\n') +
            '\n  Fix: npm run db:generate, review the SQL, commit it with the schema change.',
        );
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const check = drizzleKit(['check', '--dialect', 'postgresql', '--out', MIGRATIONS]);
  if (!check.ok || /error|collision|non-commutative/i.test(check.output)) {
    problems.push(`drizzle-kit check reports a problem with the migration snapshots:\n${check.output.trim()}`);
  }

  const journalFile = path.join(root, MIGRATIONS, 'meta/_journal.json');
  if (!existsSync(journalFile)) {
    problems.push(`${MIGRATIONS}/meta/_journal.json is missing`);
  } else {
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: Array<{ idx: number; tag: string }> };
    const tags = journal.entries.map((e) => `${e.tag}.sql`);
    const files = sqlFiles(path.join(root, MIGRATIONS));
    for (const f of files.filter((x) => !tags.includes(x)))
      problems.push(`${MIGRATIONS}/${f} is not in meta/_journal.json, so it never runs`);
    for (const t of tags.filter((x) => !files.includes(x))) problems.push(`meta/_journal.json lists ${t}, but the file is missing`);
    journal.entries.forEach((e, i) => {
      if (e.idx !== i) problems.push(`meta/_journal.json entry ${e.tag} has idx ${e.idx}, expected ${i}`);
      if (!existsSync(path.join(root, MIGRATIONS, 'meta', `${String(i).padStart(4, '0')}_snapshot.json`))) {
        problems.push(`meta/${String(i).padStart(4, '0')}_snapshot.json (for ${e.tag}) is missing`);
      }
    });
  }

  if (problems.length) {
    process.stderr.write(`Schema and migrations disagree:\n\n${problems.map((p) => `- ${p}`).join('\n\n')}\n`);
    return 1;
  }
  process.stdout.write(`Schema and migrations agree (${sqlFiles(path.join(root, MIGRATIONS)).length} migrations).\n`);
  return 0;
}

process.exit(main());
