import { z } from 'zod';
import { defineContract } from '../contract.ts';
import {
  AnswerCaseBody,
  AssignCaseBody,
  CaseDetail,
  CaseExportQuery,
  CaseListQuery,
  CasePage,
  CloseCaseBody,
  CreateCaseBody,
  UpdateCaseBody,
} from './cases.schema.ts';

const IdParams = z.object({ id: z.string().uuid() });

/** 咨询与投诉 (seeds 004, 002): receive, assign, answer within the deadline, close. */
export const casesContract = defineContract('cases', {
  list: {
    method: 'GET',
    path: '/cases',
    summary: '咨询与投诉列表 List inquiries and complaints',
    access: { permission: 'case.read' },
    query: CaseListQuery,
    response: CasePage,
  },
  create: {
    method: 'POST',
    path: '/cases',
    summary: '受理咨询 / 投诉 Receive an inquiry or complaint',
    access: { permission: 'case.manage' },
    body: CreateCaseBody,
    response: CaseDetail,
  },
  exportXlsx: {
    method: 'GET',
    path: '/cases/export.xlsx',
    summary: '导出咨询与投诉 Export cases (.xlsx)',
    access: { permission: 'customer.export' },
    query: CaseExportQuery,
    response: 'file',
  },
  get: {
    method: 'GET',
    path: '/cases/:id',
    summary: '咨询 / 投诉详情 Get a case',
    access: { permission: 'case.read' },
    params: IdParams,
    response: CaseDetail,
  },
  update: {
    method: 'PATCH',
    path: '/cases/:id',
    summary: '修改咨询 / 投诉 Update a case',
    access: { permission: 'case.manage' },
    params: IdParams,
    body: UpdateCaseBody,
    response: CaseDetail,
  },
  assign: {
    method: 'POST',
    path: '/cases/:id/assign',
    summary: '分派处理人 Assign a handler',
    access: { permission: 'case.manage' },
    params: IdParams,
    body: AssignCaseBody,
    response: CaseDetail,
  },
  answer: {
    method: 'POST',
    path: '/cases/:id/answer',
    summary: '答复客户 Answer the customer',
    access: { permission: 'case.read' },
    params: IdParams,
    body: AnswerCaseBody,
    response: CaseDetail,
  },
  close: {
    method: 'POST',
    path: '/cases/:id/close',
    summary: '关闭 Close a case',
    access: { permission: 'case.manage' },
    params: IdParams,
    body: CloseCaseBody,
    response: CaseDetail,
  },
});
