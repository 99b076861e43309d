import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestState } from '../approval-api.ts';

const COLORS: Record<RequestState, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
  returned: 'warning',
  withdrawn: 'default',
};

/** 审批中 / 已通过 / 已驳回 / 已退回 / 已撤回 */
export function ApprovalStateTag({ state }: { state: RequestState }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[state]}>{t(`approvals.state.${state}`)}</Tag>;
}
