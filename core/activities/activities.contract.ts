import { z } from 'zod';
import { defineContract } from '../contract.ts';
import {
  ActivityDetail,
  ActivityExportQuery,
  ActivityListQuery,
  ActivityPage,
  CreateActivityBody,
  UpdateActivityBody,
} from './activities.schema.ts';

const IdParams = z.object({ id: z.string().uuid() });

/** 客户活动 (PRODUCT.md §3.2, seeds 002 and 001): visits, negotiations, communications, reception plans and summaries. */
export const activitiesContract = defineContract('activities', {
  list: {
    method: 'GET',
    path: '/activities',
    summary: '客户活动列表 List activities',
    access: { permission: 'activity.read' },
    query: ActivityListQuery,
    response: ActivityPage,
  },
  create: {
    method: 'POST',
    path: '/activities',
    summary: '登记客户活动 Record an activity',
    access: { permission: 'activity.create' },
    body: CreateActivityBody,
    response: ActivityDetail,
  },
  exportXlsx: {
    method: 'GET',
    path: '/activities/export.xlsx',
    summary: '导出客户活动 Export activities (.xlsx)',
    access: { permission: 'customer.export' },
    query: ActivityExportQuery,
    response: 'file',
  },
  get: {
    method: 'GET',
    path: '/activities/:id',
    summary: '活动详情 Get an activity',
    access: { permission: 'activity.read' },
    params: IdParams,
    response: ActivityDetail,
  },
  update: {
    method: 'PATCH',
    path: '/activities/:id',
    summary: '修改客户活动 Update an activity',
    access: { permission: 'activity.create' },
    params: IdParams,
    body: UpdateActivityBody,
    response: ActivityDetail,
  },
});
