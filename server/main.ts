import { runMain } from './start.ts';

await runMain();
