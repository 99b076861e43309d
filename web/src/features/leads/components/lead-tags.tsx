import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEAD_STATE_LABELS } from '../../../../../core/intake/lead-states.ts';
import { CONFLICT_STATE_LABELS } from '../../../../../core/intake/labels.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { lab, langOf, leadStateColor } from '../format.ts';

/** The state of a lead as a coloured tag, with the partner-registration conflict when pending. */
export function LeadStateTag({ state, conflictState }: { state: string; conflictState?: string | null }) {
  const { i18n } = useTranslation();
  const lang = langOf(i18n.language);
  return (
    <span className="bf-lead-tags">
      <Tag color={leadStateColor(state)}>{lab(LEAD_STATE_LABELS, state, lang)}</Tag>
      {conflictState === 'pending' ? <Tag color="error">{lab(CONFLICT_STATE_LABELS, conflictState, lang)}</Tag> : null}
    </span>
  );
}

/** An open deadline's due time, red once overdue. */
export function DueText({ dueAt, overdue }: { dueAt: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  if (!dueAt) return <span className="bf-muted">—</span>;
  return overdue ? (
    <Tooltip title={t('leads.overdue')}>
      <span className="bf-in-overdue">{formatDateTime(dueAt)}</span>
    </Tooltip>
  ) : (
    <span>{formatDateTime(dueAt)}</span>
  );
}
