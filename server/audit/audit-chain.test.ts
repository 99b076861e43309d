import { describe, expect, it } from 'vitest';
import { auditHash, canonicalJson, GENESIS_HASH } from './audit-chain.ts';

describe('audit chain hashing', () => {
  it('canonical JSON ignores key order (as jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  });
  it('any change of content or of the previous hash changes the hash', () => {
    const row = {
      at: new Date('2026-11-23T02:00:00Z'),
      actorId: null,
      actorName: '系统管理员',
      actorKind: 'user',
      ip: '127.0.0.1',
      action: 'user.create',
      entityType: 'user',
      entityId: 'x',
      changes: { a: { before: 1, after: 2 } },
      result: 'success',
      detail: null,
      prevHash: GENESIS_HASH,
    };
    const h = auditHash(row);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash({ ...row })).toBe(h);
    expect(auditHash({ ...row, detail: 'x' })).not.toBe(h);
    expect(auditHash({ ...row, prevHash: h })).not.toBe(h);
  });
});
