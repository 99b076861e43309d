import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import { defineApprovalProcess, type ProcessCodeOf } from '../approvals/processes.ts';
import { defineApprovalSubject } from '../approvals/subjects.ts';
import { submitForApproval } from '../approvals/engine.ts';
import type { Ctx } from '../kernel/context.ts';
import { defineMessages } from '../../core/kernel/messages.ts';
import { defineEventType, notification, notify } from './notify.ts';
import { caseAssignedEvent } from '../modules/cases/case-events.ts';
import { projectKeyEvent } from '../modules/projects/project-events.ts';
import {
  PROJECT_APPROVAL_PROCESSES,
  registrationProcess,
  type ProjectProcessCode,
} from '../modules/projects/project-approval-processes.ts';
import type { LeadProcessCode } from '../modules/intake/lead-processes.ts';
import type { ActivityProcessCode } from '../modules/activities/activity-processes.ts';

/**
 * Typed registrations: what does not compile is checked by tsc (`@ts-expect-error` fails the
 * type check when the line below it compiles after all); the runtime part checks the values.
 */

const testMessages = defineMessages('test', {
  'zh-CN': {
    'event.case_assigned.label': '分派给我',
    'event.case_assigned.title': '待答复：{code} {subject}',
    'event.case_assigned.body': '请于 {due} 前答复。',
    'event.bad_zh.title': '{code} {titel}',
    'event.bad_zh.body': '',
    'event.bad_en.title': '{code}',
    'event.bad_en.body': '',
  },
  en: {
    'event.case_assigned.label': 'Assigned to me',
    'event.case_assigned.title': 'To answer: {code} {subject}',
    'event.case_assigned.body': 'Please answer by {due}.',
    'event.bad_zh.title': '{code}',
    'event.bad_zh.body': '',
    'event.bad_en.title': '{code} {codeEn}',
    'event.bad_en.body': '',
  },
});

const caseAssigned = defineEventType({
  type: 'test.case_assigned',
  params: ['code', 'subject', 'due'],
  ...testMessages.eventLabels('event.case_assigned'),
  templates: testMessages.templates('event.case_assigned'),
  defaultChannels: ['inapp'],
});

const quoteProcesses = [
  defineApprovalProcess({
    code: 'test.quote_review',
    labelZh: '报价审批',
    labelEn: 'Quote review',
    subjectType: 'test_quote',
    defaultChain: {
      resubmitFrom: 'first',
      steps: [{ name: '经理审批', approver: { type: 'manager' }, mode: 'any', condition: null, deadlinePolicy: null }],
    },
  }),
  defineApprovalProcess({
    code: 'test.quote_discount',
    labelZh: '折扣审批',
    labelEn: 'Discount',
    subjectType: 'test_quote',
    defaultChain: {
      resubmitFrom: 'first',
      steps: [{ name: '总经理审批', approver: { type: 'manager' }, mode: 'any', condition: null, deadlinePolicy: null }],
    },
  }),
] as const;
type QuoteProcessCode = ProcessCodeOf<typeof quoteProcesses>;

// Never called: these lines only have to (not) compile.
export async function compileTimeChecks(tx: Db, ctx: Ctx): Promise<void> {
  const target = { recipientUserIds: ['u1'] };
  await notify(tx, ctx.now, { ...target, event: caseAssigned, params: { code: 'KF-1', subject: '报修', due: '明天' } });
  // @ts-expect-error a parameter is missing
  await notify(tx, ctx.now, { ...target, event: caseAssigned, params: { code: 'KF-1', subject: '报修' } });
  // @ts-expect-error an unknown parameter
  await notify(tx, ctx.now, { ...target, event: caseAssigned, params: { code: 'KF-1', subject: '报修', due: '明天', by: 'x' } });
  notification(caseAssigned, { code: 1, subject: 's', due: 'd' }, target);
  // @ts-expect-error notification() checks the parameters too
  notification(caseAssigned, { code: 1 }, target);

  defineEventType({
    type: 'test.bad_template',
    params: ['code'],
    labelZh: 'x',
    labelEn: 'x',
    // @ts-expect-error the template uses {titel}, which is not among the params
    templates: { 'zh-CN': { title: '{code} {titel}', body: '' }, en: { title: '{code}', body: '' } },
    defaultChannels: ['inapp'],
  });
  // The same holds for templates taken from a catalogue, in either language.
  defineEventType({
    type: 'test.bad_catalogue_zh',
    params: ['code'],
    labelZh: 'x',
    labelEn: 'x',
    // @ts-expect-error the zh-CN title uses {titel}, which is not among the params
    templates: testMessages.templates('event.bad_zh'),
    defaultChannels: ['inapp'],
  });
  defineEventType({
    type: 'test.bad_catalogue_en',
    params: ['code'],
    labelZh: 'x',
    labelEn: 'x',
    // @ts-expect-error the en title uses {codeEn}, which is not among the params
    templates: testMessages.templates('event.bad_en'),
    defaultChannels: ['inapp'],
  });
  defineEventType({
    type: 'test.catalogue_ok',
    params: ['code', 'codeEn'],
    labelZh: 'x',
    labelEn: 'x',
    templates: testMessages.templates('event.bad_en'),
    defaultChannels: ['inapp'],
  });
  // @ts-expect-error a prefix without both a .title and a .body key
  testMessages.templates('event.case_assigned.title');

  // The process def names its subject type: nothing to mismatch.
  await submitForApproval(tx, ctx, { process: quoteProcesses[0], subjectId: 'q1', title: 't' });
  // @ts-expect-error a process is passed as its def, not as a code
  await submitForApproval(tx, ctx, { process: 'test.quote_review', subjectId: 'q1', title: 't' });

  defineApprovalSubject<'test_quote', QuoteProcessCode>({
    type: 'test_quote',
    labelZh: '报价',
    labelEn: 'Quote',
    load: async () => null,
    // The decision hook sees the process codes as a union: both switches are exhaustive (no default).
    async onDecision(_tx, _ctx, request, outcome) {
      const kind = ((): 'review' | 'discount' => {
        switch (request.processCode) {
          case 'test.quote_review':
            return 'review';
          case 'test.quote_discount':
            return 'discount';
        }
      })();
      const closed = ((): boolean => {
        switch (outcome) {
          case 'approved':
          case 'rejected':
          case 'withdrawn':
            return true;
          case 'returned':
            return false;
        }
      })();
      // @ts-expect-error not one of the subject's processes
      if (request.processCode === 'test.other') return;
      void kind;
      void closed;
    },
  });
}

// The business modules' registrations are typed the same way (never called either).
export async function businessCompileTimeChecks(tx: Db, ctx: Ctx): Promise<void> {
  const target = { recipientUserIds: ['u1'] };
  const caseParams = { code: 'KF-1', kind: '咨询', subject: '报修', customer: '客户', by: '张三', due: '明天' };
  await notify(tx, ctx.now, { ...target, event: caseAssignedEvent, params: caseParams });
  const withoutDue = { code: 'KF-1', kind: '咨询', subject: '报修', customer: '客户', by: '张三' };
  // @ts-expect-error a case assignment without its answer deadline (`due`)
  await notify(tx, ctx.now, { ...target, event: caseAssignedEvent, params: withoutDue });
  const projectParams = { code: 'XM-1', name: '项目', event: '立项', eventEn: 'registered', actor: '李四' };
  notification(projectKeyEvent, projectParams, target);
  // @ts-expect-error a project key event without its English text (`eventEn`)
  notification(projectKeyEvent, { code: 'XM-1', name: '项目', event: '立项', actor: '李四' }, target);
  // @ts-expect-error the legacy string form is gone: an event type named in text does not compile
  await notify(tx, ctx.now, { ...target, eventType: 'case.assigned', params: caseParams });

  await submitForApproval(tx, ctx, { process: registrationProcess, subjectId: 'p1', title: 't' });
  // @ts-expect-error the legacy by-code form is gone
  await submitForApproval(tx, ctx, { processCode: 'project.registration', subjectType: 'project', subjectId: 'p1', title: 't' });
  const codes: ProjectProcessCode[] = ['project.go_no_go', 'project.registration', 'project.share_exception', 'project.special_handling'];
  // @ts-expect-error a typo in a project process code
  const typo: ProjectProcessCode = 'project.registraton';
  const leadCode: LeadProcessCode = 'lead.forward';
  // @ts-expect-error another module's process is not one of the intake's
  const notLead: LeadProcessCode = 'activity.reception';
  const activityCode: ActivityProcessCode = 'activity.reception';
  void codes;
  void typo;
  void leadCode;
  void notLead;
  void activityCode;
}

describe('typed registrations', () => {
  it('defineEventType and defineApprovalProcess return the def as written (literal types only)', () => {
    expect(caseAssigned.type).toBe('test.case_assigned');
    expect(caseAssigned.params).toEqual(['code', 'subject', 'due']);
    expect([caseAssigned.labelZh, caseAssigned.labelEn]).toEqual(['分派给我', 'Assigned to me']);
    expect(caseAssigned.templates).toEqual({
      'zh-CN': { title: '待答复：{code} {subject}', body: '请于 {due} 前答复。' },
      en: { title: 'To answer: {code} {subject}', body: 'Please answer by {due}.' },
    });
    expect(quoteProcesses.map((p) => p.code)).toEqual(['test.quote_review', 'test.quote_discount']);
    expect(notification(caseAssigned, { code: 'KF-1', subject: 's', due: 'd' }, { recipientUserIds: ['u1'] })).toEqual({
      recipientUserIds: ['u1'],
      event: caseAssigned,
      params: { code: 'KF-1', subject: 's', due: 'd' },
    });
  });

  it('the business defs keep their stored type strings and process codes', () => {
    expect(caseAssignedEvent.type).toBe('case.assigned');
    expect(caseAssignedEvent.params).toEqual(['code', 'kind', 'subject', 'customer', 'by', 'due']);
    expect(projectKeyEvent.type).toBe('project.key_event');
    expect(PROJECT_APPROVAL_PROCESSES.map((p) => [p.code, p.subjectType])).toEqual([
      ['project.go_no_go', 'project'],
      ['project.registration', 'project'],
      ['project.share_exception', 'project'],
      ['project.special_handling', 'project'],
    ]);
  });
});
