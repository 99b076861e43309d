import { describe, expect, it } from 'vitest';
import { mergeGrants, recordInScope, widerScope, PERMISSION_KEYS, PERMISSIONS } from './permissions.ts';
import { DEFAULT_ROLES } from './default-roles.ts';

describe('permissions', () => {
  it('merges several roles to the widest scope per permission and ignores unknown names', () => {
    const g = mergeGrants([
      { dataScope: 'own', permissions: ['user.read', 'bogus.perm'] },
      { dataScope: 'department_tree', permissions: ['user.read'] },
      { dataScope: 'department', permissions: ['audit.read'] },
    ]);
    expect(Object.fromEntries(g)).toEqual({ 'user.read': 'department_tree', 'audit.read': 'department' });
    expect(widerScope('own', 'all')).toBe('all');
  });

  it('decides record visibility for each scope', () => {
    const actor = { userId: 'u1', departmentId: 'd1' };
    const tree = new Set(['d1', 'd1a']);
    expect(recordInScope('own', actor, { userId: 'u1', departmentId: 'd9' }, tree)).toBe(true);
    expect(recordInScope('own', actor, { userId: 'u2', departmentId: 'd1' }, tree)).toBe(false);
    expect(recordInScope('department', actor, { userId: 'u2', departmentId: 'd1' }, tree)).toBe(true);
    expect(recordInScope('department', actor, { userId: 'u2', departmentId: 'd1a' }, tree)).toBe(false);
    expect(recordInScope('department_tree', actor, { userId: 'u2', departmentId: 'd1a' }, tree)).toBe(true);
    expect(recordInScope('department_tree', actor, { userId: 'u2', departmentId: null }, tree)).toBe(false);
    expect(recordInScope('all', actor, { userId: null, departmentId: null }, tree)).toBe(true);
  });

  it('seeds every role of PRODUCT.md §1 with Chinese names and only known permissions', () => {
    expect(DEFAULT_ROLES.length).toBeGreaterThanOrEqual(18);
    for (const r of DEFAULT_ROLES) {
      expect(r.nameZh).toMatch(/[\u4e00-\u9fa5]/);
      for (const p of r.permissions) expect(PERMISSION_KEYS).toContain(p);
    }
    for (const key of PERMISSION_KEYS) {
      expect(PERMISSIONS[key]['zh-CN']).toMatch(/[\u4e00-\u9fa5]/);
      expect(PERMISSIONS[key].en.length).toBeGreaterThan(3);
    }
  });
});
