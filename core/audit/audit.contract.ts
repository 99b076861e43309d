import { defineContract } from '../contract.ts';
import { AuditExportQuery, AuditPage, AuditQuery, AuditVerifyResult } from './audit.schema.ts';

/** The append-only, hash-chained audit log: read, export, verify the chain. */
export const auditContract = defineContract('audit', {
  list: {
    method: 'GET',
    path: '/audit',
    summary: '审计日志 Audit log',
    access: { permission: 'audit.read' },
    query: AuditQuery,
    response: AuditPage,
  },
  exportXlsx: {
    method: 'GET',
    path: '/audit/export.xlsx',
    summary: '导出审计日志 Export the audit log (.xlsx)',
    access: { permission: 'audit.export' },
    query: AuditExportQuery,
    response: 'file',
  },
  verify: {
    method: 'GET',
    path: '/audit/verify',
    summary: '校验审计链 Verify the hash chain',
    access: { permission: 'audit.verify' },
    response: AuditVerifyResult,
  },
});
