import { defaultRoles, type DefaultRole } from '../../core/default-roles.ts';
import type { Permission, PermissionDef } from '../../core/permissions.ts';
import { MODULES } from '../module-list.ts';
import type { ModuleDefinition } from './define-module.ts';

/**
 * Every capability the modules declare (`permissions` of each module definition), in module
 * order, and the default roles with the grants the modules give them. Built from the module list
 * once; a capability declared by two modules is a start-up error.
 */
function build(modules: readonly ModuleDefinition[]) {
  const catalogue = new Map<Permission, PermissionDef>();
  for (const m of modules) {
    for (const [key, def] of Object.entries(m.permissions ?? {})) {
      if (catalogue.has(key as Permission)) throw new Error(`permission "${key}" is declared by two modules`);
      catalogue.set(key as Permission, def);
    }
  }
  return { catalogue, roles: defaultRoles(modules.flatMap((m) => (m.defaultGrants ? [m.defaultGrants] : []))) };
}

let built: ReturnType<typeof build> | undefined;
const get = () => (built ??= build(MODULES));

/** Capability → its group and labels. */
export function permissionCatalogue(): ReadonlyMap<Permission, PermissionDef> {
  return get().catalogue;
}

/** Every declared capability name. */
export function permissionKeys(): Permission[] {
  return [...get().catalogue.keys()];
}

export function isPermission(name: string): name is Permission {
  return get().catalogue.has(name as Permission);
}

/** The default roles seeded into an empty database. */
export function defaultRoleList(): readonly DefaultRole[] {
  return get().roles;
}
