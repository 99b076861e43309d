/**
 * A small closed-loop load driver: N simulated users each send the next request as soon as the
 * previous one answers, for a fixed duration; exact latency percentiles from all samples.
 * Only ever targets the loopback address of a server this benchmark started itself.
 */
export interface LoadResult {
  name: string;
  requests: number;
  errors: number;
  /** answers with one of the spec's `conflictStatus` (e.g. 409): neither a success nor an error */
  conflicts: number;
  seconds: number;
  rps: number;
  /** successful answers per second */
  okRps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface LoadSpec {
  name: string;
  /** builds the request for the i-th call of a user; null = this user has nothing more to send */
  request: (user: number, i: number) => { method: string; path: string; body?: unknown } | null;
  okStatus?: number[];
  conflictStatus?: number[];
  /** told each answer (status and body), before the same user's next request is built */
  onAnswer?: (user: number, status: number, body: ArrayBuffer) => void;
}

function pct(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)] ?? 0;
}

export async function runLoad(
  base: string,
  cookies: string[],
  spec: LoadSpec,
  opts: { concurrency: number; durationMs: number; maxRequests?: number; shouldStop?: () => boolean },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let conflicts = 0;
  let sent = 0;
  const started = performance.now();
  const deadline = started + opts.durationMs;
  const limit = opts.maxRequests ?? 1_000_000;
  let firstError = '';
  const worker = async (u: number) => {
    let i = 0;
    while (performance.now() < deadline && sent < limit && !opts.shouldStop?.()) {
      const req = spec.request(u, i++);
      if (!req) return;
      sent++;
      const { method, path, body } = req;
      const t0 = performance.now();
      try {
        const res = await fetch(base + path, {
          method,
          headers: {
            cookie: cookies[u % cookies.length] ?? '',
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          },
          body: body !== undefined ? JSON.stringify(body) : undefined,
        });
        const answer = await res.arrayBuffer();
        spec.onAnswer?.(u, res.status, answer);
        if (spec.conflictStatus?.includes(res.status)) {
          conflicts++;
        } else if (!(spec.okStatus ?? [200]).includes(res.status)) {
          errors++;
          if (!firstError) firstError = `${res.status} ${method} ${path} ${Buffer.from(answer).toString('utf8').slice(0, 300)}`;
        }
      } catch (e) {
        errors++;
        if (!firstError) firstError = String(e);
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, (_, u) => worker(u)));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  if (firstError) process.stderr.write(`  ${spec.name}: first error ${firstError}\n`);
  return {
    name: spec.name,
    requests: latencies.length,
    errors,
    conflicts,
    seconds,
    rps: latencies.length / seconds,
    okRps: (latencies.length - errors - conflicts) / seconds,
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    max: latencies[latencies.length - 1] ?? 0,
  };
}

export function formatTable(rows: LoadResult[]): string {
  const head = '| endpoint | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|---:|---:|';
  const body = rows
    .map(
      (r) =>
        `| ${r.name} | ${r.requests} | ${r.errors} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} |`,
    )
    .join('\n');
  return `${head}\n${body}`;
}
