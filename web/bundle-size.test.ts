import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { measureShellBundle, SHELL_BUDGET_GZIP_BYTES } from './bundle-report.ts';

const distDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dist');

/** The JavaScript for the login page and the shell stays within 350 KB gzip. */
describe('web bundle budget', () => {
  test('login page + shell JavaScript ≤ 350 KB gzip', () => {
    if (!existsSync(path.join(distDir, '.vite', 'manifest.json'))) {
      throw new Error(`${distDir} has no build manifest: run npm run build first`);
    }
    const { totalGzipBytes, files } = measureShellBundle(distDir);
    expect(files.length).toBeGreaterThan(0);
    expect(totalGzipBytes, `shell JavaScript is ${(totalGzipBytes / 1024).toFixed(1)} KB gzip`).toBeLessThanOrEqual(
      SHELL_BUDGET_GZIP_BYTES,
    );
  });
});
