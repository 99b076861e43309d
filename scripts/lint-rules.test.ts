import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/** The dependency rule of docs/ARCHITECTURE.md is enforced by eslint.config.js: prove it fires. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let eslint: ESLint;
beforeAll(() => {
  // Snippets linted from memory have no file for the type-aware rules' project service: those two
  // rules are proved on a real file below.
  eslint = new ESLint({
    cwd: root,
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false } },
      rules: { '@typescript-eslint/switch-exhaustiveness-check': 'off', '@typescript-eslint/no-floating-promises': 'off' },
    },
  });
});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const keep = [${importedNames(code).join(', ')}];\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.fatal).map((m) => m.message);
}

/** names bound by value imports, used once so no-unused-vars stays quiet */
function importedNames(code: string): string[] {
  return [...code.matchAll(/^import (?!type)\{? ?(\w+)/gm)].map((m) => m[1] ?? '').filter(Boolean);
}

describe('dependency rule', () => {
  it('keeps core/ free of server, web, Node and framework imports', async () => {
    const file = 'core/domain/x.ts';
    expect(await restrictedImports(file, "import { z } from 'zod';\nimport { errors } from '../errors.ts';")).toEqual([]);
    for (const code of [
      "import fs from 'node:fs';",
      "import path from 'path';",
      "import { x } from 'fs/promises';",
      "import { ping } from '../../server/db/client.ts';",
      "import type { Db } from '../../server/db/client.ts';",
      "import { api } from '../../web/src/shared/api/client.ts';",
      "import React from 'react';",
      "import Fastify from 'fastify';",
      "import { sql } from 'drizzle-orm';",
      "import pg from 'pg';",
    ]) {
      expect(await restrictedImports(file, code), code).toHaveLength(1);
    }
  });

  it('forbids dynamic imports and Node/DOM globals in core/', async () => {
    const [r] = await eslint.lintText("export const f = () => import('./x.ts');\nexport const g = () => process.env.X;\n", {
      filePath: 'core/y.ts',
    });
    const rules = (r?.messages ?? []).map((m) => m.ruleId);
    expect(rules).toContain('no-restricted-syntax');
    expect(rules).toContain('no-restricted-globals');
  });

  it('keeps web/ away from server/', async () => {
    const file = 'web/src/features/x/x-page.tsx';
    expect(await restrictedImports(file, "import { AppError } from '../../../core/errors.ts';")).toEqual([]);
    expect(await restrictedImports(file, "import { buildApp } from '../../../server/app.ts';")).toHaveLength(1);
  });

  it('keeps routes away from server/db (type imports allowed) and server/ away from web/', async () => {
    const route = 'server/modules/x/x.routes.ts';
    expect(
      await restrictedImports(route, "import type { Db } from '../../db/client.ts';\nimport { createX } from './commands/create-x.ts';"),
    ).toEqual([]);
    expect(await restrictedImports(route, "import { users } from '../../db/schema.ts';")).toHaveLength(1);
    expect(await restrictedImports(route, "import { ping } from '../../db/client.ts';")).toHaveLength(1);
    expect(await restrictedImports(route, "import { x } from '../../../web/src/x.ts';")).toHaveLength(1);
    const command = 'server/commands/create-x.ts';
    expect(await restrictedImports(command, "import { users } from '../db/schema.ts';")).toEqual([]);
    expect(await restrictedImports(command, "import { x } from '../../web/src/x.ts';")).toHaveLength(1);
  });

  it('keeps module routes away from server/db, and queries away from commands', async () => {
    const route = 'server/modules/x/x.routes.ts';
    expect(await restrictedImports(route, "import { createX } from './commands/create-x.ts';")).toEqual([]);
    expect(await restrictedImports(route, "import { users } from '../../db/schema.ts';")).toHaveLength(1);
    for (const query of ['server/modules/x/queries/x.ts', 'server/queries/x.ts']) {
      expect(await restrictedImports(query, "import { users } from '../../db/schema.ts';"), query).toEqual([]);
      expect(await restrictedImports(query, "import { createX } from '../commands/create-x.ts';"), query).toHaveLength(1);
    }
  });

  it('reports any and non-null assertions as errors', async () => {
    const [r] = await eslint.lintText('export const a: any = 1;\nexport const b = [1][0]!;\n', { filePath: 'server/x.ts' });
    const errors = (r?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId);
    expect(errors).toEqual(expect.arrayContaining(['@typescript-eslint/no-explicit-any', '@typescript-eslint/no-non-null-assertion']));
  });

  it('type-aware rules: a switch over a union names every member, and no promise floats', async () => {
    const dir = path.join(root, 'scripts', 'lint-probe-tmp');
    const file = path.join(dir, 'probe.ts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      file,
      [
        "type Outcome = 'approved' | 'rejected' | 'returned';",
        'export function label(o: Outcome): string {',
        '  switch (o) {',
        "    case 'approved':",
        "      return 'ok';",
        "    case 'rejected':",
        "      return 'no';",
        '  }',
        "  return '';",
        '}',
        'async function later(): Promise<void> {}',
        'export function fire(): void {',
        '  later();',
        '}',
        '',
      ].join('\n'),
    );
    try {
      const [r] = await new ESLint({ cwd: root }).lintFiles([file]);
      const rules = (r?.messages ?? []).map((m) => m.ruleId);
      expect(rules).toContain('@typescript-eslint/switch-exhaustiveness-check');
      expect(rules).toContain('@typescript-eslint/no-floating-promises');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('routes never open a transaction', async () => {
    const [r] = await eslint.lintText('export const f = (db: { transaction(x: unknown): void }) => db.transaction(() => 1);\n', {
      filePath: 'server/modules/x/x.routes.ts',
    });
    expect((r?.messages ?? []).map((m) => m.ruleId)).toContain('no-restricted-syntax');
  });
});
