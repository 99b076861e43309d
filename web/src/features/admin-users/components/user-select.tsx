import { useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../shared/hooks/use-debounced-value.ts';
import { useUsers } from '../hooks/use-users.ts';

export interface UserOption {
  value: string;
  label: string;
}

/**
 * Picks one user by searching the server (name or user name), 20 at a time. `current` gives
 * the label of the value before any search has run.
 */
export function UserSelect({
  value,
  onChange,
  current,
  excludeId,
  placeholder,
  id,
  'aria-label': ariaLabel,
  className,
  activeOnly = true,
}: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  current?: UserOption | null;
  excludeId?: string;
  placeholder?: string;
  id?: string;
  'aria-label'?: string;
  className?: string;
  activeOnly?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 250);
  const [open, setOpen] = useState(false);
  const users = useUsers({ q: q || undefined, pageSize: 20, sort: 'displayName', active: activeOnly ? 'true' : undefined }, open || q !== '');
  const options: UserOption[] = (users.data?.items ?? [])
    .filter((u) => u.id !== excludeId)
    .map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
  if (current && !options.some((o) => o.value === current.value)) options.unshift(current);

  return (
    <Select<string, UserOption>
      id={id}
      aria-label={ariaLabel}
      className={className}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={setOpen}
      loading={users.isFetching}
      placeholder={placeholder ?? t('user.searchPlaceholder')}
      notFoundContent={users.isFetching ? t('common.loading') : t('user.noMatch')}
      popupMatchSelectWidth={false}
    />
  );
}
