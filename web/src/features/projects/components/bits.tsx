import { useEffect, useState } from 'react';
import { InputNumber, Select, Tag, Typography, type InputNumberProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUserOptions } from '../../approvals/hooks/use-approvals.ts';
import { formatDateTime } from '../../../shared/format.ts';

/** Status colours: open blue, won green, lost / failed red, abandoned and no-go grey. */
const STATUS_COLORS: Record<string, string> = {
  open: 'processing', won: 'success', lost: 'error', failed_tender: 'error', abandoned: 'default', no_go: 'default',
};

/** 进行中 / 中标 / 丢单 / 放弃 / 流标 / 不跟进 */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{t(`projects.status.${status}`, { defaultValue: status })}</Tag>;
}

/** A due time, red when it has passed. */
export function DueText({ at, now = Date.now() }: { at: string | null; now?: number }) {
  if (!at) return <span className="bf-muted">—</span>;
  const overdue = new Date(at).getTime() <= now;
  return <Typography.Text type={overdue ? 'danger' : undefined}>{formatDateTime(at)}</Typography.Text>;
}

/** Several active users, searched on the server as you type. */
export function UsersSelect(props: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  initial?: Array<{ id: string; label: string }>;
  id?: string;
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  const [known, setKnown] = useState<Record<string, string>>(() => Object.fromEntries((props.initial ?? []).map((u) => [u.id, u.label])));
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const users = useUserOptions(debounced);
  const options = (users.data ?? []).map((u) => ({ value: u.id, label: u.departmentName ? `${u.displayName} · ${u.departmentName}` : u.displayName }));
  for (const id of props.value ?? []) if (!options.some((o) => o.value === id)) options.unshift({ value: id, label: known[id] ?? id });
  return (
    <Select<string[]>
      mode="multiple"
      id={props.id}
      aria-label={props['aria-label']}
      value={props.value ?? []}
      onChange={(ids, opts) => {
        const labels = Array.isArray(opts) ? opts : [];
        setKnown((k) => ({ ...k, ...Object.fromEntries(labels.map((o) => [String(o.value), String(o.label)])) }));
        props.onChange?.(ids);
      }}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={users.isFetching}
      placeholder={t('approvals.userPickerPlaceholder')}
      notFoundContent={users.isFetching ? t('common.loading') : t('approvals.userPickerEmpty')}
      options={options}
      className="bf-full-width"
    />
  );
}

/** Integer fen ↔ yuan with two decimals, for money inputs. */
export const fenToYuan = (fen: number | null | undefined): number | null => (fen === null || fen === undefined ? null : fen / 100);
export const yuanToFen = (yuan: number | null | undefined): number | null => (yuan === null || yuan === undefined ? null : Math.round(yuan * 100));

function groupThousands(v: string | number | undefined): string {
  if (v === undefined || v === '') return '';
  const [int = '', dec] = String(v).split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${dec === undefined ? '' : `.${dec}`}`;
}

/** The largest amount the server accepts (MAX_FEN in core/schemas/projects.schema.ts), in yuan. */
const MAX_YUAN = 100_000_000_000;

/** A yuan amount with thousands separators (the form converts to fen). */
export function MoneyInput(props: InputNumberProps<number>) {
  return (
    <InputNumber<number>
      min={0}
      max={MAX_YUAN}
      precision={2}
      prefix="¥"
      formatter={(v) => groupThousands(v)}
      parser={(v) => Number((v ?? '').replace(/[^\d.]/g, '')) || 0}
      {...props}
    />
  );
}

/** A one-line empty state for small cards and columns. */
export function EmptyLine({ text }: { text: string }) {
  return <div className="bf-empty-line">{text}</div>;
}
