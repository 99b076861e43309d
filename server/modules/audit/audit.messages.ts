import { defineMessages } from '../../../core/kernel/messages.ts';

/** The audit module's server-generated text (the export's titles), zh-CN and en. */
export const auditMessages = defineMessages('audit', {
  'zh-CN': {
    'export.sheet': '审计日志',
    'export.file': '审计日志-{date}',
  },
  en: {
    'export.sheet': 'Audit log',
    'export.file': 'audit-log-{date}',
  },
});
