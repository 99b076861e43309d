import { HomeOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { workspaceContract } from '../../../../core/workspace/workspace.contract.ts';

/** 工作台: where everyone lands after signing in. */
export const workspaceModule: WebModule<typeof workspaceContract> = defineWebModule({
  name: 'workspace',
  routes: [{ path: '/', page: lazyPage(() => import('./pages/workspace-page.tsx'), 'WorkspacePage') }],
  nav: [{ section: 'work', path: '/', labelKey: 'workspace.nav', icon: <HomeOutlined /> }],
});
