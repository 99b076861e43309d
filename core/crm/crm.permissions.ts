import type { DefaultGrants } from '../default-roles.ts';
import { definePermissions } from '../permissions.ts';

/** The capabilities of customers, contacts and partners, with their labels in both languages. */
export const CRM_PERMISSIONS = definePermissions({
  'customer.read': { group: 'crm', 'zh-CN': '查看客户与联系人', en: 'View customers and contacts' },
  'customer.manage': { group: 'crm', 'zh-CN': '新建、修改客户与联系人', en: 'Create and edit customers and contacts' },
  'customer.transfer': { group: 'crm', 'zh-CN': '转移客户负责人、共享客户', en: 'Transfer and share customers' },
  'customer.import': {
    group: 'crm',
    'zh-CN': '从 Excel 导入客户、联系人、渠道商、线索',
    en: 'Import customers, contacts, partners and leads from Excel',
  },
  'customer.export': {
    group: 'crm',
    'zh-CN': '导出客户、联系人、渠道商、线索、活动',
    en: 'Export customers, contacts, partners, leads and activities',
  },
  'contact.phone': { group: 'crm', 'zh-CN': '查看联系人完整电话', en: "See contacts' full phone numbers" },
  'partner.read': { group: 'crm', 'zh-CN': '查看渠道商 / 经销商', en: 'View channel partners and dealers' },
  'partner.manage': { group: 'crm', 'zh-CN': '管理渠道商 / 经销商', en: 'Manage channel partners and dealers' },
});

declare module '../permissions.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface PermissionRegistry extends Record<keyof typeof CRM_PERMISSIONS, true> {}
}

/** Which default roles (core/default-roles.ts) hold these capabilities in a new database. */
export const CRM_DEFAULT_GRANTS: DefaultGrants<keyof typeof CRM_PERMISSIONS> = {
  general_manager: [
    'customer.read',
    'customer.manage',
    'customer.transfer',
    'customer.export',
    'contact.phone',
    'partner.read',
    'partner.manage',
  ],
  sales_director: [
    'customer.read',
    'customer.manage',
    'customer.transfer',
    'customer.import',
    'customer.export',
    'contact.phone',
    'partner.read',
    'partner.manage',
  ],
  marketing_manager: [
    'customer.read',
    'customer.manage',
    'customer.transfer',
    'customer.import',
    'customer.export',
    'contact.phone',
    'partner.read',
    'partner.manage',
  ],
  presales_manager: ['customer.read'],
  account_manager: ['customer.read', 'customer.manage', 'customer.export', 'contact.phone', 'partner.read'],
  sales_supervisor: [
    'customer.read',
    'customer.manage',
    'customer.import',
    'customer.export',
    'contact.phone',
    'partner.read',
    'partner.manage',
  ],
  presales_engineer: ['customer.read'],
  solution_architect: ['customer.read'],
  commercial_specialist: ['customer.read'],
  bid_team_leader: ['customer.read'],
  marketing_assistant: ['customer.read', 'customer.export'],
  finance: ['customer.read'],
  advisor: ['customer.read'],
};
