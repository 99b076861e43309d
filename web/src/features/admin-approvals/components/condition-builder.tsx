import { Button, Input, InputNumber, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Condition, SubjectField } from '../../approvals/approval-api.ts';

type Rule = Extract<Condition, { field: string }>;
type Op = Rule['op'];
type Kind = 'and' | 'or';
type Group = { kind: Kind; rules: Rule[] };
type Item = Rule | Group;
interface Editor {
  kind: Kind;
  items: Item[];
}

const isRule = (x: unknown): x is Rule => typeof x === 'object' && x !== null && 'field' in x;
const isGroupItem = (x: Item): x is Group => 'kind' in x;

const OPS_BY_TYPE: Record<SubjectField['type'], Op[]> = {
  number: ['lt', 'lte', 'gt', 'gte', 'eq', 'ne', 'in'],
  money: ['lt', 'lte', 'gt', 'gte', 'eq', 'ne'],
  percent: ['lt', 'lte', 'gt', 'gte', 'eq', 'ne'],
  date: ['lt', 'lte', 'gt', 'gte', 'eq', 'ne'],
  datetime: ['lt', 'lte', 'gt', 'gte'],
  text: ['eq', 'ne', 'in'],
  enum: ['eq', 'ne', 'in'],
  boolean: ['eq', 'ne'],
};
const ALL_OPS: Op[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in'];

function groupOf(c: unknown): Group | null {
  if (typeof c !== 'object' || c === null) return null;
  if ('and' in c && Array.isArray(c.and)) return { kind: 'and', rules: c.and.filter(isRule) };
  if ('or' in c && Array.isArray(c.or)) return { kind: 'or', rules: c.or.filter(isRule) };
  return null;
}

/** The stored condition as the editor's two levels: a top group of rules and sub-groups of rules. */
export function toEditor(c: Condition | null): Editor {
  if (!c) return { kind: 'and', items: [] };
  if (isRule(c)) return { kind: 'and', items: [c] };
  const top = 'and' in c ? { kind: 'and' as const, list: c.and } : { kind: 'or' as const, list: c.or };
  return { kind: top.kind, items: top.list.flatMap((x): Item[] => (isRule(x) ? [x] : groupOf(x) ? [groupOf(x) as Group] : [])) };
}

/** Back to the stored form; an empty editor is "no condition". */
export function fromEditor(e: Editor): Condition | null {
  const items = e.items.filter((x) => !isGroupItem(x) || x.rules.length > 0);
  if (items.length === 0) return null;
  const first = items[0];
  if (items.length === 1 && first && !isGroupItem(first)) return first;
  const list = items.map((x) => (isGroupItem(x) ? (x.kind === 'and' ? { and: x.rules } : { or: x.rules }) : x));
  return e.kind === 'and' ? { and: list } : { or: list };
}

/** A sensible first rule for the subject's fields (a numeric field if there is one). */
export function defaultRule(fields: SubjectField[]): Rule {
  const f = fields.find((x) => x.type === 'number' || x.type === 'money' || x.type === 'percent') ?? fields[0];
  if (!f) return { field: '', op: 'eq', value: '' };
  const op = OPS_BY_TYPE[f.type][0] ?? 'eq';
  return {
    field: f.key,
    op,
    value: f.type === 'boolean' ? true : f.type === 'text' || f.type === 'enum' ? (f.options?.[0]?.value ?? '') : 0,
  };
}

function RuleEditor({
  rule,
  fields,
  onChange,
  onRemove,
}: {
  rule: Rule;
  fields: SubjectField[];
  onChange: (r: Rule) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const field = fields.find((f) => f.key === rule.field);
  const ops = field ? OPS_BY_TYPE[field.type] : ALL_OPS;
  const multi = rule.op === 'in';
  const setOp = (op: Op) => {
    if (op === 'in' && !Array.isArray(rule.value))
      onChange({ ...rule, op, value: rule.value === null || typeof rule.value === 'boolean' ? [] : [rule.value] });
    else if (op !== 'in' && Array.isArray(rule.value)) onChange({ ...rule, op, value: rule.value[0] ?? null });
    else onChange({ ...rule, op });
  };
  const valueInput = () => {
    if (field?.type === 'boolean') {
      return (
        <Select<string>
          aria-label={t('adminApprovals.cond.value')}
          value={String(rule.value)}
          onChange={(v) => onChange({ ...rule, value: v === 'true' })}
          options={[
            { value: 'true', label: t('approvals.yes') },
            { value: 'false', label: t('approvals.no') },
          ]}
          className="bf-cond-value"
        />
      );
    }
    if (field?.type === 'enum' && field.options) {
      return (
        <Select<string | string[]>
          aria-label={t('adminApprovals.cond.value')}
          mode={multi ? 'multiple' : undefined}
          value={multi ? (Array.isArray(rule.value) ? rule.value.map(String) : []) : String(rule.value ?? '')}
          onChange={(v) => onChange({ ...rule, value: Array.isArray(v) ? v : v })}
          options={field.options.map((o) => ({ value: o.value, label: o.label }))}
          className="bf-cond-value"
        />
      );
    }
    const numeric = field && (field.type === 'number' || field.type === 'money' || field.type === 'percent');
    if (multi) {
      return (
        <Select<string[]>
          aria-label={t('adminApprovals.cond.value')}
          mode="tags"
          value={Array.isArray(rule.value) ? rule.value.map(String) : []}
          onChange={(v) => onChange({ ...rule, value: numeric ? v.map(Number).filter((n) => Number.isFinite(n)) : v })}
          tokenSeparators={[',', '，']}
          placeholder={t('adminApprovals.cond.listPlaceholder')}
          className="bf-cond-value"
        />
      );
    }
    if (numeric) {
      const money = field.type === 'money';
      const raw = typeof rule.value === 'number' ? rule.value : Number(rule.value ?? 0);
      return (
        <InputNumber<number>
          aria-label={t('adminApprovals.cond.value')}
          value={money ? raw / 100 : raw}
          precision={money ? 2 : undefined}
          prefix={money ? '¥' : undefined}
          suffix={field.type === 'percent' ? '%' : undefined}
          onChange={(v) => onChange({ ...rule, value: v === null ? 0 : money ? Math.round(v * 100) : v })}
          className="bf-cond-value"
        />
      );
    }
    return (
      <Input
        aria-label={t('adminApprovals.cond.value')}
        value={rule.value === null ? '' : String(rule.value)}
        placeholder={field?.type === 'date' ? 'YYYY-MM-DD' : undefined}
        onChange={(e) => onChange({ ...rule, value: e.target.value })}
        className="bf-cond-value"
      />
    );
  };
  return (
    <div className="bf-cond-rule">
      {fields.length ? (
        <Select<string>
          aria-label={t('adminApprovals.cond.field')}
          value={rule.field || undefined}
          placeholder={t('adminApprovals.cond.field')}
          onChange={(key) => {
            const f = fields.find((x) => x.key === key);
            const next = defaultRule(f ? [f] : fields);
            onChange({ ...next, field: key });
          }}
          options={fields.map((f) => ({ value: f.key, label: f.label }))}
          className="bf-cond-field"
          popupMatchSelectWidth={false}
        />
      ) : (
        <Input
          aria-label={t('adminApprovals.cond.field')}
          value={rule.field}
          onChange={(e) => onChange({ ...rule, field: e.target.value.trim() })}
          className="bf-cond-field"
          placeholder="marginPercent"
        />
      )}
      <Select<Op>
        aria-label={t('adminApprovals.cond.op')}
        value={rule.op}
        onChange={setOp}
        options={ops.map((o) => ({ value: o, label: t(`adminApprovals.op.${o}`) }))}
        className="bf-cond-op"
        popupMatchSelectWidth={false}
      />
      {valueInput()}
      <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('adminApprovals.cond.removeRule')} onClick={onRemove} />
    </div>
  );
}

/**
 * 条件设置: "this step applies only when …" — rules on the subject's fields, combined with
 * 满足全部 / 满足任一, plus one level of sub-groups. Produces the data-only structure the server
 * evaluates (never code).
 */
export function ConditionBuilder({
  value,
  fields,
  onChange,
}: {
  value: Condition | null;
  fields: SubjectField[];
  onChange: (c: Condition | null) => void;
}) {
  const { t } = useTranslation();
  const editor = toEditor(value);
  const set = (e: Editor) => onChange(fromEditor(e));
  const kindSelect = (kind: Kind, onKind: (k: Kind) => void, label: string) => (
    <Select<Kind>
      aria-label={label}
      size="small"
      value={kind}
      onChange={onKind}
      options={[
        { value: 'and', label: t('adminApprovals.cond.all') },
        { value: 'or', label: t('adminApprovals.cond.any') },
      ]}
      popupMatchSelectWidth={false}
    />
  );
  const update = (i: number, item: Item) => set({ ...editor, items: editor.items.map((x, j) => (j === i ? item : x)) });
  const remove = (i: number) => set({ ...editor, items: editor.items.filter((_, j) => j !== i) });
  return (
    <div className="bf-cond">
      {editor.items.length > 1 ? (
        <Space size={6} className="bf-cond-head">
          <Typography.Text type="secondary">{t('adminApprovals.cond.when')}</Typography.Text>
          {kindSelect(editor.kind, (kind) => set({ ...editor, kind }), t('adminApprovals.cond.combine'))}
        </Space>
      ) : null}
      {editor.items.map((item, i) =>
        isGroupItem(item) ? (
          <div key={i} className="bf-cond-group">
            <Space size={6} className="bf-cond-head">
              <Typography.Text type="secondary">{t('adminApprovals.cond.group')}</Typography.Text>
              {kindSelect(item.kind, (kind) => update(i, { ...item, kind }), t('adminApprovals.cond.combine'))}
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('adminApprovals.cond.removeGroup')}
                onClick={() => remove(i)}
              />
            </Space>
            {item.rules.map((r, k) => (
              <RuleEditor
                key={k}
                rule={r}
                fields={fields}
                onChange={(nr) => update(i, { ...item, rules: item.rules.map((x, j) => (j === k ? nr : x)) })}
                onRemove={() => update(i, { ...item, rules: item.rules.filter((_, j) => j !== k) })}
              />
            ))}
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => update(i, { ...item, rules: [...item.rules, defaultRule(fields)] })}
            >
              {t('adminApprovals.cond.addRule')}
            </Button>
          </div>
        ) : (
          <RuleEditor key={i} rule={item} fields={fields} onChange={(r) => update(i, r)} onRemove={() => remove(i)} />
        ),
      )}
      <Space size={8} wrap>
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => set({ ...editor, items: [...editor.items, defaultRule(fields)] })}
        >
          {t('adminApprovals.cond.addRule')}
        </Button>
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => set({ ...editor, items: [...editor.items, { kind: 'or', rules: [defaultRule(fields)] }] })}
        >
          {t('adminApprovals.cond.addGroup')}
        </Button>
      </Space>
    </div>
  );
}
