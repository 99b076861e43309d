import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUserOptions } from '../hooks/use-approvals.ts';

/** Picks one active user by name or user name (searches on the server as you type). */
export function UserPicker(props: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  /** shown for the current value before the first search answers */
  initialLabel?: string;
  exclude?: readonly string[];
  id?: string;
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
  const users = useUserOptions(debounced);
  const options = (users.data ?? [])
    .filter((u) => !props.exclude?.includes(u.id))
    .map((u) => ({ value: u.id, label: u.departmentName ? `${u.displayName} · ${u.departmentName}` : u.displayName }));
  if (props.value && props.initialLabel && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: props.initialLabel });
  }
  return (
    <Select<string>
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      disabled={props.disabled}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      loading={users.isFetching}
      placeholder={t('approvals.userPickerPlaceholder')}
      notFoundContent={users.isFetching ? t('common.loading') : t('approvals.userPickerEmpty')}
      options={options}
      className="bf-full-width"
    />
  );
}
