import { Alert, Button, Card, Form, Result, Segmented, Skeleton, Space } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES, type ActivityType } from '../../../../../core/activities/activity-types.ts';
import { useApiErrorHandler } from '../../../shared/api/use-error-handler.ts';
import { useMessage } from '../../../shared/components/feedback.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { formatMoney } from '../../../shared/format.ts';
import { langOf, toFen, toYuan } from '../../leads/format.ts';
import type { ActivityFormValues as Values } from '../components/activity-form-values.ts';
import { CommunicationFields, NegotiationFields, ReceptionSummaryFields, VisitFields } from '../components/activity-type-fields.tsx';
import { ReceptionPlanFields } from '../components/reception-plan-fields.tsx';
import { CustomerSelect } from '../components/record-pickers.tsx';
import type { ActivityDetail, CreateActivityBody, UpdateActivityBody } from '../activity-api.ts';
import { useActivity, useSaveActivity } from '../hooks/use-activities.ts';
import '../../leads/leads.css';

const isType = (v: string | null): v is ActivityType => ACTIVITY_TYPES.some((x) => x === v);
const text = (v: string | undefined) => (v && v.trim() ? v.trim() : null);

function initialOf(a: ActivityDetail | undefined, customerId: string | null): Values {
  if (!a) {
    return {
      customerId,
      logDate: dayjs(),
      occurredAt: dayjs(),
      channel: 'phone',
      schedule: [{}],
      budgetItems: [],
    };
  }
  const d = a.details;
  return {
    customerId: a.customerId,
    subject: a.subject,
    contactName: d.contactName ?? undefined,
    content: a.content ?? undefined,
    result: a.result ?? undefined,
    nextSteps: a.nextSteps ?? undefined,
    participants: a.participants ?? undefined,
    location: a.location ?? undefined,
    channel: a.channel ?? undefined,
    logDate: a.logDate ? dayjs(a.logDate) : undefined,
    occurredAt: dayjs(a.occurredAt),
    visitors: d.visitors ?? undefined,
    period: d.startDate && d.endDate ? [dayjs(d.startDate), dayjs(d.endDate)] : undefined,
    schedule: (d.schedule ?? []).map((s) => ({
      date: dayjs(s.date),
      time: s.time ?? undefined,
      item: s.item,
      place: s.place ?? undefined,
      hosts: s.hosts ?? undefined,
    })),
    budgetYuan: toYuan(a.budgetFen),
    budgetItems: (d.budgetItems ?? []).map((b) => ({ item: b.item, amountYuan: toYuan(b.amountFen) })),
    actualCostYuan: toYuan(d.actualCostFen ?? null),
  };
}

/**
 * One form for every activity type: the visit log's quick entry (customer, contact, purpose,
 * result, next step — fits a phone), the negotiation record, the communication record, the
 * reception plan with schedule and budget (submitted to the marketing manager) and its summary.
 * With `:id` it edits an existing record (a returned plan is edited and resubmitted here).
 */
export function ActivityFormPage() {
  const { id } = useParams();
  const [search, setSearch] = useSearchParams();
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const navigate = useNavigate();
  const message = useMessage();
  const onError = useApiErrorHandler();
  const existing = useActivity(id);
  const planId = search.get('planId');
  const plan = useActivity(planId ?? undefined);
  const save = useSaveActivity(id);
  const [form] = Form.useForm<Values>();
  const budgetItems = Form.useWatch('budgetItems', form);

  const queryType = search.get('type');
  const type: ActivityType = existing.data?.type ?? (isType(queryType) ? queryType : 'visit');
  const setType = (v: ActivityType) =>
    setSearch(
      (p) => {
        const n = new URLSearchParams(p);
        n.set('type', v);
        return n;
      },
      { replace: true },
    );

  if (id && existing.isLoading) return <Skeleton active />;
  if (id && existing.data && !existing.data.can.edit) {
    return (
      <Result
        status="warning"
        title={t('activities.notEditable')}
        extra={<Link to={`/activities/${id}`}>{t('activities.backToRecord')}</Link>}
      />
    );
  }

  const submit = (v: Values, submitPlan: boolean) => {
    const common = { customerId: v.customerId ?? null, location: text(v.location) };
    const schedule = (v.schedule ?? [])
      .filter((s) => s.item || s.date)
      .map((s) => ({
        date: s.date ? s.date.format('YYYY-MM-DD') : '',
        time: text(s.time),
        item: s.item ?? '',
        place: text(s.place),
        hosts: text(s.hosts),
      }));
    const items = (v.budgetItems ?? []).filter((b) => b.item).map((b) => ({ item: b.item ?? '', amountFen: toFen(b.amountYuan) ?? 0 }));
    let body: CreateActivityBody;
    switch (type) {
      case 'visit':
        body = {
          type,
          ...common,
          customerId: v.customerId ?? '',
          contactName: text(v.contactName),
          subject: v.subject ?? '',
          result: v.result ?? '',
          nextSteps: text(v.nextSteps),
          content: text(v.content),
          logDate: (v.logDate ?? dayjs()).format('YYYY-MM-DD'),
        };
        break;
      case 'negotiation':
        body = {
          type,
          ...common,
          customerId: v.customerId ?? '',
          subject: v.subject ?? '',
          participants: v.participants ?? '',
          content: v.content ?? '',
          result: text(v.result),
          nextSteps: v.nextSteps ?? '',
          occurredAt: v.occurredAt?.format(),
        };
        break;
      case 'communication':
        body = {
          type,
          ...common,
          channel: (v.channel ?? 'phone') as 'phone',
          subject: text(v.subject),
          content: v.content ?? '',
          participants: v.participants ?? '',
          result: v.result ?? '',
          nextSteps: text(v.nextSteps),
          occurredAt: v.occurredAt?.format(),
        };
        break;
      case 'reception_plan':
        body = {
          type,
          ...common,
          customerId: v.customerId ?? '',
          subject: v.subject ?? '',
          visitors: v.visitors ?? '',
          participants: text(v.participants),
          startDate: v.period?.[0].format('YYYY-MM-DD') ?? '',
          endDate: v.period?.[1].format('YYYY-MM-DD') ?? '',
          schedule,
          budgetFen: toFen(v.budgetYuan) ?? 0,
          budgetItems: items,
          content: text(v.content),
          submit: submitPlan,
        };
        break;
      case 'reception_summary':
        body = {
          type,
          planId: planId ?? '',
          content: v.content ?? '',
          result: v.result ?? '',
          nextSteps: text(v.nextSteps),
          participants: text(v.participants),
          actualCostFen: toFen(v.actualCostYuan),
        };
        break;
    }
    const payload: CreateActivityBody | UpdateActivityBody = id
      ? ({
          ...(body as Record<string, unknown>),
          type: undefined,
          planId: undefined,
          version: existing.data?.version ?? 0,
          submit: type === 'reception_plan' ? submitPlan : undefined,
        } as UpdateActivityBody)
      : body;
    save.mutate(payload, {
      onSuccess: (a) => {
        void message.success(type === 'reception_plan' && submitPlan ? t('activities.savedSubmitted') : t('activities.saved'));
        void navigate(type === 'visit' && !id ? '/visit-logs' : `/activities/${a.id}`);
      },
      onError: (err) => onError(err, { form, onConflict: () => void existing.refetch() }),
    });
  };

  const customerField = (
    <Form.Item
      name="customerId"
      label={t('activities.f.customer')}
      rules={type === 'communication' ? [] : [{ required: true, message: t('activities.pickCustomer') }]}
    >
      <CustomerSelect initialName={existing.data?.customerName ?? null} />
    </Form.Item>
  );

  return (
    <>
      <PageHeader
        title={id ? t('activities.editTitle') : t(`activities.newTitle.${type}`)}
        description={t(`activities.formHint.${type}`)}
      />
      {!id && type !== 'reception_summary' ? (
        <Segmented<ActivityType>
          value={type}
          onChange={setType}
          options={ACTIVITY_TYPES.filter((x) => x !== 'reception_summary').map((x) => ({
            value: x,
            label: t(`activities.short.${x}`),
            title: lang === 'en' ? ACTIVITY_TYPE_LABELS[x].en : ACTIVITY_TYPE_LABELS[x].zh,
          }))}
          className="bf-gap-bottom"
          block
        />
      ) : null}
      <Card className={type === 'reception_plan' ? 'bf-in-wide-card bf-quick-visit' : 'bf-form-card bf-quick-visit'}>
        {type === 'reception_summary' && plan.data ? (
          <Alert
            type="info"
            showIcon
            className="bf-gap-bottom"
            title={t('activities.summaryOf', { subject: plan.data.subject, customer: plan.data.customerName ?? '' })}
            description={t('activities.planBudget', { budget: formatMoney(plan.data.budgetFen) })}
          />
        ) : null}
        <Form<Values>
          key={`${type}-${existing.data?.version ?? 0}`}
          form={form}
          layout="vertical"
          initialValues={initialOf(existing.data, search.get('customerId'))}
          onFinish={(v) => submit(v, true)}
          scrollToFirstError
        >
          {type === 'visit' ? <VisitFields customerField={customerField} /> : null}
          {type === 'negotiation' ? <NegotiationFields customerField={customerField} /> : null}
          {type === 'communication' ? <CommunicationFields customerField={customerField} /> : null}
          {type === 'reception_plan' ? <ReceptionPlanFields customerField={customerField} budgetItems={budgetItems} /> : null}
          {type === 'reception_summary' ? <ReceptionSummaryFields planId={planId} /> : null}
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {type === 'reception_plan' ? t('activities.submitForApproval') : t('activities.save')}
            </Button>
            {type === 'reception_plan' ? (
              <Button
                loading={save.isPending}
                onClick={() =>
                  void form
                    .validateFields()
                    .then((v) => submit(v, false))
                    .catch(() => undefined)
                }
              >
                {t('activities.saveDraft')}
              </Button>
            ) : null}
            <Button onClick={() => void navigate(-1)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
