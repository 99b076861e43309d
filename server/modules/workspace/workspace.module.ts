import { workspaceContract } from '../../../core/workspace/workspace.contract.ts';
import { defineModule } from '../define-module.ts';
import { workspaceRoutes } from './workspace.routes.ts';

/**
 * The workspace (工作台), the page everyone lands on: my tasks, approvals waiting for me, my
 * deadlines, my open projects with their next step, recent notifications. It only reads other
 * modules' records; it registers nothing.
 */
export const workspaceModule = defineModule({
  name: 'workspace',
  contracts: [workspaceContract],
  routes: workspaceRoutes,
});
