import { useState } from 'react';
import { AutoComplete, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client.ts';
import { useDebouncedValue } from '../../../shared/hooks/use-debounced-value.ts';

/**
 * Pickers over other modules' lists, searched on the server as the user types: customers
 * (GET /api/customers?q=) and partners (GET /api/partners?q=). Only records the user may see are
 * offered. (People: shared/components/user-picker.tsx.)
 */

function useCustomerOptions(q: string, enabled = true) {
  const term = useDebouncedValue(q.trim(), 250);
  return useQuery({
    queryKey: ['customers', 'picker', term],
    queryFn: ({ signal }) => api('GET /customers', { query: { q: term || undefined, pageSize: 20, sort: '-updatedAt' }, signal }),
    enabled,
    staleTime: 30_000,
  });
}

/** Pick one visible customer (id). */
export function CustomerSelect({
  value,
  onChange,
  initialName,
  placeholder,
  id,
}: {
  value?: string | null;
  onChange?: (id: string | null, name: string | null) => void;
  initialName?: string | null;
  placeholder?: string;
  id?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const list = useCustomerOptions(q);
  const options = (list.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  if (value && initialName && !options.some((o) => o.value === value)) options.unshift({ value, label: initialName });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      showSearch={{ filterOption: false, onSearch: setQ }}
      onChange={(v: string | undefined, opt) =>
        onChange?.(v ?? null, Array.isArray(opt) ? null : ((opt?.label as string | undefined) ?? null))
      }
      options={options}
      loading={list.isFetching}
      allowClear
      placeholder={placeholder ?? t('activities.pickCustomer')}
      notFoundContent={list.isFetching ? null : t('activities.noCustomerFound')}
      className="bf-full-width"
    />
  );
}

/** A customer as a name: pick an existing one or type a new name (information about a prospect). */
export interface CustomerValue {
  id: string | null;
  name: string;
}

export function CustomerInput({
  value,
  onChange,
  id,
  placeholder,
}: {
  value?: CustomerValue;
  onChange?: (v: CustomerValue) => void;
  id?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const text = value?.name ?? '';
  const list = useCustomerOptions(text, text.trim().length > 0);
  const options = (list.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }));
  return (
    <AutoComplete
      id={id}
      value={text}
      options={options}
      onSearch={(name) => onChange?.({ id: null, name })}
      onSelect={(cid: string, opt) => onChange?.({ id: cid, name: String(opt.label ?? '') })}
      placeholder={placeholder ?? t('activities.customerInputHint')}
      className="bf-full-width"
      allowClear
      onClear={() => onChange?.({ id: null, name: '' })}
    />
  );
}

/** Pick one visible channel partner. */
export function PartnerSelect({ value, onChange, id }: { value?: string | null; onChange?: (id: string | null) => void; id?: string }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const term = useDebouncedValue(q.trim(), 250);
  const list = useQuery({
    queryKey: ['partners', 'picker', term],
    queryFn: ({ signal }) => api('GET /partners', { query: { q: term || undefined, pageSize: 20, sort: '-updatedAt' }, signal }),
    staleTime: 30_000,
  });
  return (
    <Select
      id={id}
      value={value ?? undefined}
      showSearch={{ filterOption: false, onSearch: setQ }}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={(list.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
      loading={list.isFetching}
      placeholder={t('activities.pickPartner')}
      notFoundContent={list.isFetching ? null : t('activities.noPartnerFound')}
      className="bf-full-width"
    />
  );
}
