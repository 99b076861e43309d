import { useState, type ReactNode } from 'react';
import { AutoComplete, Button, Grid, Modal } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../shared/api/client.ts';
import { useDebouncedValue } from '../../../shared/hooks/use-debounced-value.ts';
import type { SearchHit, SearchResult } from '../../customers/customer-api.ts';
import '../search.css';

const GROUPS: Array<keyof SearchResult> = ['customers', 'contacts', 'partners', 'leads'];

function useSearch(q: string) {
  return useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => api('GET /search', { query: { q, limit: 5 }, signal }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

function hitLabel(h: SearchHit): ReactNode {
  return (
    <div className="bf-crm-search-hit">
      <div className="bf-crm-search-hit-title">{h.title}</div>
      {h.subtitle ? <div className="bf-crm-search-hit-sub">{h.subtitle}</div> : null}
    </div>
  );
}

/**
 * The one search box in the header: customers, contacts, partners and leads by any part of a
 * Chinese name, a credit code or a phone number, grouped, as you type (debounced). On a phone it
 * is an icon that opens the box full width.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const q = useDebouncedValue(text.trim(), 250);
  const result = useSearch(q);
  const data = q ? result.data : undefined;
  const options = data
    ? GROUPS.filter((g) => data[g].length > 0).map((g) => ({
        label: <span className="bf-crm-search-group">{t(`search.groups.${g}`)}</span>,
        title: t(`search.groups.${g}`),
        options: data[g].map((h) => ({ value: `${g}:${h.id}`, label: hitLabel(h) })),
      }))
    : [];
  const empty = q && data && options.length === 0 && !result.isFetching;

  const go = (link: string) => {
    setText('');
    setOpen(false);
    void navigate(link);
  };

  const box = (
    <AutoComplete
      className={mobile ? 'bf-full-width' : 'bf-crm-global-search'}
      value={text}
      options={options}
      onChange={(v: string) => setText(v)}
      onSelect={(v: string) => {
        const [g, id] = v.split(':') as [keyof SearchResult, string];
        const hit = data?.[g]?.find((h) => h.id === id);
        if (hit) go(hit.link);
      }}
      notFoundContent={empty ? t('search.noResults', { q }) : null}
      popupMatchSelectWidth={mobile ? true : 380}
      autoFocus={mobile}
      defaultActiveFirstOption
      prefix={<SearchOutlined aria-hidden className="bf-muted" />}
      placeholder={t('search.placeholder')}
      title={t('search.hint')}
      aria-label={t('search.label')}
      allowClear
    />
  );

  if (!mobile) return <div role="search">{box}</div>;
  return (
    <>
      <Button type="text" icon={<SearchOutlined />} aria-label={t('search.label')} onClick={() => setOpen(true)} />
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} title={t('search.label')} style={{ top: 12 }} destroyOnHidden>
        <div role="search">{box}</div>
      </Modal>
    </>
  );
}
