import { Alert, Descriptions, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalDetail, SubjectField } from '../approval-api.ts';
import { formatFieldValue } from '../format-value.ts';

interface Props {
  detail: ApprovalDetail;
}

/**
 * The subject as submitted (the snapshot approvers review), field by field in the declared
 * order; fields changed since submission are marked with their current value.
 */
export function SnapshotView({ detail }: Props) {
  const { t } = useTranslation();
  const fields = detail.fields;
  const byKey = new Map<string, SubjectField>(fields.map((f) => [f.key, f]));
  const keys = [...fields.map((f) => f.key), ...Object.keys(detail.snapshot).filter((k) => !byKey.has(k))];
  const changed = (key: string) => detail.current.changes.filter((c) => c.path === key || c.path.startsWith(`${key}.`));
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      items={keys.map((key) => {
        const field = byKey.get(key);
        const diff = changed(key);
        return {
          key,
          label: field?.label ?? key,
          children: (
            <span className={diff.length ? 'bf-changed-value' : undefined}>
              {formatFieldValue(detail.snapshot[key], field, t)}
              {diff.length ? (
                <Tag className="bf-changed-tag">
                  {diff.length === 1 && diff[0]?.path === key
                    ? t('approvals.nowValue', { value: formatFieldValue(diff[0]?.after, field, t) })
                    : t('approvals.changedSince')}
                </Tag>
              ) : null}
            </span>
          ),
        };
      })}
    />
  );
}

/** "Changed since submission": the differences between the snapshot and the subject today. */
export function ChangesSinceSubmission({ detail }: Props) {
  const { t } = useTranslation();
  const { current } = detail;
  if (!current.available) return <Alert type="warning" showIcon title={t('approvals.subjectGone')} />;
  if (current.changes.length === 0) return null;
  const byKey = new Map(detail.fields.map((f) => [f.key, f]));
  return (
    <Alert
      type="warning"
      showIcon
      className="bf-gap-bottom"
      title={t('approvals.changedTitle', { reviewed: detail.subjectVersion, current: current.version ?? '—' })}
      description={
        <>
          <Typography.Paragraph className="bf-approval-hint">{t('approvals.changedHint')}</Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="path"
            scroll={{ x: 'max-content' }}
            dataSource={current.changes}
            columns={[
              { title: t('approvals.field'), dataIndex: 'label', key: 'label' },
              {
                title: t('approvals.submittedValue'),
                key: 'before',
                render: (_: unknown, c) => formatFieldValue(c.before, byKey.get(c.path), t),
              },
              {
                title: t('approvals.currentValue'),
                key: 'after',
                render: (_: unknown, c) => <strong>{formatFieldValue(c.after, byKey.get(c.path), t)}</strong>,
              },
            ]}
          />
        </>
      }
    />
  );
}
