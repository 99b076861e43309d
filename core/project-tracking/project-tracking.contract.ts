import { defineContract } from '../contract.ts';
import { OkBody } from '../schemas/common.schema.ts';
import { IdParams } from '../projects/project-fields.schema.ts';
import {
  MissingTrackingQuery,
  MissingTrackingView,
  TrackingExportQuery,
  TrackingPage,
  TrackingQuery,
  UpdateTrackingBody,
} from './project-tracking.schema.ts';

/** The weekly project tracking table (项目跟踪表, seed 003). */
export const projectTrackingContract = defineContract('project-tracking', {
  week: {
    method: 'GET',
    path: '/project-tracking',
    summary: '项目跟踪表（周）Weekly tracking table',
    access: { permission: 'project.read' },
    query: TrackingQuery,
    response: TrackingPage,
  },
  missing: {
    method: 'GET',
    path: '/project-tracking/missing',
    summary: '未填写的跟踪表 Missing updates',
    access: { permission: 'project.tracking' },
    query: MissingTrackingQuery,
    response: MissingTrackingView,
  },
  exportXlsx: {
    method: 'GET',
    path: '/project-tracking/export.xlsx',
    summary: '导出项目跟踪表 Export (.xlsx)',
    access: { permission: 'project.read' },
    query: TrackingExportQuery,
    response: 'file',
  },
  update: {
    method: 'PATCH',
    path: '/project-tracking/:id',
    summary: '填写跟踪表 / 主管意见 Fill a row or comment',
    access: { permission: 'project.read' },
    params: IdParams,
    body: UpdateTrackingBody,
    response: OkBody,
  },
});
