import { creditCodeCheckChar } from '../../core/crm/credit-code.ts';
import type {
  CustomerLevel,
  CustomerSource,
  CustomerStatus,
  DecisionRole,
  Industry,
  PartnerKind,
  PartnerLevel,
} from '../../core/crm/options.ts';
import { createContact } from '../modules/crm/commands/create-contact.ts';
import { createCustomer } from '../modules/crm/commands/create-customer.ts';
import { createPartner } from '../modules/crm/commands/create-partner.ts';
import type { Ctx } from '../kernel/context.ts';

/**
 * Demo customers (government, 安防 integrators, manufacturers), their contacts and three channel
 * partners, owned by the demo account managers (赵磊 华北, 孙丽 华东, 冯涛 other regions), created
 * through the same use cases as the UI. Credit codes are well-formed (GB 32100 check character)
 * but invented.
 */

/** A made-up but well-formed credit code: authority + category, division, 9-character body. */
function code(prefix: string, division: string, body: string): string {
  const first = `${prefix}${division}${body}`;
  return `${first}${creditCodeCheckChar(first) ?? '0'}`;
}

type C = [
  name: string,
  prefix: string,
  division: string,
  industry: Industry,
  level: CustomerLevel,
  status: CustomerStatus,
  source: CustomerSource,
  owner: string,
  address: string,
];

const CUSTOMERS: C[] = [
  ['北京市朝阳区公安分局', '11', '110105', 'public_security', 'A', 'cooperating', 'tender_site', 'zhaolei', '北京市朝阳区朝阳门外大街'],
  ['天津市滨海新区政务服务办公室', '11', '120116', 'government', 'B', 'following', 'prospecting', 'zhaolei', '天津市滨海新区中心商务区'],
  ['石家庄市交通运输局', '11', '130100', 'transportation', 'B', 'following', 'tender_site', 'zhaolei', '石家庄市长安区中山东路'],
  ['太原市应急管理局', '11', '140100', 'government', 'C', 'potential', 'web', 'zhaolei', '太原市小店区长风街'],
  ['北京华安智控系统集成有限公司', '91', '110108', 'security', 'B', 'cooperating', 'partner', 'zhaolei', '北京市海淀区上地信息路'],
  ['天津中盾安防工程有限公司', '91', '120104', 'security', 'C', 'following', 'exhibition', 'zhaolei', '天津市南开区科研西路'],
  [
    '唐山冀东重型装备制造有限公司',
    '91',
    '130200',
    'manufacturing',
    'B',
    'following',
    'customer_referral',
    'zhaolei',
    '唐山市丰润区装备制造园',
  ],
  ['保定恒驰汽车零部件有限公司', '91', '130600', 'manufacturing', 'C', 'potential', 'phone', 'zhaolei', '保定市莲池区东三环'],
  ['河北省电力勘测设计研究院有限公司', '91', '130100', 'energy', 'B', 'dormant', 'prospecting', 'zhaolei', '石家庄市桥西区'],
  ['杭州市公安局西湖区分局', '11', '330106', 'public_security', 'A', 'cooperating', 'tender_site', 'sunli', '杭州市西湖区文三路'],
  ['南京市江北新区管理委员会', '11', '320100', 'government', 'A', 'following', 'prospecting', 'sunli', '南京市浦口区江浦街道'],
  ['苏州工业园区教育局', '11', '320500', 'education', 'B', 'following', 'email', 'sunli', '苏州工业园区现代大道'],
  ['合肥市数据资源局', '11', '340100', 'government', 'B', 'potential', 'tender_site', 'sunli', '合肥市蜀山区潜山路'],
  [
    '上海市浦东新区城市运行管理中心',
    '12',
    '310115',
    'government',
    'A',
    'following',
    'customer_referral',
    'sunli',
    '上海市浦东新区世纪大道',
  ],
  ['浙江天衡智能安防科技有限公司', '91', '330108', 'security', 'A', 'cooperating', 'partner', 'sunli', '杭州市滨江区江南大道'],
  ['江苏卫安智能化工程有限公司', '91', '320115', 'security', 'B', 'following', 'exhibition', 'sunli', '南京市江宁区将军大道'],
  ['上海安居楼宇智能科技有限公司', '91', '310112', 'security', 'C', 'potential', 'web', 'sunli', '上海市闵行区莘庄工业区'],
  ['宁波甬兴焊接设备有限公司', '91', '330200', 'manufacturing', 'A', 'cooperating', 'customer_referral', 'sunli', '宁波市北仑区小港街道'],
  ['常州精工机床股份有限公司', '91', '320400', 'manufacturing', 'B', 'following', 'exhibition', 'sunli', '常州市武进区高新区'],
  ['芜湖江淮精密铸造有限公司', '91', '340200', 'manufacturing', 'C', 'dormant', 'phone', 'sunli', '芜湖市鸠江区经济开发区'],
  ['济南市公共交通有限公司', '91', '370100', 'transportation', 'C', 'following', 'tender_site', 'fengtao', '济南市历下区经十路'],
  ['广州市白云区人民法院', '11', '440111', 'public_security', 'B', 'potential', 'tender_site', 'fengtao', '广州市白云区云城西路'],
  ['成都市第三人民医院', '12', '510100', 'healthcare', 'B', 'following', 'prospecting', 'fengtao', '成都市青羊区青龙街'],
  ['武汉市水务集团有限公司', '91', '420100', 'water', 'C', 'potential', 'web', 'fengtao', '武汉市江汉区解放大道'],
  ['深圳市鹏城视界安防技术有限公司', '91', '440305', 'security', 'B', 'cooperating', 'partner', 'fengtao', '深圳市南山区科技园'],
  ['重庆山城安保科技股份有限公司', '91', '500112', 'security', 'C', 'following', 'exhibition', 'fengtao', '重庆市渝北区金开大道'],
  ['青岛海岳智能装备有限公司', '91', '370200', 'manufacturing', 'B', 'following', 'customer_referral', 'fengtao', '青岛市黄岛区长江中路'],
  ['佛山南粤家电配件制造有限公司', '91', '440600', 'manufacturing', 'C', 'lost', 'phone', 'fengtao', '佛山市顺德区容桂街道'],
  ['西安秦川航空零部件有限公司', '91', '610100', 'military', 'B', 'following', 'prospecting', 'fengtao', '西安市阎良区航空基地'],
  ['长沙市政务服务和大数据中心', '12', '430100', 'government', 'B', 'potential', 'tender_site', 'fengtao', '长沙市岳麓区岳麓大道'],
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['建国', '海峰', '丽华', '志强', '晓东', '秀英', '国平', '文静', '永刚', '红梅', '立新', '春燕', '明辉', '桂兰', '俊杰'];

/** Decision chains by kind of customer: job title and role. */
const CHAINS: Record<'gov' | 'company', Array<[string, DecisionRole]>> = {
  gov: [
    ['分管副局长', 'decision_maker'],
    ['科技信息化处处长', 'influencer'],
    ['信息中心工程师', 'technical_evaluator'],
    ['装备财务科科长', 'procurement'],
  ],
  company: [
    ['总经理', 'decision_maker'],
    ['技术总监', 'technical_evaluator'],
    ['采购经理', 'procurement'],
    ['设备部主管', 'user'],
    ['财务经理', 'finance'],
  ],
};

type P = [name: string, kind: PartnerKind, level: PartnerLevel, division: string, province: string, owner: string];

const PARTNERS: P[] = [
  ['北京智联恒通科技有限公司', 'channel', 'gold', '110108', 'beijing', 'zhaolei'],
  ['杭州安瑞达电子有限公司', 'dealer', 'silver', '330106', 'zhejiang', 'sunli'],
  ['广州粤信通信息技术有限公司', 'channel', 'certified', '440106', 'guangdong', 'fengtao'],
];

/** Seeds the demo customers, contacts and partners; `userIds` maps demo user names to ids. */
export async function seedDemoCustomers(ctx: Ctx, userIds: Map<string, string>): Promise<void> {
  let n = 0;
  const phone = () => `13${String(800000000 + n * 7919).slice(0, 9)}`;
  for (const [i, [name, prefix, division, industry, level, status, source, owner, address]] of CUSTOMERS.entries()) {
    const at = new Date(ctx.now.getTime() - (CUSTOMERS.length - i) * 36 * 3600 * 1000);
    const c: Ctx = { ...ctx, now: at };
    const body =
      prefix === '91' ? `MA${String(10_000_01 + i * 7331).padStart(7, '0')}` : `MB${String(20_000_01 + i * 4567).padStart(7, '0')}`;
    const id = await createCustomer(c, {
      name,
      creditCode: code(prefix, division, body),
      industry,
      level,
      status,
      source,
      address,
      ownerUserId: userIds.get(owner) ?? null,
      confirmDuplicate: true,
    });
    const chain = CHAINS[prefix === '91' ? 'company' : 'gov'];
    const count = 1 + (i % 3);
    for (let k = 0; k < count; k++) {
      n++;
      const [title, decisionRole] = chain[(i + k) % chain.length] ?? ['联系人', 'user'];
      const person = `${SURNAMES[(i * 3 + k) % SURNAMES.length] ?? '王'}${GIVEN[(i + k * 5) % GIVEN.length] ?? '伟'}`;
      await createContact(
        { ...c, now: new Date(at.getTime() + (k + 1) * 600_000) },
        {
          customerId: id,
          name: person,
          title,
          decisionRole,
          phone: phone(),
          email: k === 0 ? `contact${n}@example.com` : null,
          wechat: k === 1 ? `wx_${n}` : null,
        },
      );
    }
  }
  for (const [i, [name, kind, level, division, province, owner]] of PARTNERS.entries()) {
    const id = await createPartner(ctx, {
      name,
      kind,
      level,
      province,
      creditCode: code('91', division, `MA${String(30_000_01 + i * 911).padStart(7, '0')}`),
      address: null,
      ownerUserId: userIds.get(owner) ?? null,
      confirmDuplicate: true,
    });
    for (let k = 0; k < 2; k++) {
      n++;
      await createContact(ctx, {
        partnerId: id,
        name: `${SURNAMES[(i * 7 + k + 3) % SURNAMES.length] ?? '李'}${GIVEN[(i * 2 + k) % GIVEN.length] ?? '强'}`,
        title: k === 0 ? '销售总监' : '项目经理',
        decisionRole: k === 0 ? 'decision_maker' : 'influencer',
        phone: phone(),
      });
    }
  }
}
