import type { Department } from '../../shared/api/types.ts';

export interface DepartmentNode extends Department {
  children?: DepartmentNode[];
}

/**
 * The department tree from the flat list `GET /api/departments` returns: children under their
 * parent, siblings by sortOrder then name. A department whose parent is missing (outside the
 * list) becomes a root, so nothing disappears.
 */
export function buildDepartmentTree(list: readonly Department[]): DepartmentNode[] {
  const byId = new Map<string, DepartmentNode>();
  for (const d of list) byId.set(d.id, { ...d });
  const roots: DepartmentNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent && parent !== node) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (nodes: DepartmentNode[]) => {
    nodes.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
    for (const n of nodes) if (n.children) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** The id and every id below it: a department cannot move under itself or its descendants. */
export function subtreeIds(list: readonly Department[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const d of list) {
    if (!d.parentId) continue;
    const arr = children.get(d.parentId) ?? [];
    arr.push(d.id);
    children.set(d.parentId, arr);
  }
  const out = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop();
    if (id === undefined) break;
    for (const c of children.get(id) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        stack.push(c);
      }
    }
  }
  return out;
}
