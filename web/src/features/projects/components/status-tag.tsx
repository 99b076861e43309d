import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Status colours: open blue, won green, lost / failed red, abandoned and no-go grey. */
const STATUS_COLORS: Record<string, string> = {
  open: 'processing',
  won: 'success',
  lost: 'error',
  failed_tender: 'error',
  abandoned: 'default',
  no_go: 'default',
};

/** 进行中 / 中标 / 丢单 / 放弃 / 流标 / 不跟进 */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{t(`projects.status.${status}`, { defaultValue: status })}</Tag>;
}
