import { Typography } from 'antd';
import { formatDateTime } from '../../../shared/format.ts';

/** A due time, red when it has passed. */
export function DueText({ at, now = Date.now() }: { at: string | null; now?: number }) {
  if (!at) return <span className="bf-muted">—</span>;
  const overdue = new Date(at).getTime() <= now;
  return <Typography.Text type={overdue ? 'danger' : undefined}>{formatDateTime(at)}</Typography.Text>;
}
