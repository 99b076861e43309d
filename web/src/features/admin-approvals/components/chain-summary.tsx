import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ApproverSpec, ChainDefinition, Condition, SubjectField } from '../../approvals/approval-api.ts';
import { approverLabel } from '../../approvals/approver-label.ts';
import { formatFieldValue } from '../../approvals/format-value.ts';

/** A condition in words: "毛利率（%） 小于 5 或 金额 大于 ¥5,000,000.00". */
export function conditionText(c: Condition | null, fields: SubjectField[], t: TFunction): string {
  if (!c) return t('adminApprovals.step.always');
  const walk = (x: unknown): string => {
    if (typeof x !== 'object' || x === null) return '';
    if ('field' in x && 'op' in x && 'value' in x) {
      const f = fields.find((y) => y.key === x.field);
      const v = Array.isArray(x.value) ? x.value.map((y) => formatFieldValue(y, f, t)).join('、') : formatFieldValue(x.value, f, t);
      return `${f?.label ?? String(x.field)} ${t(`adminApprovals.op.${String(x.op)}`)} ${v}`;
    }
    const list: unknown[] = 'and' in x && Array.isArray(x.and) ? x.and : 'or' in x && Array.isArray(x.or) ? x.or : [];
    const joiner = 'and' in x ? t('adminApprovals.cond.andWord') : t('adminApprovals.cond.orWord');
    const parts = list.map(walk);
    return parts.length > 1 ? `(${parts.join(` ${joiner} `)})` : (parts[0] ?? '');
  };
  const text = walk(c);
  return text.startsWith('(') && text.endsWith(')') ? text.slice(1, -1) : text;
}

function targetName(a: ApproverSpec, roles: Array<{ code: string; name: string }>, userNames: Record<string, string>): string | null {
  if (a.type === 'role') return roles.find((r) => r.code === a.roleCode)?.name ?? null;
  if (a.type === 'user') return userNames[a.userId] ?? null;
  return null;
}

/** A chain version shown read-only (version history). */
export function ChainSummary({
  chain,
  fields,
  roles,
  userNames,
}: {
  chain: ChainDefinition;
  fields: SubjectField[];
  roles: Array<{ code: string; name: string }>;
  userNames: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph type="secondary">
        {t('adminApprovals.resubmitShort', { how: t(`approvals.restart.${chain.resubmitFrom}`) })}
      </Typography.Paragraph>
      {chain.steps.map((s, i) => (
        <Descriptions
          key={i}
          size="small"
          bordered
          column={1}
          className="bf-gap-bottom"
          title={`${i + 1}. ${s.name}`}
          items={[
            {
              key: 'approver',
              label: t('adminApprovals.step.approver'),
              children: approverLabel(s.approver, targetName(s.approver, roles, userNames), t),
            },
            { key: 'mode', label: t('adminApprovals.step.mode'), children: <Tag>{t(`approvals.mode.${s.mode}`)}</Tag> },
            { key: 'condition', label: t('adminApprovals.step.condition'), children: conditionText(s.condition, fields, t) },
            {
              key: 'deadline',
              label: t('adminApprovals.step.deadline'),
              children: s.deadlinePolicy ?? t('adminApprovals.step.noDeadline'),
            },
          ]}
        />
      ))}
    </>
  );
}
