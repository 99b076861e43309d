import { describe, expect, it } from 'vitest';
import { mergeGrants, recordInScope, widerScope, type Permission } from './permissions.ts';

const known = (name: string): name is Permission => name === 'user.read' || name === 'audit.read';

describe('permissions', () => {
  it('merges several roles to the widest scope per permission and ignores unknown names', () => {
    const g = mergeGrants(
      [
        { dataScope: 'own', permissions: ['user.read', 'bogus.perm'] },
        { dataScope: 'department_tree', permissions: ['user.read'] },
        { dataScope: 'department', permissions: ['audit.read'] },
      ],
      known,
    );
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
});
