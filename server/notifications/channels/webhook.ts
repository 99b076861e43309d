import { createHmac } from 'node:crypto';

/** What a group robot posts: a title, a markdown body, and mobiles to @-mention (DingTalk). */
export interface RobotMessage {
  title: string;
  markdown: string;
  atMobiles: string[];
}

const TIMEOUT_MS = 10_000;
/** WeCom allows 4096 bytes of markdown; DingTalk 20000. Stay under the smaller. */
const MAX_BYTES = 4000;

function truncate(text: string): string {
  const buf = Buffer.from(text, 'utf8');
  if (buf.length <= MAX_BYTES) return text;
  return `${buf
    .subarray(0, MAX_BYTES - 3)
    .toString('utf8')
    .replace(/\uFFFD+$/, '')}…`;
}

async function post(url: string, body: unknown): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`webhook unreachable: ${cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e))}`);
  }
  const text = await res.text();
  if (!res.ok) throw new Error(`webhook answered HTTP ${res.status}: ${text.slice(0, 200)}`);
  // Both robots answer 200 with {errcode, errmsg}; errcode 0 is success.
  let parsed: { errcode?: unknown; errmsg?: unknown } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    throw new Error(`webhook answered something other than JSON: ${text.slice(0, 200)}`);
  }
  if (parsed.errcode !== 0)
    throw new Error(`webhook refused the message: errcode ${String(parsed.errcode)} ${String(parsed.errmsg ?? '')}`);
}

/** WeCom (企业微信) group robot: `{msgtype:'markdown', markdown:{content}}`. */
export async function sendWecom(webhookUrl: string, msg: RobotMessage): Promise<void> {
  await post(webhookUrl, { msgtype: 'markdown', markdown: { content: truncate(msg.markdown) } });
}

/** DingTalk's signature: base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)), URL-encoded. */
export function dingtalkSign(secret: string, timestamp: number): string {
  return encodeURIComponent(createHmac('sha256', secret).update(`${timestamp}\n${secret}`, 'utf8').digest('base64'));
}

/**
 * DingTalk (钉钉) group robot, markdown message; with a "加签" secret the URL carries `timestamp`
 * (milliseconds, real time: DingTalk refuses one older than an hour) and `sign`.
 */
export async function sendDingtalk(webhookUrl: string, secret: string, msg: RobotMessage, timestamp = Date.now()): Promise<void> {
  let url = webhookUrl;
  if (secret) url += `${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${dingtalkSign(secret, timestamp)}`;
  const mentions = msg.atMobiles.length ? `\n\n${msg.atMobiles.map((m) => `@${m}`).join(' ')}` : '';
  await post(url, {
    msgtype: 'markdown',
    markdown: { title: msg.title.slice(0, 100), text: truncate(`${msg.markdown}${mentions}`) },
    at: { atMobiles: msg.atMobiles, isAtAll: false },
  });
}
