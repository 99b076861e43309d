import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_CODES } from '../../core/default-roles.ts';
import { MODULES } from '../module-list.ts';
import { defaultRoleList, isPermission, permissionCatalogue, permissionKeys } from './permission-catalogue.ts';

describe('permission catalogue (from the module list)', () => {
  it('labels every capability in both languages and keeps each name in one module', () => {
    const keys = permissionKeys();
    expect(keys.length).toBeGreaterThanOrEqual(41);
    for (const [key, def] of permissionCatalogue()) {
      expect(def['zh-CN'], key).toMatch(/[\u4e00-\u9fa5]/);
      expect(def.en.length, key).toBeGreaterThan(3);
    }
    const declared = MODULES.flatMap((m) => Object.keys(m.permissions ?? {}));
    expect(new Set(declared).size).toBe(declared.length);
    expect(isPermission('case.read')).toBe(true);
    expect(isPermission('bogus.perm')).toBe(false);
  });

  it('seeds every default role with a Chinese name and only declared capabilities', () => {
    const roles = defaultRoleList();
    expect(roles.map((r) => r.code)).toEqual([...DEFAULT_ROLE_CODES]);
    for (const r of roles) {
      expect(r.nameZh).toMatch(/[\u4e00-\u9fa5]/);
      for (const p of r.permissions) expect(isPermission(p), `${r.code} ${p}`).toBe(true);
    }
    // the administrator holds every administration capability, and the GM sees costs
    const admin = roles.find((r) => r.code === 'admin');
    expect(admin?.permissions).toEqual(expect.arrayContaining(['role.manage', 'audit.verify', 'system.settings', 'project.configure']));
    expect(roles.find((r) => r.code === 'general_manager')?.permissions).toContain('cost.read');
    expect(roles.find((r) => r.code === 'account_manager')?.permissions).not.toContain('cost.read');
  });
});
