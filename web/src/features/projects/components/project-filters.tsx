import { useEffect, useState } from 'react';
import { Button, Checkbox, DatePicker, Input, InputNumber, Select, Space } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { StageConfigView } from '../project-api.ts';

/** The list's filters, as kept in the URL (string values). */
export const FILTER_KEYS = ['q', 'stage', 'status', 'mine', 'amountMin', 'amountMax', 'signFrom', 'signTo'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type FilterValues = Partial<Record<FilterKey, string | undefined>>;

const STATUSES = ['open', 'won', 'lost', 'abandoned', 'failed_tender', 'no_go', 'closed'] as const;

/** Search, stage, status, mine, amount range (in yuan) and sign-date range. */
export function ProjectFilters({
  values,
  onChange,
  config,
  showStage,
}: {
  values: FilterValues;
  onChange: (patch: FilterValues) => void;
  config: StageConfigView | undefined;
  showStage: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [q, setQ] = useState(values.q ?? '');
  useEffect(() => setQ(values.q ?? ''), [values.q]);
  const yuan = (fen: string | undefined) => (fen ? Number(fen) / 100 : null);
  const fen = (v: number | null) => (v === null ? undefined : String(Math.round(v * 100)));
  const any = FILTER_KEYS.some((k) => values[k]);
  return (
    <Space wrap className="bf-project-filters">
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => onChange({ q: v.trim() || undefined })}
        placeholder={t('projects.filter.search')}
        aria-label={t('projects.filter.search')}
        className="bf-project-search"
      />
      {showStage ? (
        <Select
          allowClear
          value={values.stage}
          onChange={(v?: string) => onChange({ stage: v })}
          placeholder={t('projects.filter.stage')}
          aria-label={t('projects.filter.stage')}
          className="bf-project-select"
          options={(config?.stages ?? []).map((s) => ({ value: s.code, label: i18n.language === 'en' ? s.nameEn : s.nameZh }))}
        />
      ) : null}
      <Select
        allowClear
        value={values.status}
        onChange={(v?: string) => onChange({ status: v })}
        placeholder={t('projects.filter.status')}
        aria-label={t('projects.filter.status')}
        className="bf-project-select"
        options={STATUSES.map((s) => ({ value: s, label: t(`projects.status.${s}`) }))}
      />
      <Space.Compact>
        <InputNumber<number>
          min={0}
          value={yuan(values.amountMin)}
          onChange={(v) => onChange({ amountMin: fen(v) })}
          placeholder={t('projects.filter.amountMin')}
          aria-label={t('projects.filter.amountMin')}
          prefix="¥"
          className="bf-project-amount"
        />
        <InputNumber<number>
          min={0}
          value={yuan(values.amountMax)}
          onChange={(v) => onChange({ amountMax: fen(v) })}
          placeholder={t('projects.filter.amountMax')}
          aria-label={t('projects.filter.amountMax')}
          prefix="¥"
          className="bf-project-amount"
        />
      </Space.Compact>
      <DatePicker.RangePicker
        value={[values.signFrom ? dayjs(values.signFrom) : null, values.signTo ? dayjs(values.signTo) : null]}
        onChange={(r) => onChange({ signFrom: r?.[0]?.format('YYYY-MM-DD'), signTo: r?.[1]?.format('YYYY-MM-DD') })}
        placeholder={[t('projects.filter.signFrom'), t('projects.filter.signTo')]}
        aria-label={t('projects.filter.signRange')}
        allowEmpty={[true, true]}
      />
      <Checkbox checked={values.mine === 'true'} onChange={(e) => onChange({ mine: e.target.checked ? 'true' : undefined })}>
        {t('projects.filter.mine')}
      </Checkbox>
      {any ? (
        <Button
          icon={<ClearOutlined />}
          onClick={() => onChange(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])) as FilterValues)}
        >
          {t('projects.filter.clear')}
        </Button>
      ) : null}
    </Space>
  );
}
