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
  payload_too_large: { 'zh-CN': '提交的内容过大', en: 'The request is too large' },
  json_too_deep: { 'zh-CN': '提交的数据层级过深', en: 'The JSON body is nested too deeply' },
  rate_limited: { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; please try again later' },
  internal: { 'zh-CN': '服务器内部错误，请稍后重试', en: 'Internal error; please try again later' },
};

/** The user-facing message for an error code, in the given locale. */
export function errorMessage(
  code: ErrorCode,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  return interpolate(MESSAGES[code][locale], params);
}
