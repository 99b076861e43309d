import { describe, expect, it } from 'vitest';
import { parseListSort, readListPage, tableChangePatch } from './use-list-page.ts';

const SORT = { fields: ['name', 'updatedAt'] as const, initial: { field: 'updatedAt' as const, desc: true } };
const SIZES = { initial: 20, max: 100, options: [10, 20, 50, 100] };
const LIST = { sort: SORT, pageSize: SIZES };

describe('list page state in the URL', () => {
  it('reads the sort, falling back to the initial order', () => {
    expect(parseListSort(undefined, SORT)).toEqual({ field: 'updatedAt', desc: true });
    expect(parseListSort('name', SORT)).toEqual({ field: 'name', desc: false });
    expect(parseListSort('-name', SORT)).toEqual({ field: 'name', desc: true });
    // an unknown field keeps the direction it asked for
    expect(parseListSort('-nope', SORT)).toEqual({ field: 'updatedAt', desc: true });
    expect(parseListSort('nope', SORT)).toEqual({ field: 'updatedAt', desc: false });
  });

  it('reads the page and clamps the page size', () => {
    expect(readListPage({ page: '3', pageSize: '500', sort: 'name' }, LIST)).toEqual({
      page: 3,
      pageSize: 100,
      sort: { field: 'name', desc: false },
      sortParam: 'name',
    });
    expect(readListPage({ page: '0', pageSize: 'x' }, LIST)).toEqual({
      page: 1,
      pageSize: 20,
      sort: { field: 'updatedAt', desc: true },
      sortParam: '-updatedAt',
    });
    // a fixed size ignores the URL; no sort, no sort parameter
    expect(readListPage({ page: '2', pageSize: '50' }, { pageSize: 20 })).toEqual({
      page: 2,
      pageSize: 20,
      sort: null,
      sortParam: undefined,
    });
  });

  it('a table change keeps the page unless the sort or the size changed', () => {
    const at = { urlSort: undefined, pageSize: 20 };
    // the pager: the page (as the table gives it), default size left out
    expect(tableChangePatch(LIST, at, { current: 3, pageSize: 20 }, {})).toEqual({ page: 3, pageSize: undefined, sort: undefined });
    // a new sort: back to page 1
    expect(tableChangePatch(LIST, at, { current: 3, pageSize: 20 }, { columnKey: 'name', order: 'descend' })).toEqual({
      page: undefined,
      pageSize: undefined,
      sort: '-name',
    });
    // a new size: back to page 1, the size kept
    expect(
      tableChangePatch(LIST, { urlSort: 'name', pageSize: 20 }, { current: 3, pageSize: 50 }, [{ columnKey: 'name', order: 'ascend' }]),
    ).toEqual({ page: undefined, pageSize: 50, sort: 'name' });
    // a column that is not a sort field clears the sort
    expect(
      tableChangePatch(LIST, { urlSort: 'name', pageSize: 20 }, { current: 1, pageSize: 20 }, { columnKey: 'owner', order: 'ascend' }),
    ).toEqual({ page: undefined, pageSize: undefined, sort: undefined });
    // the keys go in this order (new keys are appended to the URL)
    expect(Object.keys(tableChangePatch(LIST, at, { current: 2, pageSize: 20 }, {}))).toEqual(['page', 'pageSize', 'sort']);
  });

  it('a fixed size or no sort leaves those parameters alone', () => {
    expect(
      tableChangePatch(
        { sort: SORT, pageSize: 20 },
        { urlSort: '-updatedAt', pageSize: 20 },
        { current: 4, pageSize: 20 },
        { columnKey: 'updatedAt', order: 'descend' },
      ),
    ).toEqual({ page: 4, sort: '-updatedAt' });
    expect(
      tableChangePatch(
        { pageSize: { initial: 50, max: 200, options: [20, 50, 100, 200] } },
        { urlSort: undefined, pageSize: 50 },
        { current: 2, pageSize: 100 },
        {},
      ),
    ).toEqual({ page: undefined, pageSize: 100 });
  });
});
