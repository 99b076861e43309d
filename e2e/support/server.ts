import path from 'node:path';
import { REPO_ROOT, SPAWN_ADMIN_PASSWORD } from '../../server/test-support/spawn-server.ts';

export const ADMIN_USERNAME = 'admin';
export const ADMIN_PASSWORD = SPAWN_ADMIN_PASSWORD;
/** the build under test; `WEB_DIST` lets parallel work build into separate folders */
export const WEB_DIST = process.env.WEB_DIST ? path.resolve(process.env.WEB_DIST) : path.join(REPO_ROOT, 'web/dist');

// The server itself is started by useE2eEnvironment (environment.ts), once per spec.
