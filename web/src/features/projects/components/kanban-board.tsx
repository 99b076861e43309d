import { useState } from 'react';
import { Button, Card, Typography } from 'antd';
import { ClockCircleOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../../shared/api/client.ts';
import { formatMoney } from '../../../shared/format.ts';
import type { KanbanCard, KanbanColumn, ProjectFilter } from '../project-api.ts';
import { DueText } from './due-text.tsx';
import { EmptyLine } from './empty-line.tsx';
import { StatusTag } from './status-tag.tsx';

const PAGE = 20;

function CardView({ card }: { card: KanbanCard }) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="bf-kanban-card" data-testid="kanban-card">
      <Link to={`/projects/${card.id}`} className="bf-kanban-card-title">
        {card.name}
      </Link>
      <div className="bf-kanban-card-customer">{card.customerName}</div>
      <div className="bf-kanban-card-row">
        <span className="bf-kanban-amount">{formatMoney(card.amountFen)}</span>
        {card.status !== 'open' ? <StatusTag status={card.status} /> : null}
      </div>
      <div className="bf-kanban-card-row bf-muted">
        <span>
          <UserOutlined aria-hidden /> {card.ownerName}
        </span>
        <span title={t('projects.card.nextDeadline')}>
          <ClockCircleOutlined aria-label={t('projects.card.nextDeadline')} /> <DueText at={card.nextDeadlineAt} />
        </span>
      </div>
    </Card>
  );
}

/** One stage column: name, count, ¥ sum, the first cards, and more on demand (server-side pages). */
function Column({ column, filter, lang }: { column: KanbanColumn; filter: ProjectFilter; lang: string }) {
  const { t } = useTranslation();
  const [more, setMore] = useState<KanbanCard[]>([]);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(false);
  const cards = [...column.cards, ...more.filter((m) => !column.cards.some((c) => c.id === m.id))];
  const loadMore = async () => {
    setLoading(true);
    try {
      const next = page + 1;
      const res = await api('GET /projects/kanban/:stage', {
        params: { stage: column.stage },
        query: { ...filter, page: next, pageSize: PAGE },
      });
      setMore((m) => [...m, ...res.items]);
      setPage(next);
    } finally {
      setLoading(false);
    }
  };
  const name = lang === 'en' ? column.nameEn : column.nameZh;
  return (
    <section className="bf-kanban-column" aria-label={name} data-stage={column.stage}>
      <header className="bf-kanban-column-head">
        <Typography.Text strong>{name}</Typography.Text>
        <span className="bf-kanban-count" aria-label={t('projects.kanban.count', { count: column.count })}>
          {column.count}
        </span>
        <div className="bf-kanban-sum" data-testid="kanban-sum">
          {formatMoney(column.sumFen)}
        </div>
      </header>
      <div className="bf-kanban-cards">
        {cards.length === 0 ? <EmptyLine text={t('projects.kanban.empty')} /> : null}
        {cards.map((c) => (
          <CardView key={c.id} card={c} />
        ))}
        {cards.length < column.count ? (
          <Button block loading={loading} onClick={() => void loadMore()}>
            {t('projects.kanban.more', { count: column.count - cards.length })}
          </Button>
        ) : null}
      </div>
    </section>
  );
}

/** The kanban by stage; columns scroll sideways on narrow screens. */
export function KanbanBoard({ columns, filter }: { columns: KanbanColumn[]; filter: ProjectFilter }) {
  const { t, i18n } = useTranslation();
  const key = JSON.stringify(filter);
  return (
    <div className="bf-kanban" role="region" aria-label={t('projects.view.kanban')} tabIndex={0}>
      {columns.map((c) => (
        <Column key={`${c.stage}:${key}`} column={c} filter={filter} lang={i18n.language} />
      ))}
    </div>
  );
}
