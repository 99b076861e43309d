import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every string exists in both languages: the shared files and each feature's own pair. */
function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
/** i18next plural forms (`_one`, `_other`) differ by language; compare the base key. */
function baseKeys(obj: unknown): string[] {
  return [...new Set(keys(obj).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
}
function load(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

const here = new URL('.', import.meta.url).pathname;
const featuresDir = join(here, '..', 'features');
const pairs: Array<[string, string]> = [[join(here, 'zh-CN.json'), join(here, 'en.json')]];
for (const f of readdirSync(featuresDir)) {
  const zh = join(featuresDir, f, 'i18n', 'zh-CN.json');
  const en = join(featuresDir, f, 'i18n', 'en.json');
  if (existsSync(zh) || existsSync(en)) pairs.push([zh, en]);
}

describe('i18n resources', () => {
  it.each(pairs)('%s and its English pair have the same keys', (zh, en) => {
    expect(existsSync(en), `${en} missing`).toBe(true);
    expect(existsSync(zh), `${zh} missing`).toBe(true);
    expect(baseKeys(load(en))).toEqual(baseKeys(load(zh)));
  });
});
