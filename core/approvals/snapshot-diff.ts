/**
 * What changed in a subject since it was submitted: the approver compares the reviewed snapshot
 * with the subject's current data. Plain objects are compared field by field (dotted paths);
 * arrays and scalars as whole values.
 */

export interface FieldChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Canonical JSON (sorted keys) so key order never counts as a change. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (isPlainObject(v)) {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => v[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

/** Field-by-field differences between two snapshots, in a stable order. */
export function diffSnapshots(before: unknown, after: unknown, prefix = '', depth = 0): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after) && depth < 4) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    const out: FieldChange[] = [];
    for (const k of keys) {
      const path = prefix ? `${prefix}.${k}` : k;
      const has0 = Object.prototype.hasOwnProperty.call(before, k) && before[k] !== undefined;
      const has1 = Object.prototype.hasOwnProperty.call(after, k) && after[k] !== undefined;
      if (has0 && !has1) out.push({ path, kind: 'removed', before: before[k], after: null });
      else if (!has0 && has1) out.push({ path, kind: 'added', before: null, after: after[k] });
      else out.push(...diffSnapshots(before[k], after[k], path, depth + 1));
    }
    return out;
  }
  if (canonicalJson(before) === canonicalJson(after)) return [];
  return [{ path: prefix, kind: 'changed', before: before ?? null, after: after ?? null }];
}
