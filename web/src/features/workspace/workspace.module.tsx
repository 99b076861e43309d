import { HomeOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/web-module.ts';

/** 工作台: where everyone lands after signing in. */
export const workspaceModule = defineWebModule({
  name: 'workspace',
  routes: [{ path: '/', page: lazyPage(() => import('./pages/workspace-page.tsx'), 'WorkspacePage') }],
  nav: [{ section: 'work', path: '/', labelKey: 'workspace.nav', icon: <HomeOutlined /> }],
});
