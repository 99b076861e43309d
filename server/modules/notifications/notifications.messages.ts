import { defineMessages } from '../../../core/kernel/messages.ts';

/** The notifications module's server-generated text (the foundation's notification templates: accounts and sign-in), zh-CN and en. */
export const notificationsMessages = defineMessages('notifications', {
  'zh-CN': {
    'event.password_reset.label': '密码被管理员重置',
    'event.password_reset.title': '您的登录密码已被重置',
    'event.password_reset.body':
      '管理员 {admin} 于 {time} 重置了您的账号 {username} 的登录密码。请使用管理员告知的新密码登录，并在首次登录时修改密码。如非您本人申请，请立即联系系统管理员。',
    'event.lockout.label': '账号因多次登录失败被锁定',
    'event.lockout.title': '您的账号已被临时锁定',
    'event.lockout.body':
      '您的账号 {username} 在 {time} 因连续 {count} 次登录失败被锁定 {minutes} 分钟。如非您本人操作，请修改密码并联系系统管理员。',
  },
  en: {
    'event.password_reset.label': 'Password reset by an administrator',
    'event.password_reset.title': 'Your password was reset',
    'event.password_reset.body':
      'Administrator {admin} reset the password of your account {username} at {time}. Sign in with the new password you were given and change it at first sign-in. If you did not ask for this, contact your administrator at once.',
    'event.lockout.label': 'Account locked after failed sign-ins',
    'event.lockout.title': 'Your account was locked',
    'event.lockout.body':
      'Your account {username} was locked for {minutes} minutes at {time} after {count} failed sign-ins. If this was not you, change your password and contact your administrator.',
  },
});
