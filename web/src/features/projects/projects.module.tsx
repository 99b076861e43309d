import { CarryOutOutlined, ProjectOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage, type WebModule } from '../../app/web-module.ts';
import type { projectsContract } from '../../../../core/projects/projects.contract.ts';
import type { projectWorkflowContract } from '../../../../core/projects/project-workflow.contract.ts';
import type { projectTeamContract } from '../../../../core/projects/project-team.contract.ts';
import type { meetingsContract } from '../../../../core/projects/meetings.contract.ts';
import type { savedViewsContract } from '../../../../core/projects/saved-views.contract.ts';

/** 商机与项目 (kanban, table, the project page, new opportunity) and 我的待办. */
export const projectsModule: WebModule<
  | typeof projectsContract
  | typeof projectWorkflowContract
  | typeof projectTeamContract
  | typeof meetingsContract
  | typeof savedViewsContract
> = defineWebModule({
  name: 'projects',
  routes: [
    { path: '/tasks', page: lazyPage(() => import('./pages/my-tasks-page.tsx'), 'MyTasksPage') },
    { path: '/projects', page: lazyPage(() => import('./pages/projects-page.tsx'), 'ProjectsPage'), permission: 'project.read' },
    { path: '/projects/new', page: lazyPage(() => import('./pages/project-new-page.tsx'), 'ProjectNewPage'), permission: 'project.create' },
    { path: '/projects/:id', page: lazyPage(() => import('./pages/project-page.tsx'), 'ProjectPage'), permission: 'project.read' },
  ],
  nav: [
    { section: 'work', path: '/tasks', labelKey: 'projects.navTasks', icon: <CarryOutOutlined /> },
    { section: 'projects', path: '/projects', labelKey: 'projects.nav', icon: <ProjectOutlined />, permission: 'project.read' },
  ],
});
