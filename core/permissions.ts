/**
 * Named capabilities. Every API endpoint names the one it needs; roles grant them with a data
 * scope. Each module declares its own in `core/<module>/<module>.permissions.ts` with
 * `definePermissions` (labels in both languages) and adds their names to `PermissionRegistry`
 * (declaration merging), so `Permission` is the compile-time union of every module's names; the
 * server's catalogue (server/modules/permission-catalogue.ts) is built from the module list.
 */
export type PermissionGroup = 'admin' | 'audit' | 'crm' | 'project';

export interface PermissionDef {
  group: PermissionGroup;
  'zh-CN': string;
  en: string;
}

/** Filled by the modules' permission files: `interface PermissionRegistry extends Record<…, true> {}`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PermissionRegistry {}

export type Permission = Extract<keyof PermissionRegistry, string>;

/** A module's capabilities with their labels; the keys become `Permission` names via `PermissionRegistry`. */
export function definePermissions<const P extends Record<string, PermissionDef>>(permissions: P): P {
  return permissions;
}

/** How far a granted permission reaches over records owned by users/departments. */
export type DataScope = 'own' | 'department' | 'department_tree' | 'all';
export const DATA_SCOPES: readonly DataScope[] = ['own', 'department', 'department_tree', 'all'];

const SCOPE_RANK: Record<DataScope, number> = { own: 0, department: 1, department_tree: 2, all: 3 };

/** The wider of two scopes: a user with several roles gets the widest grant. */
export function widerScope(a: DataScope, b: DataScope): DataScope {
  return SCOPE_RANK[a] >= SCOPE_RANK[b] ? a : b;
}

/** Effective grants of a user: permission → widest scope over all the user's roles. */
export type Grants = ReadonlyMap<Permission, DataScope>;

/** Names stored in the database that no module declares (any more) are ignored. */
export function mergeGrants(
  roles: ReadonlyArray<{ dataScope: DataScope; permissions: readonly string[] }>,
  isPermission: (name: string) => name is Permission,
): Map<Permission, DataScope> {
  const out = new Map<Permission, DataScope>();
  for (const role of roles) {
    for (const p of role.permissions) {
      if (!isPermission(p)) continue;
      const prev = out.get(p);
      out.set(p, prev ? widerScope(prev, role.dataScope) : role.dataScope);
    }
  }
  return out;
}

/**
 * Whether a record owned by `owner` (user id + department id) is inside `scope` for `actor`.
 * `descendantsOfActorDept` holds the actor's department and every department below it.
 */
export function recordInScope(
  scope: DataScope,
  actor: { userId: string; departmentId: string | null },
  owner: { userId: string | null; departmentId: string | null },
  descendantsOfActorDept: ReadonlySet<string>,
): boolean {
  switch (scope) {
    case 'all':
      return true;
    case 'department_tree':
      return owner.departmentId !== null && descendantsOfActorDept.has(owner.departmentId);
    case 'department':
      return owner.departmentId !== null && owner.departmentId === actor.departmentId;
    case 'own':
      return owner.userId !== null && owner.userId === actor.userId;
  }
}
