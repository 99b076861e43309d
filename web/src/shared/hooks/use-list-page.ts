import { useState, type ChangeEvent, type Key } from 'react';
import type { TablePaginationConfig } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { positiveInt, useUrlParams } from './use-url-params.ts';

/** The sortable fields of a list (the table's column keys) and its order when the URL names none. */
export interface ListSort<S extends string> {
  fields: readonly S[];
  initial: { field: S; desc: boolean };
}

/** A fixed page size, or the size the user picks: its default (kept out of the URL), maximum and choices. */
export type ListPageSize = number | { initial: number; max: number; options: readonly number[] };

export interface ListPageOptions<F extends string, S extends string> {
  /** the filter parameters kept in the URL next to `page`, `pageSize` and `sort` (`q` is the search box) */
  filters: readonly F[];
  sort?: ListSort<S>;
  pageSize: ListPageSize;
  /** the pager's total line; "共 N 条" unless given */
  showTotal?: (total: number) => string;
}

/** What antd's Table passes as its sorter; only the column key and the order matter here. */
type TableSorter = { columnKey?: Key; order?: SortOrder } | Array<{ columnKey?: Key; order?: SortOrder }>;

/** The sort field of a URL value (`name` or `-name`), falling back to the list's initial order. */
export function parseListSort<S extends string>(value: string | undefined, sort: ListSort<S>): { field: S; desc: boolean } {
  if (!value) return sort.initial;
  const name = value.replace(/^-/, '');
  return { field: sort.fields.find((f) => f === name) ?? sort.initial.field, desc: value.startsWith('-') };
}

type PagingKey = 'page' | 'pageSize' | 'sort';
type PagingPatch = Partial<Record<PagingKey, string | number | undefined>>;

/** Page, page size and sort as the URL gives them (bad or missing values fall back to the defaults). */
export function readListPage<S extends string>(
  params: Partial<Record<PagingKey, string | undefined>>,
  options: Pick<ListPageOptions<string, S>, 'sort' | 'pageSize'>,
) {
  const page = positiveInt(params.page, 1);
  const pageSize =
    typeof options.pageSize === 'number' ? options.pageSize : positiveInt(params.pageSize, options.pageSize.initial, options.pageSize.max);
  const sort = options.sort ? parseListSort(params.sort, options.sort) : null;
  const sortParam = (sort ? `${sort.desc ? '-' : ''}${sort.field}` : undefined) as `${'' | '-'}${S}`;
  return { page, pageSize, sort, sortParam };
}

/**
 * The URL change for a Table's onChange (pager, sorter, size changer): the new page, size and
 * sort; a new sort or a new page size starts again at page 1, the default size is left out.
 */
export function tableChangePatch<S extends string>(
  options: Pick<ListPageOptions<string, S>, 'sort' | 'pageSize'>,
  current: { urlSort: string | undefined; pageSize: number },
  pagination: TablePaginationConfig,
  sorter: TableSorter,
): PagingPatch {
  let nextSort: string | undefined;
  if (options.sort) {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = typeof s?.columnKey === 'string' ? s.columnKey : undefined;
    const field = options.sort.fields.find((f) => f === key);
    nextSort = field && s?.order ? `${s.order === 'descend' ? '-' : ''}${field}` : undefined;
  }
  const sizes = typeof options.pageSize === 'number' ? null : options.pageSize;
  const restart =
    (options.sort !== undefined && nextSort !== current.urlSort) || (sizes !== null && pagination.pageSize !== current.pageSize);
  // (in this order: a key that is new to the URL query is appended)
  const patch: PagingPatch = { page: restart ? undefined : pagination.current };
  if (sizes) patch.pageSize = pagination.pageSize === sizes.initial ? undefined : pagination.pageSize;
  if (options.sort) patch.sort = nextSort;
  return patch;
}

/**
 * The state of a server-side list page — customers, partners, users, leads, cases, activities,
 * audit — kept in the URL query so a reload or a shared link shows the same list: the page, the
 * page size (omitted when it is the default), the sort (`field` or `-field`), the filters and the
 * search box. Changing a filter goes back to page 1 (`setParams(patch)`; pass `false` to keep the
 * page); changing the sort or the page size in the table does too.
 *
 * - `onTableChange` + `tablePagination(total)`: a Table whose pager, sorting and page size go
 *   through the table's `onChange`;
 * - `pagination(total)`: a pager of its own (the card list on phones, or a table without sorting).
 */
export function useListPage<F extends string, S extends string = never>(options: ListPageOptions<F, S>) {
  const { t } = useTranslation();
  const [params, setParams] = useUrlParams<F | PagingKey>(['page', 'pageSize', 'sort', ...options.filters]);
  /** a patch of the paging parameters (TypeScript cannot see that they are keys of the generic set) */
  const setPaging = (patch: PagingPatch) => setParams(patch as Partial<Record<F | PagingKey, string | number | undefined>>, false);
  const [search, setSearch] = useState((params as Record<string, string | undefined>).q ?? '');

  const { page, pageSize, sort, sortParam } = readListPage(params, options);
  const sizes = typeof options.pageSize === 'number' ? null : options.pageSize;
  const showTotal = options.showTotal ?? ((n: number) => t('common.totalItems', { count: n }));

  /** A column's sort arrow. */
  const sortOrder = (field: S): SortOrder => (sort?.field === field ? (sort.desc ? 'descend' : 'ascend') : null);

  /** The table's pager, sorter and page-size changer. */
  const onTableChange = (pagination: TablePaginationConfig, _filters: unknown, sorter: TableSorter) =>
    setPaging(tableChangePatch(options, { urlSort: params.sort, pageSize }, pagination, sorter));

  const tablePagination = (total: number) =>
    sizes
      ? { current: page, pageSize, total, showSizeChanger: true, pageSizeOptions: [...sizes.options], showTotal }
      : { current: page, pageSize, total, showSizeChanger: false, hideOnSinglePage: true, showTotal };

  const pagination = (total: number) => ({
    ...tablePagination(total),
    onChange: (p: number, size: number) =>
      setPaging(
        sizes ? { page: p === 1 ? undefined : p, pageSize: size === sizes.initial ? undefined : size } : { page: p === 1 ? undefined : p },
      ),
  });

  /** Props for the Input.Search of `q`: typed freely, applied on Enter or the search button. */
  const searchBox = {
    value: search,
    onChange: (e: ChangeEvent<HTMLInputElement>) => setSearch(e.target.value),
    onSearch: (v: string) => setParams({ q: v.trim() } as Partial<Record<F | PagingKey, string>>),
  };

  return { params, setParams, page, pageSize, sort, sortParam, sortOrder, onTableChange, tablePagination, pagination, searchBox };
}
