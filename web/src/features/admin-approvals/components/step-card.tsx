import { Button, Card, Input, InputNumber, Radio, Select, Space, Switch, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ApprovalProcessDetail, ApproverSpec, StepDefinition } from '../../approvals/approval-api.ts';
import { UserPicker } from '../../../shared/components/user-picker.tsx';
import { ConditionBuilder, defaultRule } from './condition-builder.tsx';

type ApproverType = ApproverSpec['type'];
const TYPES: ApproverType[] = ['role', 'user', 'manager', 'department_head', 'manager_levels'];

function specFor(type: ApproverType, roles: ApprovalProcessDetail['roles']): ApproverSpec {
  switch (type) {
    case 'role':
      return { type, roleCode: roles[0]?.code ?? '' };
    case 'user':
      return { type, userId: '' };
    case 'manager_levels':
      return { type, levels: 2 };
    case 'manager':
    case 'department_head':
      return { type };
  }
}

/** One step of the chain editor: name, approvers, 或签/会签, condition, deadline policy. */
export function StepCard(props: {
  index: number;
  count: number;
  step: StepDefinition;
  detail: ApprovalProcessDetail;
  errors: string[];
  onChange: (s: StepDefinition) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { step, detail, index } = props;
  const set = (patch: Partial<StepDefinition>) => props.onChange({ ...step, ...patch });
  const a = step.approver;
  const label = (key: string) => t(`adminApprovals.step.${key}`);
  return (
    <Card
      size="small"
      className="bf-step-card"
      data-testid="chain-step"
      title={<span>{t('adminApprovals.step.title', { n: index + 1 })}</span>}
      extra={
        <Space size={0}>
          <Button
            type="text"
            size="small"
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            aria-label={label('moveUp')}
            onClick={() => props.onMove(-1)}
          />
          <Button
            type="text"
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={index === props.count - 1}
            aria-label={label('moveDown')}
            onClick={() => props.onMove(1)}
          />
          <Button
            type="text"
            size="small"
            danger
            icon={<DeleteOutlined />}
            disabled={props.count === 1}
            aria-label={label('remove')}
            onClick={props.onRemove}
          />
        </Space>
      }
    >
      <div className="bf-step-grid">
        <label className="bf-step-field">
          <span className="bf-step-label">{label('name')}</span>
          <Input
            value={step.name}
            maxLength={60}
            status={step.name.trim() ? undefined : 'error'}
            onChange={(e) => set({ name: e.target.value })}
            placeholder={label('namePlaceholder')}
          />
        </label>
        <div className="bf-step-field">
          <span className="bf-step-label" id={`step-${index}-approver`}>
            {label('approver')}
          </span>
          <Space.Compact className="bf-full-width">
            <Select<ApproverType>
              aria-labelledby={`step-${index}-approver`}
              value={a.type}
              onChange={(type) => set({ approver: specFor(type, detail.roles) })}
              options={TYPES.map((x) => ({ value: x, label: t(`adminApprovals.approverType.${x}`) }))}
              popupMatchSelectWidth={false}
              className="bf-step-approver-type"
            />
            {a.type === 'role' ? (
              <Select<string>
                aria-label={label('role')}
                value={a.roleCode || undefined}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(roleCode) => set({ approver: { type: 'role', roleCode } })}
                options={detail.roles.map((r) => ({ value: r.code, label: r.name }))}
                className="bf-step-approver-target"
              />
            ) : null}
            {a.type === 'manager_levels' ? (
              <InputNumber<number>
                aria-label={label('levels')}
                min={1}
                max={10}
                value={a.levels}
                suffix={label('levelsUnit')}
                onChange={(levels) => set({ approver: { type: 'manager_levels', levels: levels ?? 1 } })}
                className="bf-step-approver-target"
              />
            ) : null}
          </Space.Compact>
          {a.type === 'user' ? (
            <div className="bf-step-user">
              <UserPicker
                source="colleagues"
                aria-label={label('user')}
                value={a.userId || undefined}
                known={a.userId && detail.userNames[a.userId] ? [{ value: a.userId, label: detail.userNames[a.userId] ?? '' }] : null}
                onChange={(userId) => set({ approver: { type: 'user', userId: userId ?? '' } })}
              />
            </div>
          ) : null}
          <Typography.Text type="secondary" className="bf-step-help">
            {t(`adminApprovals.approverHelp.${a.type}`)}
          </Typography.Text>
        </div>
        <div className="bf-step-field">
          <span className="bf-step-label">{label('mode')}</span>
          <Radio.Group
            value={step.mode}
            onChange={(e) => set({ mode: e.target.value === 'all' ? 'all' : 'any' })}
            options={[
              { value: 'any', label: t('adminApprovals.mode.any') },
              { value: 'all', label: t('adminApprovals.mode.all') },
            ]}
          />
        </div>
        <div className="bf-step-field">
          <span className="bf-step-label">{label('deadline')}</span>
          <Select<string>
            aria-label={label('deadline')}
            allowClear
            value={step.deadlinePolicy ?? undefined}
            placeholder={label('noDeadline')}
            onChange={(v) => set({ deadlinePolicy: v ?? null })}
            options={detail.deadlinePolicies.map((p) => ({ value: p.code, label: `${p.name}${t('approvals.paren', { text: p.code })}` }))}
            notFoundContent={label('noPolicies')}
            className="bf-full-width"
          />
        </div>
      </div>
      <div className="bf-step-condition">
        <Space size={8}>
          <Switch
            size="small"
            checked={step.condition !== null}
            aria-label={label('conditional')}
            onChange={(on) => set({ condition: on ? defaultRule(detail.fields) : null })}
          />
          <Typography.Text>{label('conditional')}</Typography.Text>
        </Space>
        {step.condition !== null ? (
          <ConditionBuilder value={step.condition} fields={detail.fields} onChange={(condition) => set({ condition })} />
        ) : (
          <Typography.Paragraph type="secondary" className="bf-step-help">
            {label('always')}
          </Typography.Paragraph>
        )}
      </div>
      {props.errors.length ? (
        <Typography.Paragraph type="danger" className="bf-step-errors" role="alert">
          {props.errors.join('；')}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
