import { describe, expect, test } from 'vitest';
import type { Department } from '../../shared/api/types.ts';
import { buildDepartmentTree, subtreeIds } from './department-tree.ts';

function dept(id: string, parentId: string | null, name: string, sortOrder = 0): Department {
  return { id, parentId, name, sortOrder, headUserId: null, headName: null, active: true, version: 1, memberCount: 0 };
}

describe('buildDepartmentTree', () => {
  test('nests children under parents, siblings by sort order then name', () => {
    const tree = buildDepartmentTree([
      dept('c', 'a', '上海办', 2),
      dept('a', null, '销售部'),
      dept('b', 'a', '北京办', 1),
      dept('d', null, '技术中心'),
    ]);
    expect(tree.map((n) => n.id)).toEqual(['d', 'a']);
    expect(tree[1]?.children?.map((n) => n.id)).toEqual(['b', 'c']);
    expect(tree[0]?.children).toBeUndefined();
  });

  test('a department whose parent is not in the list becomes a root', () => {
    const tree = buildDepartmentTree([dept('x', 'missing', '孤立部门')]);
    expect(tree.map((n) => n.id)).toEqual(['x']);
  });
});

describe('subtreeIds', () => {
  test('the department and everything below it', () => {
    const list = [dept('a', null, 'A'), dept('b', 'a', 'B'), dept('c', 'b', 'C'), dept('d', null, 'D')];
    expect([...subtreeIds(list, 'a')].sort()).toEqual(['a', 'b', 'c']);
    expect([...subtreeIds(list, 'd')]).toEqual(['d']);
  });
});
