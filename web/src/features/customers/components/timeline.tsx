import { Button, Empty, Spin, Timeline, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import type { TimelineItem } from '../customer-api.ts';
import { useCustomerTimeline } from '../hooks/use-customers.ts';

const COLORS: Record<string, string> = {
  customer: 'blue',
  contact: 'green',
  activity: 'cyan',
  lead: 'orange',
  project: 'purple',
  quote: 'gold',
  tender: 'red',
};

/**
 * One timeline of everything that happened with the customer, whatever module wrote it. Each
 * entry shows its kind (labelled by `customers.timelineKinds.<kind>` when known), its title and
 * summary as written by the module, and a link when the module gave one.
 */
export function CustomerTimeline({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const tl = useCustomerTimeline(customerId);
  if (tl.isLoading) return <Spin />;
  if (tl.error && !tl.data) return <LoadError error={tl.error} onRetry={() => void tl.refetch()} />;
  const items: TimelineItem[] = tl.data?.pages.flatMap((p) => p.items) ?? [];
  if (items.length === 0) return <Empty description={t('customers.timeline.empty')} />;
  const kindLabel = (kind: string) => {
    const key = `customers.timelineKinds.${kind.replace(/\./g, '_')}`;
    return i18n.exists(key) ? t(key) : kind;
  };
  return (
    <div className="bf-crm-timeline">
      <Timeline
        items={items.map((e) => ({
          key: e.id,
          color: COLORS[e.entityType] ?? 'gray',
          content: (
            <div>
              <div className="bf-crm-timeline-head">
                <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
                <span className="bf-crm-timeline-kind">{kindLabel(e.kind)}</span>
                {e.actorName ? <Typography.Text type="secondary">{e.actorName}</Typography.Text> : null}
              </div>
              <div className="bf-crm-timeline-title">{e.link ? <Link to={e.link}>{e.title}</Link> : e.title}</div>
              {e.summary ? <div className="bf-muted bf-crm-timeline-summary">{e.summary}</div> : null}
            </div>
          ),
        }))}
      />
      {tl.hasNextPage ? (
        <Button onClick={() => void tl.fetchNextPage()} loading={tl.isFetchingNextPage}>
          {t('customers.timeline.more')}
        </Button>
      ) : null}
    </div>
  );
}
