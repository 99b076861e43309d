import type { ErrorCode } from '../errors.ts';
import { interpolate, type Locale } from './locale.ts';

const MESSAGES: Record<ErrorCode, Record<Locale, string>> = {
  validation_failed: { 'zh-CN': '提交的内容有误，请检查标出的字段', en: 'Some fields are invalid; please check them' },
  unauthenticated: { 'zh-CN': '请先登录', en: 'Please sign in first' },
  invalid_credentials: { 'zh-CN': '用户名或密码错误', en: 'Wrong user name or password' },
  account_locked: {
    'zh-CN': '登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins; the account is locked, try again in {minutes} minutes',
  },
  account_inactive: { 'zh-CN': '用户名或密码错误', en: 'Wrong user name or password' },
  password_change_required: { 'zh-CN': '请先修改初始密码', en: 'Please change your password first' },
  password_expired: { 'zh-CN': '密码已过期，请修改密码', en: 'Your password has expired; please change it' },
  password_policy: { 'zh-CN': '密码不符合安全要求：{reasons}', en: 'The password does not meet the policy: {reasons}' },
  password_wrong: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  password_reused: { 'zh-CN': '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  forbidden: { 'zh-CN': '您没有执行此操作的权限', en: 'You do not have permission to do this' },
  csrf_rejected: { 'zh-CN': '跨站请求已被拒绝', en: 'Cross-site request refused' },
  not_found: { 'zh-CN': '记录不存在或无权查看', en: 'Not found' },
  conflict_stale: {
    'zh-CN': '该记录已被他人修改，请刷新后重试（当前版本 {currentVersion}）',
    en: 'This record was changed by someone else; reload and try again (current version {currentVersion})',
  },
  conflict_duplicate: { 'zh-CN': '{field}已存在', en: '{field} already exists' },
  conflict_state: { 'zh-CN': '当前状态不允许此操作：{reason}', en: 'Not allowed in the current state: {reason}' },
  approval_subject_changed: {
    'zh-CN':
      '审批对象在提交后已被修改（您审阅的是第 {reviewed} 版，当前为第 {current} 版），不能批准未经审阅的版本。请刷新查看变更，或退回发起人重新提交',
    en: 'The record changed after it was submitted (you reviewed version {reviewed}, it is now version {current}); an unreviewed version cannot be approved. Reload to see the changes, or return it for resubmission',
  },
  approval_already_handled: {
    'zh-CN': '该审批已被处理，您的操作未生效：{reason}',
    en: 'This approval was already handled; your action had no effect: {reason}',
  },
  approval_no_approver: {
    'zh-CN': '审批步骤「{step}」找不到审批人（角色下无人、未设置上级或部门负责人，或审批人已停用），请联系管理员调整审批流程或组织架构',
    en: 'Nobody can approve the step "{step}" (the role is empty, no manager or department head is set, or the approver is inactive); ask an administrator to fix the chain or the organisation',
  },
  payload_too_large: { 'zh-CN': '提交的内容过大', en: 'The request is too large' },
  json_too_deep: { 'zh-CN': '提交的数据层级过深', en: 'The JSON body is nested too deeply' },
  rate_limited: { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; please try again later' },
  calendar_year_missing: {
    'zh-CN': '尚未录入 {year} 年的工作日历，请管理员在“工作日历”中录入国务院办公厅公布的节假日安排',
    en: 'No working-day calendar has been entered for {year}; an administrator can enter the State Council schedule under Working-day calendar',
  },
  project_not_registered: {
    'zh-CN': '项目登记（立项）审批通过后才能调用售前工程师、方案人员或指派售前负责人；请先提交项目登记表',
    en: 'Presales engineers, solution staff and the presales lead can be assigned only after the project registration (立项) is approved; submit the registration form first',
  },
  project_gate: { 'zh-CN': '不能进入「{stage}」：{reasons}', en: 'Cannot enter "{stage}": {reasons}' },
  lead_duplicate: {
    'zh-CN': '{days} 天内已登记过同一客户的相似信息（{codes}），请核对是否重复；确认不是重复后可继续保存',
    en: 'Similar information for the same customer was registered within {days} days ({codes}); check it is not a duplicate, then you may save anyway',
  },
  internal: { 'zh-CN': '服务器内部错误，请稍后重试', en: 'Internal error; please try again later' },
};

/** The user-facing message for an error code, in the given locale. */
export function errorMessage(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  return interpolate(MESSAGES[code][locale], params);
}
