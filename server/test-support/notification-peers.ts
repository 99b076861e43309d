import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/** A real SMTP server (smtp-server) on a free local port that keeps every message it receives. */
export interface SmtpPeer {
  port: number;
  mails: ParsedMail[];
  /** raw RFC 5322 text of each message, to check the header encoding */
  raw: string[];
  close(): Promise<void>;
}

export async function startSmtpPeer(): Promise<SmtpPeer> {
  const mails: ParsedMail[] = [];
  const raw: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const buf = Buffer.concat(chunks);
        raw.push(buf.toString('utf8'));
        simpleParser(buf).then(
          (m) => {
            mails.push(m);
            callback();
          },
          (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, raw, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface HookRequest {
  url: string;
  body: Record<string, unknown>;
}

/** A local HTTP server standing in for a WeCom / DingTalk robot webhook. */
export interface HookPeer {
  url: string;
  requests: HookRequest[];
  /** HTTP status to answer with (200 answers `{errcode:0}`) */
  status: number;
  close(): Promise<void>;
}

export async function startHookPeer(): Promise<HookPeer> {
  const peer: HookPeer = { url: '', requests: [], status: 200, close: async () => undefined };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        body = { unparsable: true };
      }
      peer.requests.push({ url: req.url ?? '', body });
      res.statusCode = peer.status;
      res.setHeader('content-type', 'application/json');
      res.end(peer.status === 200 ? '{"errcode":0,"errmsg":"ok"}' : '{"errcode":-1,"errmsg":"system busy"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  peer.url = `http://127.0.0.1:${port}/cgi-bin/webhook/send?key=0123456789abcdef`;
  peer.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return peer;
}
