/**
 * Markdown report of the projects benchmark: machine, command, data set, seeding times, the
 * load table with the goals of issue 5, the overhead ratios, the import and the server memory.
 */
import os from 'node:os';
import type { LoadResult } from './load.ts';
import type { Dataset } from './dataset.ts';

export interface EndpointResult {
  key: string;
  kind: 'read' | 'write';
  load: LoadResult | null;
  /** why it did not run (e.g. the route answered 404) */
  skipped: string | null;
  /** users (distinct accounts) behind the simulated users */
  accounts: number;
  /** overhead ratio inputs (read endpoints with an in-process query function) */
  directP50: number | null;
  httpP50: number | null;
}

export interface ImportRun {
  previewStatus: number;
  previewSeconds: number;
  commitStatus: number;
  commitSeconds: number | null;
  imported: number | null;
  note: string | null;
}

export interface ImportResult {
  rows: number;
  /** the import with nobody else on the server */
  alone: ImportRun | null;
  /** a second file of the same size while simulated users read the project list */
  withReaders: ImportRun | null;
  note: string | null;
  readerBefore: LoadResult | null;
  readerDuring: LoadResult | null;
}

export interface EngineReport {
  engine: 'pglite' | 'postgres';
  label: string;
  dataset: Dataset;
  endpoints: EndpointResult[];
  importResult: ImportResult | null;
  /** once the server answers, before any load */
  rssStartMb: number;
  rssPeakMb: number;
  rssEndMb: number;
  hwmMb: number;
  serverStartSeconds: number;
  loadAvg: { before: number[]; after: number[] };
  concurrency: number;
  seconds: number;
  directRuns: number;
}

export function machineLine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

const f1 = (n: number) => n.toFixed(1);
const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

/** Goals of issue 5 for one engine: p95 ceilings and the overhead ratio. */
function goalFor(engine: 'pglite' | 'postgres', kind: 'read' | 'write'): number | null {
  if (engine === 'postgres') return kind === 'read' ? 50 : 100;
  return kind === 'read' ? 100 : null;
}

export function renderReport(r: EngineReport, command: string, date: Date): string {
  const out: string[] = [];
  const ds = r.dataset;
  out.push(`## ${r.label} — ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  out.push('');
  out.push(`- Command: \`${command}\``);
  out.push(`- Machine: ${machineLine()}; load average (1/5/15 min) before ${loads(r.loadAvg.before)}, after ${loads(r.loadAvg.after)}`);
  out.push(
    `- Data: ${ds.sizes.customers.toLocaleString('en')} customers (${ds.sizes.projectCustomers.toLocaleString('en')} with projects), ` +
      `${ds.sizes.contacts.toLocaleString('en')} contacts, ${ds.sizes.partners.toLocaleString('en')} partners, ${ds.sizes.leads.toLocaleString('en')} leads, ` +
      `${ds.sizes.projects.toLocaleString('en')} projects, ${ds.sizes.activities.toLocaleString('en')} activities, ${ds.users.length} users; seeded in ${f1(ds.totalSeconds)} s`,
  );
  out.push(
    `- Load: ${r.concurrency} simulated users (closed loop), ${r.seconds} s per endpoint; overhead ratio from ${r.directRuns} sequential runs each way`,
  );
  out.push(
    `- Server start (migrations check, read-through) ${f1(r.serverStartSeconds)} s; server RSS after start ${r.rssStartMb.toFixed(0)} MB, peak ${r.rssPeakMb.toFixed(0)} MB (VmHWM ${r.hwmMb.toFixed(0)} MB), at the end ${r.rssEndMb.toFixed(0)} MB` +
      (r.engine === 'postgres' ? ` — goal ≤ 250 MB: ${r.hwmMb <= 250 ? 'met' : 'NOT met'}` : ''),
  );
  out.push('');
  if (r.endpoints.length) {
    out.push('| endpoint | accounts | requests | errors | 409 | ok req/s | p50 ms | p95 ms | p99 ms | max ms | p95 goal |');
    out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  }
  for (const e of r.endpoints) {
    if (!e.load) {
      out.push(`| ${e.key} | | | | | | | | | | skipped: ${e.skipped ?? '—'} |`);
      continue;
    }
    const l = e.load;
    const goal = goalFor(r.engine, e.kind);
    const verdict = goal === null ? '—' : `≤ ${goal}: ${l.p95 <= goal ? 'met' : 'NOT met'}`;
    out.push(
      `| ${l.name} | ${e.accounts} | ${l.requests} | ${l.errors} | ${l.conflicts} | ${l.okRps.toFixed(0)} | ${f1(l.p50)} | ${f1(l.p95)} | ${f1(l.p99)} | ${f1(l.max)} | ${verdict} |`,
    );
  }
  const ratios = r.endpoints.filter((e) => e.directP50 !== null && e.httpP50 !== null);
  if (ratios.length) {
    out.push('');
    out.push(
      'Overhead ratio: median of the endpoint over HTTP, one request at a time, divided by the median of the same query function called in-process (same users, same parameters). The last column divides the median under load by the same in-process median.',
    );
    out.push('');
    out.push('| endpoint | in-process p50 ms | HTTP p50 ms (1 user) | ratio (goal ≤ 1.5) | HTTP p50 at load / in-process |');
    out.push('|---|---:|---:|---:|---:|');
    for (const e of ratios) {
      const d = e.directP50 ?? 0;
      const h = e.httpP50 ?? 0;
      const ratio = d > 0 ? h / d : 0;
      const underLoad = e.load && d > 0 ? (e.load.p50 / d).toFixed(1) : '—';
      out.push(
        `| ${e.load?.name ?? e.key} | ${d.toFixed(2)} | ${h.toFixed(2)} | ${ratio.toFixed(2)} ${ratio <= 1.5 ? '(met)' : '(NOT met)'} | ${underLoad} |`,
      );
    }
  }
  const im = r.importResult;
  if (im) {
    out.push('');
    out.push(
      `Customer import (issue 4), ${im.rows.toLocaleString('en')} rows per file, preview then commit (all or nothing):${im.note ? ` ${im.note}` : ''}`,
    );
    out.push('');
    out.push('| run | preview s | commit s | total s | imported | note |');
    out.push('|---|---:|---:|---:|---:|---|');
    for (const [label, run] of [
      ['alone', im.alone],
      ['while users read', im.withReaders],
    ] as const) {
      if (!run) continue;
      const total = run.commitSeconds === null ? '—' : f1(run.previewSeconds + run.commitSeconds);
      out.push(
        `| ${label} | ${f1(run.previewSeconds)} (HTTP ${run.previewStatus}) | ${run.commitSeconds === null ? '—' : `${f1(run.commitSeconds)} (HTTP ${run.commitStatus})`} | ${total} | ${run.imported ?? '—'} | ${run.note ?? ''} |`,
      );
    }
    if (im.readerBefore && im.readerDuring) {
      out.push('');
      out.push(`Other users during the second import (${im.readerDuring.name}):`);
      out.push('');
      out.push('| reader | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |');
      out.push('|---|---:|---:|---:|---:|---:|---:|---:|');
      for (const [label, l] of [
        ['just before the import', im.readerBefore],
        ['during preview + commit', im.readerDuring],
      ] as const) {
        out.push(
          `| ${label} | ${l.requests} | ${l.errors} | ${l.okRps.toFixed(0)} | ${f1(l.p50)} | ${f1(l.p95)} | ${f1(l.p99)} | ${f1(l.max)} |`,
        );
      }
    }
  }
  out.push('');
  out.push('Seeding:');
  out.push('');
  out.push('| table | rows | seconds |');
  out.push('|---|---:|---:|');
  for (const t of ds.timings) out.push(`| ${t.table} | ${t.rows.toLocaleString('en')} | ${f1(t.seconds)} |`);
  out.push('');
  return out.join('\n');
}
