import { defineEventType } from './notify.ts';

/**
 * Event types of the foundation (accounts and sign-in), listed by the notifications module's
 * definition. Business modules define theirs likewise (`defineEventType`) and list them in their own.
 */
export const EVENT_PASSWORD_RESET = 'user.password_reset' as const;
export const EVENT_LOCKOUT = 'auth.lockout' as const;

export const passwordResetEvent = defineEventType({
  type: EVENT_PASSWORD_RESET,
  params: ['admin', 'time', 'username'],
  labelZh: '密码被管理员重置',
  labelEn: 'Password reset by an administrator',
  templates: {
    'zh-CN': {
      title: '您的登录密码已被重置',
      body: '管理员 {admin} 于 {time} 重置了您的账号 {username} 的登录密码。请使用管理员告知的新密码登录，并在首次登录时修改密码。如非您本人申请，请立即联系系统管理员。',
    },
    en: {
      title: 'Your password was reset',
      body: 'Administrator {admin} reset the password of your account {username} at {time}. Sign in with the new password you were given and change it at first sign-in. If you did not ask for this, contact your administrator at once.',
    },
  },
  defaultChannels: ['inapp', 'email'],
});

export const lockoutEvent = defineEventType({
  type: EVENT_LOCKOUT,
  params: ['username', 'time', 'count', 'minutes'],
  labelZh: '账号因多次登录失败被锁定',
  labelEn: 'Account locked after failed sign-ins',
  templates: {
    'zh-CN': {
      title: '您的账号已被临时锁定',
      body: '您的账号 {username} 在 {time} 因连续 {count} 次登录失败被锁定 {minutes} 分钟。如非您本人操作，请修改密码并联系系统管理员。',
    },
    en: {
      title: 'Your account was locked',
      body: 'Your account {username} was locked for {minutes} minutes at {time} after {count} failed sign-ins. If this was not you, change your password and contact your administrator.',
    },
  },
  defaultChannels: ['inapp', 'email'],
});

export const foundationEventTypes = [passwordResetEvent, lockoutEvent] as const;
