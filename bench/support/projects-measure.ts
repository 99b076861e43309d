/**
 * Sequential timings of the projects benchmark's read endpoints — the query function called
 * in-process and the same request over HTTP, the two sides of the overhead ratio — and the
 * server's memory from /proc.
 */
import { readFileSync } from 'node:fs';
import type { Database } from '../../server/db/client.ts';
import { loadConfig } from '../../server/config.ts';
import type { Ctx } from '../../server/kernel/context.ts';
import type { Account } from './direct.ts';
import { at, type Endpoint } from './projects-scenarios.ts';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] ?? 0) : 0;
}

/** The in-process side of the overhead ratio: the query function itself, one call at a time. */
export async function measureDirect(db: Database['db'], ep: Endpoint, workers: Account[], runs: number): Promise<number | null> {
  if (!ep.direct || workers.length === 0) return null;
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const times: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const w = i % workers.length;
    const a = at(workers, w);
    const ctx: Ctx = { db, actor: a.actor, now: new Date(), config };
    const t0 = performance.now();
    await ep.direct(ctx, a, w, i);
    if (i >= 5) times.push(performance.now() - t0); // the first calls warm caches
  }
  return median(times);
}

/** The HTTP side: the same requests, one at a time. */
export async function measureHttpSequential(base: string, ep: Endpoint, workers: Account[], runs: number): Promise<number | null> {
  const times: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const w = i % workers.length;
    const a = at(workers, w);
    const req = ep.request(a, w, i);
    if (!req) break;
    const t0 = performance.now();
    const res = await fetch(base + req.path, {
      method: req.method,
      headers: { cookie: a.cookie, ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
    });
    await res.arrayBuffer();
    if (i >= 5) times.push(performance.now() - t0);
  }
  return times.length ? median(times) : null;
}

// ---------------------------------------------------------------- server memory

export function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
