/**
 * Word lists for the benchmark data set (Chinese people and company names, places with their
 * administrative division codes) and the check digits of the unified social credit code
 * (统一社会信用代码, GB 32100-2015) and of the organization code inside it (GB 11714-1997).
 */
import { createHash } from 'node:crypto';
import { PROVINCES } from '../../core/crm/options.ts';

export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
export const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国海燕玲芬志宇晨浩宁欣怡博文思远佳琪子涵雨婷俊嘉梓轩';

/** 60 distinct characters for the trade name (字号) of a company: two of them make one. */
export const TRADE_CHARS =
  '华建中海天宏信达盛创新金鑫联恒通瑞博远科泰安和顺德兴隆明光正嘉诚汇鼎源润智星昌富永东方世纪鸿伟航景峰辰宇亿佳凯腾启晟弘蓝';

/** Industry words of the company name (…信息技术有限公司) and the customer's industry (core/crm/options.ts) */
export const INDUSTRIES = [
  '信息技术',
  '建设工程',
  '电力设备',
  '医药',
  '物流',
  '环保科技',
  '新能源',
  '智能制造',
  '通信技术',
  '软件',
  '建材',
  '化工',
  '食品',
  '教育科技',
  '金融服务',
  '网络科技',
  '电子',
  '机械',
  '数据服务',
  '能源',
] as const;
export const INDUSTRY_VALUES = [
  'it',
  'construction',
  'energy',
  'healthcare',
  'transportation',
  'water',
  'energy',
  'manufacturing',
  'telecom',
  'it',
  'construction',
  'manufacturing',
  'retail',
  'education',
  'finance',
  'it',
  'manufacturing',
  'manufacturing',
  'it',
  'energy',
] as const;

/** city, province, sales region, a district's administrative division code (行政区划代码) */
export const PLACES: ReadonlyArray<readonly [string, string, string, string]> = [
  ['北京', '北京', '华北', '110105'],
  ['天津', '天津', '华北', '120101'],
  ['石家庄', '河北', '华北', '130102'],
  ['太原', '山西', '华北', '140105'],
  ['呼和浩特', '内蒙古', '华北', '150102'],
  ['沈阳', '辽宁', '东北', '210102'],
  ['大连', '辽宁', '东北', '210202'],
  ['长春', '吉林', '东北', '220102'],
  ['哈尔滨', '黑龙江', '东北', '230102'],
  ['上海', '上海', '华东', '310115'],
  ['南京', '江苏', '华东', '320102'],
  ['苏州', '江苏', '华东', '320505'],
  ['无锡', '江苏', '华东', '320214'],
  ['杭州', '浙江', '华东', '330106'],
  ['宁波', '浙江', '华东', '330203'],
  ['合肥', '安徽', '华东', '340103'],
  ['福州', '福建', '华东', '350102'],
  ['厦门', '福建', '华东', '350203'],
  ['南昌', '江西', '华东', '360102'],
  ['济南', '山东', '华东', '370102'],
  ['青岛', '山东', '华东', '370202'],
  ['郑州', '河南', '华中', '410105'],
  ['武汉', '湖北', '华中', '420106'],
  ['长沙', '湖南', '华中', '430102'],
  ['广州', '广东', '华南', '440106'],
  ['深圳', '广东', '华南', '440305'],
  ['东莞', '广东', '华南', '441900'],
  ['佛山', '广东', '华南', '440604'],
  ['南宁', '广西', '华南', '450103'],
  ['海口', '海南', '华南', '460105'],
  ['重庆', '重庆', '西南', '500103'],
  ['成都', '四川', '西南', '510107'],
  ['贵阳', '贵州', '西南', '520102'],
  ['昆明', '云南', '西南', '530102'],
  ['拉萨', '西藏', '西南', '540102'],
  ['西安', '陕西', '西北', '610113'],
  ['兰州', '甘肃', '西北', '620102'],
  ['西宁', '青海', '西北', '630102'],
  ['银川', '宁夏', '西北', '640104'],
  ['乌鲁木齐', '新疆', '西北', '650102'],
];

/** The option values (core/crm/options.ts) of a place's province and region. */
export function provinceOf(place: readonly [string, string, string, string]): { province: string; region: string } {
  const p = PROVINCES.find((x) => x.label['zh-CN'] === place[1]);
  if (!p) throw new Error(`no province option for ${place[1]}`);
  return { province: p.value, region: p.region };
}

export const PROJECT_KINDS = [
  '智慧园区建设项目',
  '数据中心扩容项目',
  'ERP 系统升级项目',
  '视频监控改造项目',
  '网络安全等保项目',
  '云平台迁移项目',
  '办公自动化项目',
  '供应链管理系统项目',
  '客户服务平台项目',
  '生产执行系统项目',
  '财务共享中心项目',
  '数据治理项目',
  '智能仓储项目',
  '能耗监测平台项目',
  '移动办公项目',
  '档案数字化项目',
  '机房运维外包项目',
  '人力资源系统项目',
  '电子招投标平台项目',
  '智慧水务项目',
] as const;

export const CONTACT_TITLES = [
  '总经理',
  '副总经理',
  '信息中心主任',
  'IT 经理',
  '采购经理',
  '财务总监',
  '技术总监',
  '项目经理',
  '工程师',
  '办公室主任',
] as const;
export const DECISION_ROLES = ['decision_maker', 'influencer', 'user', 'technical_evaluator', 'procurement', 'finance'] as const;

/** Terms of the global-search load: two Chinese characters each, common and rare ones. */
export const SEARCH_TERMS = ['华建', '信达', '中海', '恒通', '科技', '上海', '天宏', '金鑫', '智能', '鼎源'] as const;

/** GB 32100-2015 character set: digits and upper-case letters without I, O, Z, S, V. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
export const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** The 9th character of an organization code from its first eight (GB 11714). */
export function orgCheck(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += USCC_CHARSET.indexOf(first8[i] ?? '0') * (ORG_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** The 18th character of a unified social credit code from its first seventeen. */
export function usccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i] ?? '0') * (USCC_WEIGHTS[i] ?? 0);
  return USCC_CHARSET[(31 - (sum % 31)) % 31] ?? '0';
}

export function isValidUscc(code: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code) && usccCheck(code.slice(0, 17)) === code[17];
}

/**
 * A deterministic RFC 9562 version-4-shaped UUID for the n-th record of a kind, so related rows
 * can reference each other by index without joins. `uidSql` is the same function in SQL.
 */
export function uid(kind: string, n: number): string {
  const h = createHash('md5').update(`${kind}:${n}`).digest('hex').split('');
  h[12] = '4';
  h[16] = '8';
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** A Chinese person's name for a number (deterministic). */
export function personName(n: number): string {
  const s = SURNAMES[(n * 7) % SURNAMES.length] ?? '王';
  const a = GIVEN[(n * 13) % GIVEN.length] ?? '伟';
  const b = n % 3 === 0 ? '' : (GIVEN[(n * 29 + 5) % GIVEN.length] ?? '');
  return `${s}${a}${b}`;
}

/** How many distinct company names the generator can make (city × two trade characters × industry). */
export const NAME_SPACE = PLACES.length * 60 * 60 * INDUSTRIES.length;

export interface Company {
  name: string;
  creditCode: string;
  city: string;
  /** option values of core/crm/options.ts */
  province: string;
  region: string;
  industry: string;
}

/**
 * Company number `idx` (0-based): distinct numbers give distinct names and credit codes. The
 * generator computes the same in SQL (`companyLateral` in seed/names-sql.ts).
 */
export function company(idx: number): Company {
  const h = (idx * 7919 + 12345) % NAME_SPACE;
  const org8 = String((idx * 7919 + 1234567) % 100_000_000).padStart(8, '0');
  const place = PLACES[h % PLACES.length] ?? PLACES[0] ?? ['北京', '北京', '华北', '110105'];
  const a = TRADE_CHARS[Math.floor(h / PLACES.length) % 60] ?? '华';
  const b = TRADE_CHARS[Math.floor(h / (PLACES.length * 60)) % 60] ?? '建';
  const ind = Math.floor(h / (PLACES.length * 3600)) % INDUSTRIES.length;
  const base17 = `91${place[3]}${org8}${orgCheck(org8)}`;
  return {
    name: `${place[0]}${a}${b}${INDUSTRIES[ind] ?? ''}${idx % 10 === 0 ? '股份有限公司' : '有限公司'}`,
    creditCode: base17 + usccCheck(base17),
    city: place[0],
    ...provinceOf(place),
    industry: INDUSTRY_VALUES[ind] ?? 'other',
  };
}
