import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApprovalCounts } from '../hooks/use-approval-counts.ts';

/** The number next to 我的审批 in the menu: tasks waiting for me plus my requests returned to me. */
export function ApprovalNavBadge() {
  const { t } = useTranslation();
  const counts = useApprovalCounts();
  const n = (counts.data?.waiting ?? 0) + (counts.data?.returned ?? 0);
  if (!n) return null;
  return (
    <Badge
      count={n}
      size="small"
      overflowCount={99}
      style={{ marginInlineStart: 8, boxShadow: 'none' }}
      aria-label={t('approvals.navBadge', { count: n })}
      data-testid="approvals-nav-badge"
    />
  );
}
