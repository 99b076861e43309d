import { defineMessages } from '../../../core/kernel/messages.ts';

/** The approvals module's server-generated text (the approval engine's notification templates), zh-CN and en. */
export const approvalsMessages = defineMessages('approvals', {
  'zh-CN': {
    'event.approval_task_assigned.label': '待我审批',
    'event.approval_task_assigned.title': '待审批：{title}',
    'event.approval_task_assigned.body': '{requester} 提交的「{process}」等待您审批（{step}）。{onBehalf}',
    'event.approval_approved.label': '审批通过',
    'event.approval_approved.title': '审批通过：{title}',
    'event.approval_approved.body': '您提交的「{process}」已审批通过。{comment}',
    'event.approval_rejected.label': '审批驳回',
    'event.approval_rejected.title': '审批驳回：{title}',
    'event.approval_rejected.body': '{actor} 驳回了您提交的「{process}」（{step}）。意见：{comment}',
    'event.approval_returned.label': '审批退回修改',
    'event.approval_returned.title': '退回修改：{title}',
    'event.approval_returned.body': '{actor} 将您提交的「{process}」退回修改（{step}）。意见：{comment}',
    'event.approval_withdrawn.label': '审批已撤回',
    'event.approval_withdrawn.title': '已撤回：{title}',
    'event.approval_withdrawn.body': '{requester} 撤回了「{process}」，您无需再审批。',
  },
  en: {
    'event.approval_task_assigned.label': 'Approval waiting for me',
    'event.approval_task_assigned.title': 'To approve: {title}',
    'event.approval_task_assigned.body': '"{processEn}" submitted by {requester} waits for your approval ({step}). {onBehalfEn}',
    'event.approval_approved.label': 'Approval granted',
    'event.approval_approved.title': 'Approved: {title}',
    'event.approval_approved.body': 'Your "{processEn}" request was approved. {comment}',
    'event.approval_rejected.label': 'Approval rejected',
    'event.approval_rejected.title': 'Rejected: {title}',
    'event.approval_rejected.body': '{actor} rejected your "{processEn}" request ({step}). Comment: {comment}',
    'event.approval_returned.label': 'Approval returned for revision',
    'event.approval_returned.title': 'Returned: {title}',
    'event.approval_returned.body': '{actor} returned your "{processEn}" request for revision ({step}). Comment: {comment}',
    'event.approval_withdrawn.label': 'Approval withdrawn',
    'event.approval_withdrawn.title': 'Withdrawn: {title}',
    'event.approval_withdrawn.body': '{requester} withdrew the "{processEn}" request; no action is needed.',
  },
});
