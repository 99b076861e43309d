import { closeSync, existsSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirLockedError extends Error {}

interface Holder {
  pid: number;
  host: string;
  startedAt: string;
  command: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded database may be opened by one process only. Takes `<dataDir>/bidflow.lock`
 * (exclusive create); a live holder makes this throw naming it; a stale lock from a crashed
 * process is taken over. Returns the release function.
 */
export function acquireDataDirLock(dataDir: string, command = process.argv.slice(1).join(' ')): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'bidflow.lock');
  const me: Holder = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), command };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const cur = JSON.parse(readFileSync(file, 'utf8')) as Holder;
          if (cur.pid === process.pid) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let holder: Holder | null = null;
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as Holder;
      } catch {
        holder = null;
      }
      if (holder && holder.host === os.hostname() && alive(holder.pid) && holder.pid !== process.pid) {
        throw new DataDirLockedError(
          `The data folder ${dataDir} is in use by another Bidflow process (pid ${holder.pid}, started ${holder.startedAt}: ${holder.command}). ` +
            `Stop that process first, or use another DATA_DIR.\n数据目录 ${dataDir} 正被另一个 Bidflow 进程使用（进程号 ${holder.pid}）。请先停止该进程，或指定其他 DATA_DIR。`,
        );
      }
      if (holder && holder.host !== os.hostname()) {
        throw new DataDirLockedError(
          `The data folder ${dataDir} is locked by host ${holder.host} (pid ${holder.pid}). If that host no longer uses it, delete ${file}.`,
        );
      }
      // stale lock from a process that is gone
      if (existsSync(file)) unlinkSync(file);
    }
  }
  throw new DataDirLockedError(`Could not lock ${file}`);
}
