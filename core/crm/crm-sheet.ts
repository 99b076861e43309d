/**
 * The CRM spreadsheets (customers, partners, contacts): column headers shared by the import
 * templates and the exports — so an exported list can be edited and imported again — and the
 * rules of the cells the import framework cannot know (credit code, phone, e-mail). Pure: the
 * server's import specs (server/modules/crm/imports/) and exports use them.
 */
import type { ImportOption } from '../imports/cell-parser.ts';
import { l10n, type L10n } from '../imports/l10n.ts';
import { creditCodeMessage, creditCodeProblem, normalizeCreditCode } from './credit-code.ts';
import type { CrmOption } from './options.ts';
import { phoneProblem } from './phone.ts';

export const CRM_HEADERS = {
  customerName: l10n('客户名称', 'Customer name'),
  creditCode: l10n('统一社会信用代码', 'Unified social credit code'),
  industry: l10n('行业', 'Industry'),
  region: l10n('区域', 'Region'),
  province: l10n('省份', 'Province'),
  level: l10n('客户等级', 'Level'),
  source: l10n('客户来源', 'Source'),
  status: l10n('状态', 'Status'),
  owner: l10n('负责人', 'Owner'),
  address: l10n('地址', 'Address'),
  notes: l10n('备注', 'Notes'),
  partnerName: l10n('渠道商名称', 'Partner name'),
  partnerKind: l10n('类型', 'Type'),
  partnerLevel: l10n('合作等级', 'Partner level'),
  contactName: l10n('姓名', 'Name'),
  contactCustomer: l10n('所属客户', 'Customer'),
  contactTitle: l10n('职务', 'Job title'),
  decisionRole: l10n('决策链角色', 'Decision role'),
  phone: l10n('电话', 'Phone'),
  email: l10n('邮箱', 'E-mail'),
  wechat: l10n('微信', 'WeChat'),
} as const;

/** The template note of the owner column of customers and partners. */
export const OWNER_NOTE = l10n(
  '填写用户名或姓名；留空则为导入人。指定他人需有“转移客户”权限。',
  'User name or display name; blank = the importer. Naming someone else needs the transfer permission.',
);

/** An option list as the accepted values of an enum column. */
export const importOptions = (list: readonly CrmOption[]): ImportOption[] => list.map((o) => ({ value: o.value, label: o.label }));

/** A credit code cell: the check character must be right. */
export const creditCodeRule = (v: unknown): L10n | null => {
  const p = creditCodeProblem(normalizeCreditCode(String(v)));
  return p ? l10n(creditCodeMessage(p, 'zh-CN'), creditCodeMessage(p, 'en')) : null;
};

/** A phone cell: at least 5 digits and only phone characters. */
export const phoneRule = (v: unknown): L10n | null => {
  const zh = phoneProblem(String(v), 'zh-CN');
  return zh ? l10n(zh, phoneProblem(String(v), 'en') ?? zh) : null;
};

/** An e-mail cell. */
export const emailRule = (v: unknown): L10n | null =>
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(v)) ? null : l10n('邮箱格式不正确', 'not an e-mail address');
