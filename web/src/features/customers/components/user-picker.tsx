import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../shared/hooks/use-debounced-value.ts';
import { useUserOptions } from '../../approvals/hooks/use-approvals.ts';

interface Option {
  value: string;
  label: string;
}

/** Picks active colleagues by name (any signed-in user may search them); one or several. */
export function UserPicker(props: {
  mode?: 'multiple';
  value?: string | string[] | null;
  onChange?: (v: string | string[] | null) => void;
  known?: Option[];
  excludeIds?: string[];
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const [open, setOpen] = useState(false);
  const users = useUserOptions(q, open || q !== '');
  const options: Option[] = (users.data ?? [])
    .filter((u) => !props.excludeIds?.includes(u.id))
    .map((u) => ({ value: u.id, label: u.departmentName ? `${u.displayName}（${u.departmentName}）` : u.displayName }));
  for (const k of props.known ?? []) if (!options.some((o) => o.value === k.value)) options.unshift(k);
  return (
    <Select<string | string[], Option>
      id={props.id}
      mode={props.mode}
      aria-label={props['aria-label']}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={setOpen}
      loading={users.isFetching}
      placeholder={props.placeholder ?? t('customers.pickUser')}
      notFoundContent={users.isFetching ? t('common.loading') : t('customers.noUser')}
      className="bf-full-width"
    />
  );
}
