/**
 * Option lists of the customer module with their labels in both languages: industries, customer
 * levels, statuses and sources, contacts' roles in the decision chain, partner kinds/levels/
 * statuses, and the provinces of China grouped by region (华北, 东北, 华东, 华中, 华南, 西南, 西北).
 * The server validates against these values; the web shows the labels; imports accept either.
 */

export interface CrmOption<V extends string = string> {
  value: V;
  label: { 'zh-CN': string; en: string };
}

const o = <V extends string>(value: V, zh: string, en: string): CrmOption<V> => ({ value, label: { 'zh-CN': zh, en } });

export const INDUSTRIES = [
  o('government', '政府机关', 'Government'),
  o('public_security', '公安 / 政法', 'Public security & justice'),
  o('education', '教育', 'Education'),
  o('healthcare', '医疗卫生', 'Healthcare'),
  o('finance', '金融', 'Finance'),
  o('energy', '能源电力', 'Energy & power'),
  o('transportation', '交通运输', 'Transportation'),
  o('water', '水利环保', 'Water & environment'),
  o('telecom', '通信运营商', 'Telecom operators'),
  o('manufacturing', '制造业', 'Manufacturing'),
  o('security', '安防 / 智能化', 'Security & building intelligence'),
  o('construction', '建筑地产', 'Construction & real estate'),
  o('it', '软件与信息服务', 'Software & IT services'),
  o('retail', '商贸零售', 'Trade & retail'),
  o('military', '军工', 'Defence industry'),
  o('other', '其他', 'Other'),
] as const;
export type Industry = (typeof INDUSTRIES)[number]['value'];

export const CUSTOMER_LEVELS = [
  o('A', 'A 类（战略客户）', 'A (strategic)'),
  o('B', 'B 类（重点客户）', 'B (key)'),
  o('C', 'C 类（一般客户）', 'C (regular)'),
  o('D', 'D 类（潜在小客户）', 'D (minor)'),
] as const;
export type CustomerLevel = (typeof CUSTOMER_LEVELS)[number]['value'];

export const CUSTOMER_STATUSES = [
  o('potential', '潜在客户', 'Potential'),
  o('following', '跟进中', 'Following up'),
  o('cooperating', '合作中', 'Cooperating'),
  o('dormant', '休眠', 'Dormant'),
  o('lost', '已流失', 'Lost'),
] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number]['value'];

/** Where the customer came from (the intake channels of PRODUCT.md §3.1). */
export const CUSTOMER_SOURCES = [
  o('web', '网站', 'Website'),
  o('partner', '渠道商 / 经销商', 'Channel partner / dealer'),
  o('phone', '电话', 'Phone'),
  o('fax', '传真', 'Fax'),
  o('email', '电子邮件', 'E-mail'),
  o('prospecting', '主动开拓', 'Active prospecting'),
  o('exhibition', '展会', 'Exhibition'),
  o('customer_referral', '老客户介绍', 'Existing-customer referral'),
  o('partner_referral', '合作伙伴推荐', 'Partner referral'),
  o('tender_site', '招标网站', 'Tender website'),
  o('other', '其他', 'Other'),
] as const;
export type CustomerSource = (typeof CUSTOMER_SOURCES)[number]['value'];

/** A contact's role in the customer's decision chain. */
export const DECISION_ROLES = [
  o('decision_maker', '决策者', 'Decision maker'),
  o('influencer', '影响者', 'Influencer'),
  o('user', '使用者', 'User'),
  o('technical_evaluator', '技术评估', 'Technical evaluator'),
  o('procurement', '采购', 'Procurement'),
  o('finance', '财务', 'Finance'),
] as const;
export type DecisionRole = (typeof DECISION_ROLES)[number]['value'];

export const PARTNER_KINDS = [o('channel', '渠道商', 'Channel partner'), o('dealer', '经销商', 'Dealer')] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number]['value'];

export const PARTNER_LEVELS = [
  o('gold', '金牌', 'Gold'),
  o('silver', '银牌', 'Silver'),
  o('certified', '认证', 'Certified'),
  o('registered', '注册', 'Registered'),
] as const;
export type PartnerLevel = (typeof PARTNER_LEVELS)[number]['value'];

export const PARTNER_STATUSES = [
  o('active', '合作中', 'Active'),
  o('suspended', '暂停合作', 'Suspended'),
  o('terminated', '已终止', 'Terminated'),
] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number]['value'];

export const REGIONS = [
  o('north', '华北', 'North China'),
  o('northeast', '东北', 'Northeast China'),
  o('east', '华东', 'East China'),
  o('central', '华中', 'Central China'),
  o('south', '华南', 'South China'),
  o('southwest', '西南', 'Southwest China'),
  o('northwest', '西北', 'Northwest China'),
] as const;
export type Region = (typeof REGIONS)[number]['value'];

export interface ProvinceOption extends CrmOption {
  region: Region;
  /** first two digits of the GB/T 2260 division code */
  gbCode: string;
}

const p = (value: string, zh: string, en: string, region: Region, gbCode: string): ProvinceOption => ({
  ...o(value, zh, en),
  region,
  gbCode,
});

/** The 34 provincial-level divisions, by region. */
export const PROVINCES: readonly ProvinceOption[] = [
  p('beijing', '北京', 'Beijing', 'north', '11'),
  p('tianjin', '天津', 'Tianjin', 'north', '12'),
  p('hebei', '河北', 'Hebei', 'north', '13'),
  p('shanxi', '山西', 'Shanxi', 'north', '14'),
  p('neimenggu', '内蒙古', 'Inner Mongolia', 'north', '15'),
  p('liaoning', '辽宁', 'Liaoning', 'northeast', '21'),
  p('jilin', '吉林', 'Jilin', 'northeast', '22'),
  p('heilongjiang', '黑龙江', 'Heilongjiang', 'northeast', '23'),
  p('shanghai', '上海', 'Shanghai', 'east', '31'),
  p('jiangsu', '江苏', 'Jiangsu', 'east', '32'),
  p('zhejiang', '浙江', 'Zhejiang', 'east', '33'),
  p('anhui', '安徽', 'Anhui', 'east', '34'),
  p('fujian', '福建', 'Fujian', 'east', '35'),
  p('jiangxi', '江西', 'Jiangxi', 'east', '36'),
  p('shandong', '山东', 'Shandong', 'east', '37'),
  p('taiwan', '台湾', 'Taiwan', 'east', '71'),
  p('henan', '河南', 'Henan', 'central', '41'),
  p('hubei', '湖北', 'Hubei', 'central', '42'),
  p('hunan', '湖南', 'Hunan', 'central', '43'),
  p('guangdong', '广东', 'Guangdong', 'south', '44'),
  p('guangxi', '广西', 'Guangxi', 'south', '45'),
  p('hainan', '海南', 'Hainan', 'south', '46'),
  p('hongkong', '香港', 'Hong Kong', 'south', '81'),
  p('macao', '澳门', 'Macao', 'south', '82'),
  p('chongqing', '重庆', 'Chongqing', 'southwest', '50'),
  p('sichuan', '四川', 'Sichuan', 'southwest', '51'),
  p('guizhou', '贵州', 'Guizhou', 'southwest', '52'),
  p('yunnan', '云南', 'Yunnan', 'southwest', '53'),
  p('xizang', '西藏', 'Tibet', 'southwest', '54'),
  p('shaanxi', '陕西', 'Shaanxi', 'northwest', '61'),
  p('gansu', '甘肃', 'Gansu', 'northwest', '62'),
  p('qinghai', '青海', 'Qinghai', 'northwest', '63'),
  p('ningxia', '宁夏', 'Ningxia', 'northwest', '64'),
  p('xinjiang', '新疆', 'Xinjiang', 'northwest', '65'),
];

/** The region a province belongs to. */
export function regionOfProvince(province: string): Region | null {
  return PROVINCES.find((x) => x.value === province)?.region ?? null;
}

/** The province a credit code was registered in (digits 3–4 of the code), if known. */
export function provinceOfCreditCode(code: string): string | null {
  const gb = code.slice(2, 4);
  return PROVINCES.find((x) => x.gbCode === gb)?.value ?? null;
}

/** Tuple of the values of an option list, for `z.enum`. */
export function optionValues<V extends string>(list: readonly CrmOption<V>[]): [V, ...V[]] {
  const values = list.map((x) => x.value);
  if (values.length === 0) throw new Error('empty option list');
  return values as [V, ...V[]];
}

/** The label of a value in a locale; the raw value when unknown, '' for null. */
export function optionLabel(list: readonly CrmOption[], value: string | null | undefined, locale: 'zh-CN' | 'en'): string {
  if (!value) return '';
  return list.find((x) => x.value === value)?.label[locale] ?? value;
}
