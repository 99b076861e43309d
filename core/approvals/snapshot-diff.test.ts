import { describe, expect, it } from 'vitest';
import { canonicalJson, diffSnapshots } from './snapshot-diff.ts';

describe('snapshot diff', () => {
  it('lists changed, added and removed fields with dotted paths', () => {
    const before = { title: '报价 A', amount: 100000, customer: { name: '甲', level: 'A' }, lines: [1, 2], note: 'x' };
    const after = { title: '报价 A', amount: 120000, customer: { name: '甲', level: 'B' }, lines: [1, 2, 3], extra: true };
    expect(diffSnapshots(before, after)).toEqual([
      { path: 'amount', kind: 'changed', before: 100000, after: 120000 },
      { path: 'customer.level', kind: 'changed', before: 'A', after: 'B' },
      { path: 'extra', kind: 'added', before: null, after: true },
      { path: 'lines', kind: 'changed', before: [1, 2], after: [1, 2, 3] },
      { path: 'note', kind: 'removed', before: 'x', after: null },
    ]);
  });
  it('ignores key order', () => {
    expect(diffSnapshots({ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } })).toEqual([]);
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });
});
