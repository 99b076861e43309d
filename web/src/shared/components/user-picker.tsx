import { useState } from 'react';
import { Select } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useDebouncedValue } from '../hooks/use-debounced-value.ts';

/**
 * Where a picker's people come from. Each endpoint has its own permission, so a call site keeps
 * the one it is allowed to call:
 * - `colleagues`: `GET /approvals/user-options` — active users, for any signed-in user (owners,
 *   shares, delegates, approvers, project members, case handlers);
 * - `lead-assignees`: `GET /leads/assignees` — active account managers who may evaluate leads
 *   (`lead.screen`);
 * - `users`: `GET /users` — the user administration list (`user.read`), active users unless
 *   `includeInactive`; loaded only once the list opens or the user types.
 */
export type UserPickerSource = 'colleagues' | 'lead-assignees' | 'users';

interface Person {
  id: string;
  displayName: string;
  departmentName?: string | null;
  username?: string;
}

export interface UserPickerOption {
  value: string;
  label: string;
}

interface SourceSpec {
  queryKey: (q: string, includeInactive: boolean) => readonly unknown[];
  load: (q: string, includeInactive: boolean, signal: AbortSignal) => Promise<Person[]>;
  /** people are labelled with their department, or with their user name */
  labelBy: 'department' | 'username';
  staleTime: number;
  /** fetch only when the list opens or a search is typed (the endpoint needs a permission the page does not check) */
  lazy: boolean;
  placeholderKey: string;
  emptyKey: string;
  /** fills its row (the colleague pickers), or keeps the width its container gives it */
  fullWidth: boolean;
}

const SOURCES: Record<UserPickerSource, SourceSpec> = {
  colleagues: {
    queryKey: (q) => ['approvals', 'user-options', q],
    load: (q, _all, signal) => api('GET /approvals/user-options', { query: { q }, signal }),
    labelBy: 'department',
    staleTime: 60_000,
    lazy: false,
    placeholderKey: 'approvals.userPickerPlaceholder',
    emptyKey: 'approvals.userPickerEmpty',
    fullWidth: true,
  },
  'lead-assignees': {
    queryKey: (q) => ['leads', 'assignees', q],
    load: (q, _all, signal) => api('GET /leads/assignees', { query: { q: q || undefined }, signal }),
    labelBy: 'department',
    staleTime: 60_000,
    lazy: false,
    placeholderKey: 'approvals.userPickerPlaceholder',
    emptyKey: 'approvals.userPickerEmpty',
    fullWidth: false,
  },
  users: {
    queryKey: (q, all) => ['users', 'picker', { q, active: all ? undefined : 'true' }],
    load: async (q, all, signal) =>
      (
        await api('GET /users', {
          query: { q: q || undefined, pageSize: 20, sort: 'displayName', active: all ? undefined : 'true' },
          signal,
        })
      ).items,
    labelBy: 'username',
    staleTime: 0,
    lazy: true,
    placeholderKey: 'user.searchPlaceholder',
    emptyKey: 'user.noMatch',
    fullWidth: false,
  },
};

interface CommonProps {
  /** where the options come from (see UserPickerSource) */
  source: UserPickerSource;
  /** `users` only: inactive users too (filters over history, e.g. the audit log) */
  includeInactive?: boolean;
  /** labels for values the search has not returned (the current owner, shares, the manager); always offered */
  known?: readonly UserPickerOption[] | null;
  /** people who may not be picked (the current owner, the requester, oneself) */
  exclude?: readonly (string | null | undefined)[];
  /** false while the picker is hidden behind another choice */
  enabled?: boolean;
  /** how a department shows after the name: 王芳（市场部） or 王芳 · 市场部 (the source's labels otherwise) */
  departmentLabel?: 'brackets' | 'dot';
  /** the hint in the empty field; `null` for none */
  placeholder?: string | null;
  /** the text when nothing matches; `null` shows the list's plain empty state */
  notFoundText?: string | null;
  allowClear?: boolean;
  className?: string;
  id?: string;
  'aria-label'?: string;
  disabled?: boolean;
}

type SingleProps = CommonProps & { mode?: undefined; value?: string | null; onChange?: (id: string | null) => void };
type MultipleProps = CommonProps & { mode: 'multiple'; value?: string[] | null; onChange?: (ids: string[]) => void };

/**
 * The one user picker: searches the source on the server as the user types (debounced), one
 * person or several (`mode="multiple"`). Works as a controlled antd form field.
 */
export function UserPicker(props: SingleProps | MultipleProps) {
  const { t } = useTranslation();
  const spec = SOURCES[props.source];
  const includeInactive = props.includeInactive ?? false;
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const [open, setOpen] = useState(false);
  // labels of the people picked in a multiple picker, so their tags keep a name after the next search
  const [picked, setPicked] = useState<Record<string, string>>({});
  const people = useQuery({
    queryKey: spec.queryKey(q, includeInactive),
    queryFn: ({ signal }) => spec.load(q, includeInactive, signal),
    placeholderData: keepPreviousData,
    staleTime: spec.staleTime,
    enabled: (props.enabled ?? true) && (!spec.lazy || open || q !== ''),
  });

  const departmentLabel = props.departmentLabel ?? (props.source === 'lead-assignees' ? 'brackets' : 'dot');
  const labelOf = (p: Person): string => {
    if (spec.labelBy === 'username') return `${p.displayName} (${p.username ?? ''})`;
    if (!p.departmentName) return p.displayName;
    return departmentLabel === 'brackets' ? `${p.displayName}（${p.departmentName}）` : `${p.displayName} · ${p.departmentName}`;
  };
  const options: UserPickerOption[] = (people.data ?? [])
    .filter((p) => !props.exclude?.includes(p.id))
    .map((p) => ({ value: p.id, label: labelOf(p) }));
  for (const k of props.known ?? []) if (!options.some((o) => o.value === k.value)) options.unshift(k);
  if (props.mode === 'multiple') {
    for (const id of props.value ?? []) if (!options.some((o) => o.value === id)) options.unshift({ value: id, label: picked[id] ?? id });
  }

  const notFound =
    props.notFoundText === null ? undefined : people.isFetching ? t('common.loading') : (props.notFoundText ?? t(spec.emptyKey));
  const common = {
    id: props.id,
    'aria-label': props['aria-label'],
    className: props.className ?? (spec.fullWidth ? 'bf-full-width' : undefined),
    options,
    allowClear: props.allowClear ?? true,
    disabled: props.disabled,
    showSearch: { filterOption: false, onSearch: setSearch },
    onOpenChange: setOpen,
    loading: people.isFetching,
    placeholder: props.placeholder === null ? undefined : (props.placeholder ?? t(spec.placeholderKey)),
    notFoundContent: notFound,
    // "name (user name)" labels are long: the list may be wider than a narrow filter
    popupMatchSelectWidth: spec.labelBy === 'username' ? false : undefined,
  } as const;

  if (props.mode === 'multiple') {
    const { onChange } = props;
    return (
      <Select<string[], UserPickerOption>
        {...common}
        mode="multiple"
        value={props.value ?? []}
        onChange={(ids, opts) => {
          const labelled = Array.isArray(opts) ? opts : [];
          setPicked((m) => ({ ...m, ...Object.fromEntries(labelled.map((o) => [o.value, o.label])) }));
          onChange?.(ids);
        }}
      />
    );
  }
  const { onChange } = props;
  return <Select<string, UserPickerOption> {...common} value={props.value ?? undefined} onChange={(v) => onChange?.(v ?? null)} />;
}
