import { callJson } from './spawn-server.ts';

/**
 * Something a reliability test can write through the public API and read back by name:
 * departments (POST /api/departments) once that route exists, personal API tokens
 * (POST /api/auth/tokens) before.
 */
export type RecordKind = 'department' | 'token';

const PATHS: Record<RecordKind, string> = { department: '/api/departments', token: '/api/auth/tokens' };

/** Picks departments when the running server documents POST /api/departments. */
export async function recordKind(url: string): Promise<RecordKind> {
  const res = await fetch(`${url}/api/openapi.json`);
  if (res.status !== 200) return 'token';
  const doc = (await res.json()) as { paths?: Record<string, Record<string, unknown>> };
  return doc.paths?.['/api/departments']?.post ? 'department' : 'token';
}

/** Creates one record; a 200 means the server acknowledged (committed) it. */
export async function createRecord(url: string, cookie: string, kind: RecordKind, name: string): Promise<number> {
  const res = await callJson(url, 'POST', PATHS[kind], cookie, { name });
  return res.status;
}

/** Names of every record of the kind the admin can see. */
export async function recordNames(url: string, cookie: string, kind: RecordKind): Promise<Set<string>> {
  const res = await callJson(url, 'GET', PATHS[kind], cookie);
  if (res.status !== 200 || !Array.isArray(res.body)) throw new Error(`GET ${PATHS[kind]}: ${res.status} ${JSON.stringify(res.body)}`);
  return new Set((res.body as Array<{ name: string }>).map((r) => r.name));
}
