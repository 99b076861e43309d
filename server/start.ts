import { loadConfig, ConfigError, type Config } from './config.ts';
import { MigrationError, openDatabase, type Database } from './db/client.ts';
import { acquireDataDirLock, DataDirLockedError } from './db/data-dir-lock.ts';
import {
  checkPgliteDataDir,
  DamagedDataError,
  isSealed,
  pgDataDir,
  probeAllTables,
  rememberStartFiles,
  removeSeal,
  restoreHelp,
  writeSeal,
} from './db/pglite-check.ts';
import type { App } from './app.ts';

/** A database opened for this process; `close` also seals and unlocks an embedded data folder. */
export interface OpenedDatabase {
  database: Database;
  /**
   * Closes the connection; for PGlite then records the seal and releases the data-dir lock
   * (unless `keepLock`: backup/restore keep the folder to themselves after closing).
   */
  close(opts?: { keepLock?: boolean }): Promise<void>;
  /** releases the data-dir lock (PGlite; no-op on PostgreSQL) */
  release(): void;
}

/** Tools that only inspect data (audit:verify, restore) must not create an empty database. */
export class NoDatabaseError extends Error {}

export interface OpenConfiguredOptions {
  /** refuse instead of creating a new embedded database when DATA_DIR holds none */
  mustExist?: boolean;
}

/**
 * Opens the configured database: PostgreSQL when DATABASE_URL is set, else PGlite in
 * DATA_DIR. An embedded folder is locked to this process, checked before opening and
 * read through once after, so damage stops the start instead of surfacing later.
 */
export async function openConfiguredDatabase(config: Config, options: OpenConfiguredOptions = {}): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    const database = await openDatabase({ url: config.databaseUrl });
    return { database, close: () => database.close(), release: () => undefined };
  }
  const dataDir = config.dataDir;
  const release = acquireDataDirLock(dataDir);
  let state: 'new' | 'existing';
  try {
    state = checkPgliteDataDir(dataDir);
  } catch (e) {
    release();
    throw e;
  }
  if (state === 'new' && options.mustExist) {
    release();
    throw new NoDatabaseError(`No Bidflow database in ${pgDataDir(dataDir)} (DATA_DIR=${dataDir}). 该目录中没有 Bidflow 数据库。`);
  }
  const undo = state === 'existing' && isSealed(dataDir) ? rememberStartFiles(dataDir) : null;
  let migrating = false;
  let database: Database;
  try {
    database = await openDatabase({
      dataDir: pgDataDir(dataDir),
      beforeMigrate: async (db) => {
        if (state === 'existing') await probeAllTables(db);
        migrating = true;
      },
    });
  } catch (e) {
    try {
      if (migrating) {
        // The folder is fine but a migration ran (and rolled back): it is no longer as sealed,
        // and the next start recovers it from the WAL like after a crash.
        removeSeal(dataDir);
      } else {
        // Deliberately not closed: a clean close would checkpoint into the damaged folder.
        undo?.();
      }
    } finally {
      release();
    }
    if (state === 'existing' && !migrating) throw new DamagedDataError(`${restoreHelp(dataDir)}\nCause / 原因: ${errorText(e)}`);
    throw e;
  }
  removeSeal(dataDir);
  let closed = false;
  return {
    database,
    release,
    close: async (opts) => {
      if (closed) return;
      closed = true;
      try {
        await database.close();
        writeSeal(dataDir);
      } finally {
        if (!opts?.keepLock) release();
      }
    },
  };
}

function errorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const cause = (e as { cause?: unknown }).cause;
  // Drizzle wraps driver errors as "Failed query: <sql>"; the driver's own message says more.
  if (cause instanceof Error && e.message.startsWith('Failed query')) return cause.message;
  return cause instanceof Error && cause.message !== e.message ? `${e.message} (${cause.message})` : e.message;
}

export interface RunningServer {
  app: App;
  config: Config;
  /** stops accepting, lets in-flight requests and running jobs finish, closes the database, releases the lock */
  stop(): Promise<void>;
}

/** Opens the database, creates the first administrator on an empty one, and listens. */
export async function startServer(config: Config, out: NodeJS.WritableStream = process.stdout): Promise<RunningServer> {
  // Loaded only now, so a refused start (bad configuration, locked or damaged folder) exits fast.
  const modules = Promise.all([import('./commands/bootstrap.ts'), import('./app.ts')]);
  modules.catch(() => undefined); // a failure surfaces below, when awaited
  const opened = await openConfiguredDatabase(config);
  const { database } = opened;
  let app: App;
  try {
    const [{ bootstrap }, { buildApp }] = await modules;
    const boot = await bootstrap(database.db, new Date(), config.adminPassword);
    if (boot.createdAdmin) out.write(adminBanner(boot.generatedPassword));
    app = await buildApp({ database, config });
    if (process.env.BIDFLOW_TEST_SUBJECTS === '1')
      await (await import('./test-support/approval-test-subject.ts')).installApprovalTestSubjects(app, database, config);
  } catch (e) {
    await opened.close().catch(() => undefined);
    throw e;
  }
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    await app.close().catch(() => undefined);
    await opened.close().catch(() => undefined);
    throw new ListenError(`Cannot listen on ${config.host}:${config.port} (PORT/HOST): ${errorText(e)}`);
  }
  // Background jobs (deadline sweeps, notification outbox) run in every instance; the queue is in the database.
  const [{ startJobRunner }, { installModules }] = await Promise.all([import('./jobs/runner.ts'), import('./modules/install.ts')]);
  installModules(); // the modules' jobs and schedules (already done by buildApp; once per process)
  const runner = startJobRunner({ db: database.db, clock: () => new Date() });
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`;
  out.write(`Bidflow listening on http://localhost:${config.port} — database: ${where} (pid ${process.pid})\n`);
  let stopping: Promise<void> | null = null;
  return {
    app,
    config,
    stop: () => {
      stopping ??= (async () => {
        try {
          await drainArrivals(app);
          const [closed] = await Promise.allSettled([app.close(), runner.stop()]);
          if (closed.status === 'rejected') throw closed.reason;
        } finally {
          await opened.close();
        }
      })();
      return stopping;
    },
  };
}

export class ListenError extends Error {}

/**
 * Requests a client already sent may still wait unread in the kernel (PGlite queries run on
 * this thread and hold the event loop, so accepting and parsing lag behind). Closing now
 * would reset those connections. Keep serving until an I/O poll brings nothing new (at most
 * `maxMs`), so everything sent before the signal is in flight and gets its answer.
 */
async function drainArrivals(app: App, maxMs = 2000): Promise<void> {
  let arrivals = 0;
  const count = () => {
    arrivals++;
  };
  app.server.on('connection', count);
  app.server.on('request', count);
  const deadline = Date.now() + maxMs;
  let seen = -1;
  try {
    while (Date.now() < deadline && arrivals !== seen) {
      seen = arrivals;
      await new Promise((resolve) => setTimeout(resolve, 50));
      // timers run before the poll phase; setImmediate runs after it, once sockets were read
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    app.server.off('connection', count);
    app.server.off('request', count);
  }
}

function adminBanner(generatedPassword: string | null): string {
  if (!generatedPassword) return 'First administrator "admin" created with ADMIN_PASSWORD.\n';
  return [
    '',
    '================================================================',
    ' 首个管理员已创建 / First administrator created',
    '   用户名 user name: admin',
    `   初始密码 password: ${generatedPassword}`,
    ' 该密码只显示这一次，首次登录后必须修改。',
    ' This password is shown only once and must be changed at first login.',
    '================================================================',
    '',
  ].join('\n');
}

function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

/** Operator-facing errors print their message alone; anything else also names the step. */
function startupFailure(e: unknown): string {
  if (
    e instanceof ConfigError ||
    e instanceof DataDirLockedError ||
    e instanceof DamagedDataError ||
    e instanceof ListenError ||
    e instanceof MigrationError ||
    e instanceof NoDatabaseError
  ) {
    return e.message;
  }
  return `Bidflow could not start: ${errorText(e)}`;
}

const SHUTDOWN_TIMEOUT_MS = 15_000;

/**
 * The process entry: configuration from the environment, start, and a graceful stop on
 * SIGTERM/SIGINT (stop accepting, finish in-flight requests, close the database, release the
 * lock, exit 0). A second signal, or a stop that hangs, exits 1 at once.
 */
export async function runMain(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    fail(startupFailure(e));
  }
  let server: RunningServer | null = null;
  let signalled: NodeJS.Signals | null = null;
  const stopOn = (signal: NodeJS.Signals, running: RunningServer) => {
    running.app.log.info(`${signal}: no new requests; finishing in-flight ones and running jobs, then closing the database`);
    const timer = setTimeout(() => {
      process.stderr.write(`Shutdown took longer than ${SHUTDOWN_TIMEOUT_MS / 1000} s; exiting.\n`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    running.stop().then(
      () => {
        process.stdout.write(`Bidflow stopped (${signal}).\n`);
        process.exit(0);
      },
      (e: unknown) => {
        process.stderr.write(`Shutdown failed: ${errorText(e)}\n`);
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      process.stderr.write(`${signal} again: exiting without waiting.\n`);
      process.exit(1);
    }
    signalled = signal;
    if (server) stopOn(signal, server); // else: still starting; stop as soon as it is up
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    server = await startServer(config);
  } catch (e) {
    fail(startupFailure(e));
  }
  if (signalled) stopOn(signalled, server);
}
