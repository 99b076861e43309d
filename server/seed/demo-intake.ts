import { eq, inArray } from 'drizzle-orm';
import { permissionKeys } from '../modules/permission-catalogue.ts';
import { addCalendarDays, isWorkingDay, shanghaiDate, shanghaiInstant } from '../../core/calendar/working-calendar.ts';
import { withCalendarFallback } from '../../core/deadlines/deadline-rules.ts';
import { previousWeekStart, weekDates } from '../../core/activities/visit-rollup.ts';
import { approvalRequests, customers, leads, partners, users } from '../db/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import type { Actor } from '../policies/actor.ts';
import { loadCalendar } from '../calendar/stored-calendar.ts';
import { decideApproval } from '../modules/approvals/commands/decide-approval.ts';
import { registerLead } from '../modules/intake/commands/register-lead.ts';
import { registerPartnerLead } from '../modules/intake/commands/register-partner-lead.ts';
import { screenLead } from '../modules/intake/commands/screen-lead.ts';
import { decideLead, escalateLead, evaluateLead } from '../modules/intake/commands/lead-evaluation.ts';
import { createActivity } from '../modules/activities/commands/create-activity.ts';
import { submitVisitLog } from '../modules/activities/commands/submit-visit-log.ts';
import { answerCase, createCase } from '../modules/cases/commands/manage-case.ts';
import { generateVisitRollup } from '../modules/activities/commands/generate-visit-rollup.ts';

/**
 * Demo data of information intake and customer activities, through the same use cases as the
 * UI: a dozen pieces of information in every state (to screen, replied and closed, forwarding,
 * forwarded, assigned, evaluating, escalated, evaluated, partner registrations with and without
 * conflict), last week's visit logs with one missing day and its Monday roll-up, a negotiation,
 * communications, a reception plan waiting for the marketing manager, and two customer cases.
 * Runs after the demo customers (it looks them up by name and skips what is missing).
 */
export async function seedDemoIntake(base: Ctx, userIds: Map<string, string>): Promise<void> {
  const db = base.db;
  const people = await db
    .select({ id: users.id, name: users.displayName, departmentId: users.departmentId })
    .from(users)
    .where(inArray(users.id, [...userIds.values()]));
  const all = new Map(permissionKeys().map((p) => [p, 'all' as const]));
  const as = (username: string, now: Date = base.now): Ctx => {
    const id = userIds.get(username) ?? '';
    const u = people.find((p) => p.id === id);
    const actor: Actor = {
      kind: 'user',
      userId: id,
      username,
      displayName: u?.name ?? username,
      departmentId: u?.departmentId ?? null,
      grants: all,
      locale: 'zh-CN',
      ip: null,
    };
    return { ...base, actor, now };
  };
  const uid = (username: string) => userIds.get(username) ?? '';
  const customerRows = await db.select({ id: customers.id, name: customers.name }).from(customers);
  const customer = (name: string) => customerRows.find((c) => c.name === name)?.id ?? null;
  const version = async (id: string) => (await db.select({ v: leads.version }).from(leads).where(eq(leads.id, id)))[0]?.v ?? 1;
  const hoursAgo = (h: number) => new Date(base.now.getTime() - h * 3_600_000);
  const approveLatest = async (username: string, subjectId: string) => {
    const [r] = await db
      .select({ id: approvalRequests.id, v: approvalRequests.subjectVersion })
      .from(approvalRequests)
      .where(eq(approvalRequests.subjectId, subjectId));
    if (r) await decideApproval(as(username), r.id, 'approve', { subjectVersion: r.v, comment: '同意。' });
  };

  // ---- information and leads
  const reg = (username: string, body: Parameters<typeof registerLead>[1], h: number) => registerLead(as(username, hoursAgo(h)), body);
  await reg(
    'lina',
    {
      title: '滨海新区政务大厅排队叫号系统',
      channel: 'phone',
      customerId: customer('天津市滨海新区政务服务办公室'),
      contactName: '刘科长',
      contactPhone: '022-25201234',
      description: '来电咨询排队叫号与评价器改造，预计 6 个窗口。',
    },
    3,
  );
  await reg(
    'sunli',
    {
      title: '苏州工业园区学校录播教室',
      channel: 'exhibition',
      customerId: customer('苏州工业园区教育局'),
      contactName: '陈老师',
      description: '教育装备展上留资，12 间录播教室。',
    },
    5,
  );

  const closed = await reg(
    'lina',
    {
      title: '办公楼保洁外包',
      channel: 'web',
      customerName: '天津某物业管理有限公司',
      contactName: '孙经理',
      description: '网站留言询价保洁外包服务。',
    },
    30,
  );
  await screenLead(as('lina', hoursAgo(28)), closed, {
    version: await version(closed),
    outcome: 'reject',
    note: '非我司业务范围',
    replyMethod: 'phone',
    replyAt: hoursAgo(28).toISOString(),
    replyBy: '李娜',
    replyContent: '已电话告知客户我司不提供保洁外包服务，并致谢。',
  });

  const forwarding = await reg(
    'lina',
    {
      title: '冲压车间焊接机器人工作站',
      channel: 'email',
      customerId: customer('保定恒驰汽车零部件有限公司'),
      contactName: '马工',
      description: '邮件询价 2 套点焊机器人工作站。',
    },
    20,
  );
  await screenLead(as('lina', hoursAgo(19)), forwarding, {
    version: await version(forwarding),
    outcome: 'forward',
    forwardUnit: '机器人事业部',
    forwardPerson: '赵部长',
    note: '属机器人事业部业务',
  });

  const forwarded = await reg(
    'lina',
    {
      title: '铸造车间除尘设备改造',
      channel: 'fax',
      customerId: customer('芜湖江淮精密铸造有限公司'),
      contactName: '吴主任',
      description: '传真询价除尘设备。',
    },
    50,
  );
  await screenLead(as('lina', hoursAgo(48)), forwarded, {
    version: await version(forwarded),
    outcome: 'forward',
    forwardUnit: '环保设备事业部',
    forwardPerson: '钱经理',
    note: '转环保设备事业部',
  });
  await approveLatest('liuyang', forwarded);

  const keep = async (
    id: string,
    assignee: string,
    category: 'system_integration' | 'engineering' | 'production_line' | 'software',
    h: number,
  ) =>
    screenLead(as('lina', hoursAgo(h)), id, {
      version: await version(id),
      outcome: 'keep',
      category,
      assigneeId: uid(assignee),
      importance: 'normal',
      note: null,
    });

  const assigned = await reg(
    'lina',
    {
      title: '江北新区智慧工地监管平台',
      channel: 'tender_site',
      customerId: customer('南京市江北新区管理委员会'),
      description: '招标网站预告：智慧工地监管平台，预算约 380 万。',
      estimatedAmountFen: 3_800_000_00,
    },
    10,
  );
  await keep(assigned, 'sunli', 'software', 9);

  const evaluating = await reg(
    'lina',
    {
      title: '石家庄公交场站视频监控',
      channel: 'customer_referral',
      customerId: customer('石家庄市交通运输局'),
      description: '老客户介绍，场站监控升级。',
      estimatedAmountFen: 1_500_000_00,
    },
    70,
  );
  await keep(evaluating, 'zhaolei', 'system_integration', 68);
  await evaluateLead(as('zhaolei', hoursAgo(40)), evaluating, {
    version: await version(evaluating),
    evaluation: '已拜访信息科，需求为 32 个场站高清化改造，资金来源待确认。',
    complete: false,
  });

  const escalated = await reg(
    'lina',
    {
      title: '浦东城运中心数字孪生大屏',
      channel: 'partner_referral',
      customerId: customer('上海市浦东新区城市运行管理中心'),
      description: '合作伙伴推荐，涉及大屏与三维建模。',
      estimatedAmountFen: 6_000_000_00,
    },
    90,
  );
  await keep(escalated, 'sunli', 'system_integration', 88);
  await evaluateLead(as('sunli', hoursAgo(60)), escalated, {
    version: await version(escalated),
    evaluation: '需求方向明确，但三维建模部分我司能力不足。',
    complete: false,
  });
  await escalateLead(as('sunli', hoursAgo(50)), escalated, {
    version: await version(escalated),
    reason: '三维建模需合作伙伴，是否参与及参与方式需部长判断。',
  });

  const evaluated = await reg(
    'lina',
    {
      title: '唐山重装焊接生产线二期',
      channel: 'customer_referral',
      customerId: customer('唐山冀东重型装备制造有限公司'),
      description: '一期焊接线客户追加二期。',
      estimatedAmountFen: 4_200_000_00,
    },
    120,
  );
  await keep(evaluated, 'zhaolei', 'production_line', 118);
  await evaluateLead(as('zhaolei', hoursAgo(100)), evaluated, {
    version: await version(evaluated),
    evaluation: '资金已落实，技术方案可复用一期，建议立项。',
    complete: true,
    participationLevel: 'lead',
    importance: 'key',
  });

  const decided = await reg(
    'lina',
    {
      title: '合肥数据资源局政务云安全',
      channel: 'web',
      customerId: customer('合肥市数据资源局'),
      description: '网站留言，政务云等保测评整改。',
      estimatedAmountFen: 900_000_00,
    },
    140,
  );
  await keep(decided, 'sunli', 'software', 138);
  await escalateLead(as('sunli', hoursAgo(130)), decided, { version: await version(decided), reason: '客户预算来源不明。' });
  await decideLead(as('liuyang', hoursAgo(120)), decided, {
    version: await version(decided),
    participationLevel: 'participate',
    importance: 'normal',
    note: '先做方案，暂不投入驻场',
  });

  const [partner] = await db.select({ id: partners.id }).from(partners).limit(1);
  if (partner) {
    await registerPartnerLead(as('lina', hoursAgo(8)), {
      partnerId: partner.id,
      title: '温州瓯江口新区安防改造',
      customerName: '温州瓯江口开发建设投资集团有限公司',
      contactName: '林总',
      description: '代理商报备，区域安防改造。',
      estimatedAmountFen: 2_100_000_00,
    });
    await registerPartnerLead(as('lina', hoursAgo(6)), {
      partnerId: partner.id,
      title: '西湖分局指挥中心升级',
      customerName: '杭州市公安局西湖区分局',
      contactName: '周警官',
      description: '代理商报备：指挥中心大屏及平台升级。',
    });
  }

  // ---- last week's visit logs: 孙丽 every working day, 赵磊 misses one
  const cal = await loadCalendar(db);
  const week = weekDates(previousWeekStart(shanghaiDate(base.now)));
  const working = week.filter((d) => withCalendarFallback(cal, (c) => isWorkingDay(c, d)).value);
  const visits: Array<[string, string, string, string]> = [
    ['sunli', '杭州市公安局西湖区分局', '回访视频联网平台使用情况', '客户提出新增 20 路人脸识别点位'],
    ['sunli', '苏州工业园区教育局', '了解录播教室建设计划', '计划下月发布采购意向'],
    ['sunli', '宁波甬兴焊接设备有限公司', '焊接线验收问题跟进', '验收问题已闭环，客户满意'],
    ['sunli', '常州精工机床股份有限公司', '介绍焊接机器人工作站', '客户约定下周来公司考察'],
    ['sunli', '南京市江北新区管理委员会', '智慧工地平台需求沟通', '获取了招标预告与技术参数'],
    ['zhaolei', '北京市朝阳区公安分局', '维保合同续签沟通', '客户同意续签，等待走流程'],
    ['zhaolei', '天津市滨海新区政务服务办公室', '排队叫号系统需求调研', '确认 6 个窗口与评价器'],
    ['zhaolei', '石家庄市交通运输局', '场站监控改造方案汇报', '客户要求补充存储方案'],
    ['zhaolei', '唐山冀东重型装备制造有限公司', '二期焊接线技术交流', '客户认可方案框架'],
  ];
  for (const [i, date] of working.entries()) {
    for (const [who, offset] of [
      ['sunli', 0],
      ['zhaolei', 5],
    ] as const) {
      if (who === 'zhaolei' && (i === 2 || i === 4)) continue; // 赵磊: Wednesday missing (缺报), Friday declared without visits
      const v = visits[offset + (who === 'zhaolei' ? Math.min(i, 3) : i)];
      const cid = v ? customer(v[1]) : null;
      if (!v || !cid) continue;
      await createActivity(as(who, shanghaiInstant(date, 16 * 60)), {
        type: 'visit',
        customerId: cid,
        contactName: null,
        subject: v[2],
        result: v[3],
        nextSteps: null,
        logDate: date,
      });
    }
  }
  const friday = working[4];
  if (friday) {
    // a day declared without visits (a training day) does not count as missing
    await submitVisitLog(as('zhaolei', shanghaiInstant(friday, 17 * 60)), friday, { noVisits: true, note: '公司内部产品培训' });
  }
  const weekStart = week[0];
  if (weekStart && addCalendarDays(weekStart, 7) <= shanghaiDate(base.now)) {
    await generateVisitRollup(db, weekStart, shanghaiInstant(addCalendarDays(weekStart, 7), 9 * 60), { notify: true });
  }

  // ---- a negotiation, communications, a reception plan waiting for the marketing manager
  const ningbo = customer('宁波甬兴焊接设备有限公司');
  const changzhou = customer('常州精工机床股份有限公司');
  if (ningbo) {
    await createActivity(as('sunli', hoursAgo(26)), {
      type: 'negotiation',
      customerId: ningbo,
      subject: '二期焊接线付款条件',
      participants: '客户：总经理、采购部长；我方：孙丽、何平',
      content: '客户希望首付 20%，验收后付 70%，质保金 10%；我方坚持首付 30%。',
      result: '初步同意首付 30%，质保期 1 年',
      nextSteps: '报市场部经理审定后回复客户',
    });
    await createActivity(as('sunli', hoursAgo(4)), {
      type: 'communication',
      customerId: ningbo,
      channel: 'phone',
      content: '电话确认技术协议修改意见',
      participants: '客户技术部李工',
      result: '对方同意按修订版签署',
    });
  }
  if (changzhou) {
    const start = addCalendarDays(shanghaiDate(base.now), 7);
    await createActivity(as('sunli', hoursAgo(2)), {
      type: 'reception_plan',
      customerId: changzhou,
      subject: '客户来公司考察焊接机器人工作站',
      visitors: '常州精工：副总经理、设备部长、工艺主管共 3 人',
      participants: '孙丽、技术中心徐华',
      startDate: start,
      endDate: addCalendarDays(start, 1),
      schedule: [
        { date: start, time: '09:30', item: '参观焊接机器人生产线', place: '一号厂房', hosts: '徐华' },
        { date: start, time: '14:00', item: '技术交流座谈', place: '三楼会议室', hosts: '孙丽、徐华' },
        { date: addCalendarDays(start, 1), time: '09:00', item: '参观宁波甬兴用户现场', place: '宁波北仑', hosts: '孙丽' },
      ],
      budgetFen: 4_600_00,
      budgetItems: [
        { item: '餐费', amountFen: 2_400_00 },
        { item: '住宿', amountFen: 1_200_00 },
        { item: '交通', amountFen: 1_000_00 },
      ],
      submit: true,
    });
  }

  // ---- customer cases
  const xihu = customer('杭州市公安局西湖区分局');
  if (xihu) {
    await createCase(as('wangfang', hoursAgo(30)), {
      kind: 'complaint',
      customerId: xihu,
      subject: '视频平台夜间偶发掉线',
      content: '客户来电投诉：近一周夜间有 3 路摄像机偶发掉线，影响值班。',
      channel: 'phone',
      assigneeId: uid('sunli'),
    });
    const inquiry = await createCase(as('wangfang', hoursAgo(50)), {
      kind: 'inquiry',
      customerId: xihu,
      subject: '人脸识别点位扩容报价',
      content: '客户询问新增 20 路人脸识别点位的报价与工期。',
      channel: 'email',
      assigneeId: uid('sunli'),
    });
    await answerCase(as('sunli', hoursAgo(26)), inquiry, {
      version: 1,
      answer: '已邮件回复初步报价与 30 天工期，待现场勘察后出正式报价。',
    });
  }
}
