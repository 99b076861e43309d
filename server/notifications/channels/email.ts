import nodemailer from 'nodemailer';
import type { EmailSettings } from '../settings.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Sends one e-mail over the configured SMTP server. nodemailer encodes non-ASCII subjects and
 * bodies (RFC 2047 / quoted-printable), so Chinese subjects arrive intact.
 */
export async function sendMail(cfg: EmailSettings, msg: MailMessage): Promise<void> {
  if (!cfg.host || !cfg.from) throw new Error('SMTP is not configured');
  const transport = nodemailer.createTransport({
    host: cfg.host,
    port: cfg.port,
    secure: cfg.secure,
    auth: cfg.user ? { user: cfg.user, pass: cfg.password } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({ from: cfg.from, to: msg.to, subject: msg.subject, text: msg.text, html: msg.html });
  } finally {
    transport.close();
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const FOOTER = {
  'zh-CN': { view: '查看详情', auto: '此邮件由 Bidflow 售前项目管理系统自动发送，请勿直接回复。' },
  en: { view: 'Open in Bidflow', auto: 'Sent automatically by Bidflow; please do not reply.' },
} as const;

/** The text and HTML parts of a notification e-mail. */
export function composeMail(
  to: string,
  content: { title: string; body: string; link: string | null; locale: 'zh-CN' | 'en'; major: boolean },
): MailMessage {
  const f = FOOTER[content.locale];
  const prefix = content.major ? (content.locale === 'en' ? '[Important] ' : '【重要】') : '';
  const subject = `${prefix}${content.title}`;
  const text = [content.body, content.link ? `\n${f.view}: ${content.link}` : '', `\n--\n${f.auto}`].join('\n');
  const paragraphs = content.body
    .split(/\n+/)
    .map((p) => `<p style="margin:0 0 12px">${escapeHtml(p)}</p>`)
    .join('');
  const button = content.link
    ? `<p style="margin:20px 0"><a href="${escapeHtml(content.link)}" style="background:#1677ff;color:#fff;padding:8px 16px;border-radius:6px;text-decoration:none">${f.view}</a></p>`
    : '';
  const html =
    `<!doctype html><html><body style="font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#1f1f1f;line-height:1.6">` +
    `<h2 style="font-size:18px;margin:0 0 16px">${escapeHtml(subject)}</h2>${paragraphs}${button}` +
    `<hr style="border:none;border-top:1px solid #eee;margin:24px 0 12px"><p style="color:#8c8c8c;font-size:12px">${escapeHtml(f.auto)}</p></body></html>`;
  return { to, subject, text, html };
}
