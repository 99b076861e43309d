import { defineContract } from '../contract.ts';
import { WorkspaceView } from './workspace.schema.ts';

/** The workspace (工作台): what the signed-in user has to do now. */
export const workspaceContract = defineContract('workspace', {
  get: {
    method: 'GET',
    path: '/workspace',
    summary: '工作台 Workspace',
    access: 'authenticated',
    response: WorkspaceView,
  },
});
