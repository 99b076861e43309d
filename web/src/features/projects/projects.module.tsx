import { CarryOutOutlined, ProjectOutlined } from '@ant-design/icons';
import { defineWebModule, lazyPage } from '../../app/web-module.ts';

/** 商机与项目 (kanban, table, the project page, new opportunity) and 我的待办. */
export const projectsModule = defineWebModule({
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
