import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  REPO_ROOT, SPAWN_ADMIN_PASSWORD, removeTempDir, spawnServer, tempDir,
} from '../../server/test-support/spawn-server.ts';

export const ADMIN_USERNAME = 'admin';
export const ADMIN_PASSWORD = SPAWN_ADMIN_PASSWORD;
/** the build under test; `WEB_DIST` lets parallel work build into separate folders */
export const WEB_DIST = process.env.WEB_DIST ? path.resolve(process.env.WEB_DIST) : path.join(REPO_ROOT, 'web/dist');

export interface E2eServer {
  /** http://127.0.0.1:<port> */
  url: string;
  stop(): Promise<void>;
}

/**
 * The real server (`node --import tsx server/main.ts`) on a free port with a fresh, empty
 * DATA_DIR, serving the built web app; resolves once /api/health answers. `stop()` ends it and
 * deletes the data.
 */
export async function startServer(): Promise<E2eServer> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`${WEB_DIST}/index.html not found: run npm run build first`);
  }
  const dataDir = tempDir('bidflow-e2e-');
  const server = await spawnServer({ DATA_DIR: dataDir, WEB_DIST, ADMIN_PASSWORD });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      removeTempDir(dataDir);
    },
  };
}
