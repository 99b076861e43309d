import { defineContract } from '../contract.ts';
import {
  SubmitVisitLogBody,
  VisitLogDateParams,
  VisitLogList,
  VisitLogQuery,
  VisitRollupQuery,
  VisitRollupView,
} from './activities.schema.ts';

/** 客户巡访登记 (seed 002): one's daily visit log and the weekly roll-up (巡访周报). */
export const visitLogsContract = defineContract('visit-logs', {
  mine: {
    method: 'GET',
    path: '/visit-logs/mine',
    summary: '我的巡访登记 My visit log',
    access: { permission: 'activity.create' },
    query: VisitLogQuery,
    response: VisitLogList,
  },
  submit: {
    method: 'POST',
    path: '/visit-logs/:date/submit',
    summary: "提交当日巡访登记 Submit a day's visit log",
    access: { permission: 'activity.create' },
    params: VisitLogDateParams,
    body: SubmitVisitLogBody,
    response: VisitLogList,
  },
  rollup: {
    method: 'GET',
    path: '/reports/visit-rollup',
    summary: '客户巡访周汇总 Weekly visit roll-up',
    access: { permission: 'report.visit_rollup' },
    query: VisitRollupQuery,
    response: VisitRollupView,
  },
  rollupExportXlsx: {
    method: 'GET',
    path: '/reports/visit-rollup/export.xlsx',
    summary: '导出巡访周汇总 Export the roll-up (.xlsx)',
    access: { permission: 'report.visit_rollup' },
    query: VisitRollupQuery,
    response: 'file',
  },
});
