import { Card, Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../shared/components/load-error.tsx';
import { SectionSpin } from '../../../shared/components/full-page-spin.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useProjectTimeline } from '../hooks/use-projects.ts';

const COLORS: Record<string, string> = {
  'project.stage': 'blue',
  'project.go': 'green',
  'project.no_go': 'red',
  'project.registration': 'green',
  'project.summary': 'purple',
};

/** The project's one timeline (every module appends to it), newest first. */
export function TimelinePanel({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const q = useProjectTimeline(projectId);
  return (
    <Card size="small" title={t('projects.timeline.title')} className="bf-timeline-card">
      {q.error ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data ? (
        <SectionSpin />
      ) : q.data.length === 0 ? (
        <Empty description={t('projects.timeline.empty')} />
      ) : (
        <Timeline
          items={q.data.map((e) => ({
            key: e.id,
            color: COLORS[e.kind] ?? 'gray',
            content: (
              <div className="bf-timeline-entry">
                <div>{e.title}</div>
                {e.summary ? (
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }} className="bf-no-margin">
                    {e.summary}
                  </Typography.Paragraph>
                ) : null}
                <div className="bf-muted bf-small">
                  {formatDateTime(e.at)}
                  {e.actorName ? ` · ${e.actorName}` : ''}
                </div>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
