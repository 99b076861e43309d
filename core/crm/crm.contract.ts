import { z } from 'zod';
import { defineContract } from '../contract.ts';
import { importEndpoints } from '../imports/import-endpoints.ts';
import { OkBody } from '../schemas/common.schema.ts';
import {
  ContactExportQuery,
  ContactListQuery,
  ContactPage,
  ContactView,
  CreateContactBody,
  CreateCustomerBody,
  CreatePartnerBody,
  CustomerExportQuery,
  CustomerListQuery,
  CustomerPage,
  CustomerTransferResult,
  CustomerView,
  DuplicateCheckBody,
  DuplicateResult,
  PartnerExportQuery,
  PartnerListQuery,
  PartnerPage,
  PartnerTransferResult,
  PartnerView,
  PutSharesBody,
  SearchQuery,
  SearchResult,
  ShareList,
  TimelinePage,
  TimelineQuery,
  TransferBody,
  UpdateContactBody,
  UpdateCustomerBody,
  UpdatePartnerBody,
  VersionQuery,
} from './crm.schema.ts';

const IdParams = z.object({ id: z.string().uuid() });

/**
 * Customers (客户, PRODUCT.md §3.2): list with filters and export, create/edit with duplicate
 * checks, transfer, sharing, the timeline of every module, and Excel import.
 */
export const customersContract = defineContract('customers', {
  list: {
    method: 'GET',
    path: '/customers',
    summary: '客户列表 List customers',
    access: { permission: 'customer.read' },
    query: CustomerListQuery,
    response: CustomerPage,
  },
  exportXlsx: {
    method: 'GET',
    path: '/customers/export.xlsx',
    summary: '导出客户 Export the filtered customer list (.xlsx)',
    access: { permission: 'customer.export' },
    query: CustomerExportQuery,
    response: 'file',
  },
  ...importEndpoints('customers', { zh: '客户', en: 'customers' }),
  create: {
    method: 'POST',
    path: '/customers',
    summary: '新建客户 Create a customer (409 conflict_duplicate on the same credit code, or a similar name without confirmDuplicate)',
    access: { permission: 'customer.manage' },
    body: CreateCustomerBody,
    response: CustomerView,
  },
  duplicates: {
    method: 'POST',
    path: '/customers/duplicates',
    summary: '查重 Customers matching a name or credit code (invisible ones: owner only)',
    access: { permission: 'customer.read' },
    body: DuplicateCheckBody,
    response: DuplicateResult,
  },
  get: {
    method: 'GET',
    path: '/customers/:id',
    summary: '客户详情 Get a customer',
    access: { permission: 'customer.read' },
    params: IdParams,
    response: CustomerView,
  },
  update: {
    method: 'PATCH',
    path: '/customers/:id',
    summary: '修改客户 Update a customer',
    access: { permission: 'customer.manage' },
    params: IdParams,
    body: UpdateCustomerBody,
    response: CustomerView,
  },
  transfer: {
    method: 'POST',
    path: '/customers/:id/transfer',
    summary: '转移客户 Transfer to another owner (audited, notifies the new owner)',
    access: { permission: 'customer.transfer' },
    params: IdParams,
    body: TransferBody,
    response: CustomerTransferResult,
  },
  shares: {
    method: 'GET',
    path: '/customers/:id/shares',
    summary: '共享人员 Colleagues the customer is shared with',
    access: { permission: 'customer.read' },
    params: IdParams,
    response: ShareList,
  },
  putShares: {
    method: 'PUT',
    path: '/customers/:id/shares',
    summary: '设置共享 Set the colleagues the customer is shared with',
    access: { permission: 'customer.manage' },
    params: IdParams,
    body: PutSharesBody,
    response: ShareList,
  },
  timeline: {
    method: 'GET',
    path: '/customers/:id/timeline',
    summary: '客户时间线 Everything that happened with the customer, from every module (newest first)',
    access: { permission: 'customer.read' },
    params: IdParams,
    query: TimelineQuery,
    response: TimelinePage,
  },
});

/** Channel partners and dealers (渠道商 / 经销商): the same set of endpoints as customers. */
export const partnersContract = defineContract('partners', {
  list: {
    method: 'GET',
    path: '/partners',
    summary: '渠道商列表 List channel partners and dealers',
    access: { permission: 'partner.read' },
    query: PartnerListQuery,
    response: PartnerPage,
  },
  exportXlsx: {
    method: 'GET',
    path: '/partners/export.xlsx',
    summary: '导出渠道商 Export the filtered partner list (.xlsx)',
    access: { permission: 'customer.export' },
    query: PartnerExportQuery,
    response: 'file',
  },
  ...importEndpoints('partners', { zh: '渠道商', en: 'partners' }),
  create: {
    method: 'POST',
    path: '/partners',
    summary: '新建渠道商 Create a partner (duplicate rules as for customers)',
    access: { permission: 'partner.manage' },
    body: CreatePartnerBody,
    response: PartnerView,
  },
  duplicates: {
    method: 'POST',
    path: '/partners/duplicates',
    summary: '查重 Partners matching a name or credit code',
    access: { permission: 'partner.read' },
    body: DuplicateCheckBody,
    response: DuplicateResult,
  },
  get: {
    method: 'GET',
    path: '/partners/:id',
    summary: '渠道商详情 Get a partner',
    access: { permission: 'partner.read' },
    params: IdParams,
    response: PartnerView,
  },
  update: {
    method: 'PATCH',
    path: '/partners/:id',
    summary: '修改渠道商 Update a partner',
    access: { permission: 'partner.manage' },
    params: IdParams,
    body: UpdatePartnerBody,
    response: PartnerView,
  },
  transfer: {
    method: 'POST',
    path: '/partners/:id/transfer',
    summary: '转移渠道商 Transfer to another owner',
    access: { permission: 'partner.manage' },
    params: IdParams,
    body: TransferBody,
    response: PartnerTransferResult,
  },
  shares: {
    method: 'GET',
    path: '/partners/:id/shares',
    summary: '共享人员 Colleagues the partner is shared with',
    access: { permission: 'partner.read' },
    params: IdParams,
    response: ShareList,
  },
  putShares: {
    method: 'PUT',
    path: '/partners/:id/shares',
    summary: '设置共享 Set the colleagues the partner is shared with',
    access: { permission: 'partner.manage' },
    params: IdParams,
    body: PutSharesBody,
    response: ShareList,
  },
});

/**
 * Contacts (联系人) of customers and partners: visible with their customer / partner; phones
 * masked without `contact.phone`; DELETE archives.
 */
export const contactsContract = defineContract('contacts', {
  list: {
    method: 'GET',
    path: '/contacts',
    summary: '联系人列表 List contacts (of a customer or partner)',
    access: { permission: 'customer.read' },
    query: ContactListQuery,
    response: ContactPage,
  },
  exportXlsx: {
    method: 'GET',
    path: '/contacts/export.xlsx',
    summary: '导出联系人 Export the filtered contact list (.xlsx)',
    access: { permission: 'customer.export' },
    query: ContactExportQuery,
    response: 'file',
  },
  ...importEndpoints('contacts', { zh: '联系人', en: 'contacts' }),
  create: {
    method: 'POST',
    path: '/contacts',
    summary: '新建联系人 Add a contact to a customer or partner',
    access: { permission: 'customer.manage' },
    body: CreateContactBody,
    response: ContactView,
  },
  get: {
    method: 'GET',
    path: '/contacts/:id',
    summary: '联系人详情 Get a contact',
    access: { permission: 'customer.read' },
    params: IdParams,
    response: ContactView,
  },
  update: {
    method: 'PATCH',
    path: '/contacts/:id',
    summary: '修改联系人 Update a contact',
    access: { permission: 'customer.manage' },
    params: IdParams,
    body: UpdateContactBody,
    response: ContactView,
  },
  archive: {
    method: 'DELETE',
    path: '/contacts/:id',
    summary: '删除（归档）联系人 Archive a contact',
    access: { permission: 'customer.manage' },
    params: IdParams,
    query: VersionQuery,
    response: OkBody,
  },
});

/** The one search box: customers, contacts, partners and leads the actor may see. */
export const searchContract = defineContract('search', {
  search: {
    method: 'GET',
    path: '/search',
    summary: '全局搜索 Search customers, contacts, partners and leads by any part of a name, credit code or phone',
    access: 'authenticated',
    query: SearchQuery,
    response: SearchResult,
  },
});
