import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getJson } from '../project-api.ts';

export interface RemoteOption {
  value: string;
  label: string;
  /** extra data of the option (e.g. a lead's customer) */
  data?: Record<string, unknown>;
}

/**
 * A searchable select over another module's list endpoint (customers, partners, leads): the
 * server searches as you type; `map` turns the page items into options.
 */
export function RemoteSelect(props: {
  url: (q: string) => string;
  map: (items: Array<Record<string, unknown>>) => RemoteOption[];
  queryKey: string;
  value?: string;
  onChange?: (v: string | undefined, option?: RemoteOption) => void;
  initialLabel?: string;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const q = useQuery({
    queryKey: ['remote-select', props.queryKey, debounced],
    queryFn: async ({ signal }) => {
      const res = await getJson<{ items?: Array<Record<string, unknown>> }>(props.url(debounced), signal);
      return props.map(res?.items ?? []);
    },
    staleTime: 30_000,
  });
  const options = [...(q.data ?? [])];
  if (props.value && props.initialLabel && !options.some((o) => o.value === props.value))
    options.unshift({ value: props.value, label: props.initialLabel });
  return (
    <Select<string>
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value}
      onChange={(v) =>
        props.onChange?.(
          v,
          options.find((o) => o.value === v),
        )
      }
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      disabled={props.disabled}
      loading={q.isFetching}
      placeholder={props.placeholder}
      notFoundContent={q.isFetching ? t('common.loading') : t('projects.noMatch')}
      options={options.map((o) => ({ value: o.value, label: o.label }))}
      className="bf-full-width"
    />
  );
}
