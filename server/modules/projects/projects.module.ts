import { meetingsContract } from '../../../core/projects/meetings.contract.ts';
import { PROJECT_DEFAULT_GRANTS, PROJECT_PERMISSIONS } from '../../../core/projects/projects.permissions.ts';
import { projectTeamContract } from '../../../core/projects/project-team.contract.ts';
import { projectWorkflowContract } from '../../../core/projects/project-workflow.contract.ts';
import { projectsContract } from '../../../core/projects/projects.contract.ts';
import { savedViewsContract } from '../../../core/projects/saved-views.contract.ts';
import { defineModule } from '../define-module.ts';
import { meetingsRoutes } from './meetings.routes.ts';
import { PROJECT_APPROVAL_PROCESSES } from './project-approval-processes.ts';
import { projectApprovalSubject } from './project-approval-subject.ts';
import { PROJECT_DEADLINE_POLICIES } from './project-deadlines.ts';
import { PROJECT_EVENT_TYPES } from './project-events.ts';
import { refreshProjectSearchText } from './project-search-text.ts';
import { projectTeamRoutes } from './project-team.routes.ts';
import { projectWorkflowRoutes } from './project-workflow.routes.ts';
import { projectsMessages } from './projects.messages.ts';
import { projectsRoutes } from './projects.routes.ts';
import { savedViewsRoutes } from './saved-views.routes.ts';

/**
 * Presales projects (商机 / 项目, PRODUCT.md §2, §3.3): the approval subject "project" with its
 * four processes (go/no-go, registration 立项, revenue-split exception, special commercial
 * handling), the notification event types, the deadline policies (registration approval,
 * assigning the presales lead, action items), and at start-up the search text of projects
 * stored by an earlier release rewritten in today's form.
 */
export const projectsModule = defineModule({
  name: 'projects',
  permissions: PROJECT_PERMISSIONS,
  defaultGrants: PROJECT_DEFAULT_GRANTS,
  contracts: [projectsContract, projectWorkflowContract, projectTeamContract, meetingsContract, savedViewsContract],
  routes: (api, services) => {
    projectsRoutes(api, services);
    projectWorkflowRoutes(api, services);
    projectTeamRoutes(api, services);
    meetingsRoutes(api, services);
    savedViewsRoutes(api, services);
  },
  messages: projectsMessages,
  eventTypes: PROJECT_EVENT_TYPES,
  approvalSubjects: [projectApprovalSubject],
  approvalProcesses: PROJECT_APPROVAL_PROCESSES,
  deadlinePolicies: PROJECT_DEADLINE_POLICIES,
  setup: async (db) => {
    await refreshProjectSearchText(db);
  },
});
