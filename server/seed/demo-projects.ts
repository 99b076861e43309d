import { eq, inArray } from 'drizzle-orm';
import { addCalendarDays, shanghaiDate } from '../../core/calendar/working-calendar.ts';
import { permissionKeys } from '../modules/permission-catalogue.ts';
import type { Outcome, OutcomeReason } from '../../core/projects/rules.ts';
import { createProject } from '../modules/projects/commands/create-project.ts';
import { updateProject } from '../modules/projects/commands/update-project.ts';
import { submitGoNoGo, submitRegistration, recordNoGoDecision } from '../modules/projects/commands/project-approvals.ts';
import { addProjectMember, assignPresalesLead, setProjectPerson } from '../modules/projects/commands/manage-project-team.ts';
import { closeProject, moveProjectStage, recordProjectOutcome } from '../modules/projects/commands/move-project-stage.ts';
import { saveProjectSummary } from '../modules/projects/commands/save-project-summary.ts';
import { createMeeting, createMeetingTask } from '../modules/projects/commands/manage-project-meetings.ts';
import { decideApproval } from '../modules/approvals/commands/decide-approval.ts';
import { approvalRequests, customers, partners, projects, users } from '../db/schema.ts';
import type { Ctx } from '../kernel/context.ts';
import type { Actor } from '../policies/actor.ts';

/**
 * About 25 demo projects across the stage machine (商机 → 立项 → 需求调研 → 方案 → 报价 → 招投标 →
 * 结果 → 交接 → 关闭), walked through the same use cases as the UI: the go/no-go and registration
 * approvals are decided by the demo GM, advisor, marketing manager and presales manager; teams,
 * a monitor, an analysis meeting with action items, outcomes and one written summary.
 */

type Target =
  | 'opportunity'
  | 'go_pending'
  | 'registered'
  | 'registration_pending'
  | 'requirement_research'
  | 'solution'
  | 'quotation'
  | 'tender'
  | 'won'
  | 'lost'
  | 'failed_tender'
  | 'abandoned'
  | 'handoff'
  | 'closed_won'
  | 'closed_lost'
  | 'no_go';

interface Spec {
  name: string;
  customer: string;
  owner: string;
  amountYuan: number;
  target: Target;
  months?: number;
  cooperative?: boolean;
  outcome?: { reason: OutcomeReason; winner?: string; priceYuan?: number };
}

const PROJECTS: Spec[] = [
  {
    name: '西湖分局智慧安防视频联网平台',
    customer: '杭州市公安局西湖区分局',
    owner: 'sunli',
    amountYuan: 4_860_000,
    target: 'tender',
    months: 72,
  },
  {
    name: '江北新区城市运行一网统管平台',
    customer: '南京市江北新区管理委员会',
    owner: 'sunli',
    amountYuan: 12_500_000,
    target: 'solution',
    months: 120,
  },
  {
    name: '园区学校校园安全综合管理系统',
    customer: '苏州工业园区教育局',
    owner: 'sunli',
    amountYuan: 2_380_000,
    target: 'quotation',
    months: 30,
  },
  {
    name: '合肥市政务数据共享交换平台二期',
    customer: '合肥市数据资源局',
    owner: 'sunli',
    amountYuan: 3_150_000,
    target: 'registration_pending',
    months: 40,
  },
  {
    name: '浦东城运中心视频会商系统扩容',
    customer: '上海市浦东新区城市运行管理中心',
    owner: 'sunli',
    amountYuan: 1_680_000,
    target: 'requirement_research',
    months: 18,
  },
  {
    name: '宁波甬兴焊接生产线自动化改造',
    customer: '宁波甬兴焊接设备有限公司',
    owner: 'sunli',
    amountYuan: 5_200_000,
    target: 'won',
    months: 48,
  },
  {
    name: '常州精工机床车间焊接机器人工作站',
    customer: '常州精工机床股份有限公司',
    owner: 'sunli',
    amountYuan: 860_000,
    target: 'go_pending',
  },
  {
    name: '天衡科技合作项目：地铁站安检联网',
    customer: '浙江天衡智能安防科技有限公司',
    owner: 'sunli',
    amountYuan: 2_900_000,
    target: 'registered',
    months: 36,
    cooperative: true,
  },
  { name: '卫安智能化楼宇门禁升级', customer: '江苏卫安智能化工程有限公司', owner: 'sunli', amountYuan: 420_000, target: 'opportunity' },
  { name: '上海安居智慧社区试点', customer: '上海安居楼宇智能科技有限公司', owner: 'sunli', amountYuan: 350_000, target: 'no_go' },
  { name: '朝阳分局雪亮工程三期', customer: '北京市朝阳区公安分局', owner: 'zhaolei', amountYuan: 8_800_000, target: 'tender', months: 96 },
  {
    name: '滨海新区一网通办自助终端',
    customer: '天津市滨海新区政务服务办公室',
    owner: 'zhaolei',
    amountYuan: 1_260_000,
    target: 'lost',
    outcome: { reason: 'price', winner: '某大型集成商', priceYuan: 1_080_000 },
  },
  {
    name: '石家庄交通运输综合执法指挥平台',
    customer: '石家庄市交通运输局',
    owner: 'zhaolei',
    amountYuan: 2_750_000,
    target: 'solution',
    months: 34,
  },
  { name: '太原应急指挥调度系统', customer: '太原市应急管理局', owner: 'zhaolei', amountYuan: 1_900_000, target: 'opportunity' },
  {
    name: '冀东重装焊接线改造',
    customer: '唐山冀东重型装备制造有限公司',
    owner: 'zhaolei',
    amountYuan: 6_400_000,
    target: 'handoff',
    months: 60,
  },
  { name: '恒驰零部件焊接单机采购', customer: '保定恒驰汽车零部件有限公司', owner: 'zhaolei', amountYuan: 380_000, target: 'closed_won' },
  {
    name: '华安智控安防集成分包',
    customer: '北京华安智控系统集成有限公司',
    owner: 'zhaolei',
    amountYuan: 1_150_000,
    target: 'failed_tender',
    outcome: { reason: 'other' },
  },
  {
    name: '济南公交智能调度系统',
    customer: '济南市公共交通有限公司',
    owner: 'fengtao',
    amountYuan: 3_300_000,
    target: 'quotation',
    months: 42,
  },
  {
    name: '白云区法院科技法庭建设',
    customer: '广州市白云区人民法院',
    owner: 'fengtao',
    amountYuan: 1_450_000,
    target: 'closed_lost',
    outcome: { reason: 'technical_score', winner: '广州某信息公司', priceYuan: 1_390_000 },
  },
  {
    name: '成都三院医疗安防一体化',
    customer: '成都市第三人民医院',
    owner: 'fengtao',
    amountYuan: 2_100_000,
    target: 'requirement_research',
    months: 26,
  },
  { name: '武汉水务管网监测平台', customer: '武汉市水务集团有限公司', owner: 'fengtao', amountYuan: 2_600_000, target: 'go_pending' },
  {
    name: '鹏城视界渠道项目：智慧园区',
    customer: '深圳市鹏城视界安防技术有限公司',
    owner: 'fengtao',
    amountYuan: 980_000,
    target: 'abandoned',
    outcome: { reason: 'budget_cut' },
  },
  {
    name: '海岳装备焊接机器人集成',
    customer: '青岛海岳智能装备有限公司',
    owner: 'fengtao',
    amountYuan: 1_760_000,
    target: 'tender',
    months: 22,
  },
  {
    name: '秦川航空零部件焊接车间',
    customer: '西安秦川航空零部件有限公司',
    owner: 'fengtao',
    amountYuan: 4_300_000,
    target: 'registered',
    months: 55,
  },
  {
    name: '长沙政务大数据中心灾备',
    customer: '长沙市政务服务和大数据中心',
    owner: 'fengtao',
    amountYuan: 2_200_000,
    target: 'opportunity',
  },
];

const PIPELINE = ['requirement_research', 'solution', 'quotation', 'tender'] as const;

const ANALYSIS = {
  decisionProcess: '分管领导牵头，信息化部门提出需求，经办公会审议后按政府采购程序公开招标',
  funding: '已列入年度财政预算（专项资金）',
  credit: '良好，历史项目回款及时',
  competitors: '两家本地集成商、一家全国性厂商',
  strengths: '同类项目案例、本地实施与售后团队、核心产品自主可控',
  risks: '工期紧、需求可能变更、竞争对手低价策略',
};

/** Seeds the demo projects. `userIds` maps demo user names to ids; the demo customers must exist. */
export async function seedDemoProjects(base: Ctx, userIds: Map<string, string>): Promise<void> {
  const db = base.db;
  const people = await db
    .select({ id: users.id, name: users.displayName, departmentId: users.departmentId })
    .from(users)
    .where(inArray(users.id, [...userIds.values()]));
  const all = new Map(permissionKeys().map((p) => [p, 'all' as const]));
  const ctxOf = (username: string): Ctx => {
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
    return { ...base, actor };
  };
  const id = (username: string) => userIds.get(username) ?? '';
  const customerRows = await db.select({ id: customers.id, name: customers.name }).from(customers);
  const customerId = new Map(customerRows.map((c) => [c.name, c.id]));
  const [partner] = await db.select({ id: partners.id }).from(partners).limit(1);
  const version = async (pid: string) => (await db.select({ v: projects.version }).from(projects).where(eq(projects.id, pid)))[0]?.v ?? 1;
  const approveAs = async (username: string, requestId: string) => {
    const [r] = await db.select({ v: approvalRequests.subjectVersion }).from(approvalRequests).where(eq(approvalRequests.id, requestId));
    await decideApproval(ctxOf(username), requestId, 'approve', { subjectVersion: r?.v ?? 0, comment: '同意。' });
  };
  const signDate = (months: number) => addCalendarDays(shanghaiDate(base.now), 30 * months);

  let withMeeting: { projectId: string; owner: string } | null = null;
  for (const [i, s] of PROJECTS.entries()) {
    const cid = customerId.get(s.customer);
    if (!cid) continue;
    const owner = ctxOf(s.owner);
    const { id: pid } = await createProject(owner, {
      name: s.name,
      customerId: cid,
      amountFen: s.amountYuan * 100,
      expectedSignDate: signDate(2 + (i % 6)),
    });
    if (s.target === 'opportunity') continue;
    await updateProject(owner, pid, {
      version: await version(pid),
      budgetFen: Math.round(s.amountYuan * 1.1) * 100,
      winProbability: 30 + (i % 5) * 10,
      ...ANALYSIS,
    });
    if (s.target === 'no_go') {
      await recordNoGoDecision(owner, pid, await version(pid), '客户需求尚不明确且预算未落实，暂不跟进');
      continue;
    }
    const gng = await submitGoNoGo(owner, pid, await version(pid));
    if (s.target === 'go_pending') continue;
    await approveAs('linxue', gng);
    await approveAs('zhangwei', gng);
    await setProjectPerson(owner, pid, 'monitorUserId', await version(pid), id(i % 3 === 0 ? 'yangfan' : 'liuyang'));
    await updateProject(owner, pid, {
      version: await version(pid),
      projectLevel: i % 4 === 0 ? 'channel' : 'company',
      deliveryMode: s.cooperative ? 'cooperative' : 'self',
      personMonths: s.months ?? 12,
      ...(s.cooperative && partner ? { partnerId: partner.id, companySharePct: 40 } : {}),
    });
    if (s.target === 'registered') continue;
    const reg = await submitRegistration(owner, pid, await version(pid));
    if (s.target === 'registration_pending') continue;
    await approveAs('wangfang', reg);
    await approveAs('zhouqiang', reg);
    const presales = i % 2 === 0 ? 'wujie' : 'zhengmin';
    await assignPresalesLead(ctxOf('zhouqiang'), pid, await version(pid), id(presales));
    await addProjectMember(ctxOf('zhouqiang'), pid, id(presales), i % 2 === 0 ? 'presales_engineer' : 'solution_architect');
    await addProjectMember(owner, pid, id('heping'), 'commercial_specialist');
    await setProjectPerson(owner, pid, 'managerUserId', await version(pid), id(s.owner));
    const outcome: Outcome | null =
      s.target === 'won' || s.target === 'handoff' || s.target === 'closed_won'
        ? 'won'
        : s.target === 'lost' || s.target === 'closed_lost'
          ? 'lost'
          : s.target === 'failed_tender' || s.target === 'abandoned'
            ? s.target
            : null;
    const stop = outcome ? 'tender' : s.target;
    for (const stage of PIPELINE) {
      await moveProjectStage(owner, pid, { stage, version: await version(pid) });
      if (stage === stop) break;
    }
    if (!withMeeting && s.target === 'tender') withMeeting = { projectId: pid, owner: s.owner };
    if (!outcome) continue;
    await recordProjectOutcome(owner, pid, {
      version: await version(pid),
      outcome,
      reason: s.outcome?.reason ?? null,
      winningCompetitor: s.outcome?.winner ?? null,
      winningPriceFen: s.outcome?.priceYuan ? s.outcome.priceYuan * 100 : null,
      note: null,
    });
    if (s.target === 'handoff')
      await moveProjectStage(owner, pid, { stage: 'handoff', version: await version(pid), note: '工程部经理已接收实施交接表' });
    if (s.target === 'closed_won' || s.target === 'closed_lost') {
      await saveProjectSummary(ctxOf(presales), pid, {
        version: 0,
        overview: s.target === 'closed_won' ? '项目按期签约，客户对方案与报价均认可。' : '技术评分落后于竞争对手，最终未中标。',
        whatWorked: '需求调研充分，售前与客户经理配合紧密。',
        whatToImprove: s.target === 'closed_won' ? '报价审批链路可提前准备。' : '技术方案对评分细则的响应不够充分。',
        lessons: '尽早取得招标文件评分办法，组织针对性评审。',
      });
      await closeProject(owner, pid, await version(pid), null);
    }
  }

  if (withMeeting) {
    const ctx = ctxOf(withMeeting.owner);
    const meetingId = await createMeeting(ctx, withMeeting.projectId, {
      title: '第一次项目分析会',
      heldAt: base.now.toISOString(),
      location: '市场部会议室',
      agenda: '1. 竞争态势与客户关系\n2. 技术方案评分点\n3. 报价策略',
      minutes: '决定加强对信息中心的技术交流，方案突出自主可控；报价控制在预算内。',
      participantIds: [id(withMeeting.owner), id('wujie'), id('zhengmin'), id('heping')],
    });
    const today = shanghaiDate(base.now);
    await createMeetingTask(ctx, meetingId, {
      title: '组织一次现场技术交流',
      ownerUserId: id('wujie'),
      dueDate: addCalendarDays(today, 3),
    });
    await createMeetingTask(ctx, meetingId, {
      title: '拜访信息中心主任，确认评分办法',
      ownerUserId: id(withMeeting.owner),
      dueDate: addCalendarDays(today, 2),
    });
    await createMeetingTask(ctx, meetingId, {
      title: '准备商务部分资质文件',
      ownerUserId: id('heping'),
      dueDate: addCalendarDays(today, 5),
    });
  }
}
