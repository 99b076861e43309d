import { defineContract } from '../contract.ts';
import { IdParams } from './project-fields.schema.ts';
import { MemberBody, MemberQuery, PersonBody, PresalesLeadBody, ProjectDetail, TeamView } from './projects.schema.ts';

const update = { permission: 'project.update' } as const;

/** The project team (seed 002): the presales lead, members with project roles, the monitor and the project manager. */
export const projectTeamContract = defineContract('projects', {
  assignPresalesLead: {
    method: 'POST',
    path: '/projects/:id/presales-lead',
    summary: '指派售前负责人 Assign the presales lead',
    access: { permission: 'project.assign' },
    params: IdParams,
    body: PresalesLeadBody,
    response: ProjectDetail,
  },
  team: {
    method: 'GET',
    path: '/projects/:id/members',
    summary: '项目组 Team',
    access: { permission: 'project.read' },
    params: IdParams,
    response: TeamView,
  },
  addMember: {
    method: 'POST',
    path: '/projects/:id/members',
    summary: '加入项目组 Add a member',
    access: update,
    params: IdParams,
    body: MemberBody,
    response: TeamView,
  },
  removeMember: {
    method: 'DELETE',
    path: '/projects/:id/members',
    summary: '移出项目组 Remove a member role',
    access: update,
    params: IdParams,
    query: MemberQuery,
    response: TeamView,
  },
  setMonitor: {
    method: 'PUT',
    path: '/projects/:id/monitor',
    summary: '设置项目监控人 Set the monitor',
    access: update,
    params: IdParams,
    body: PersonBody,
    response: ProjectDetail,
  },
  setManager: {
    method: 'PUT',
    path: '/projects/:id/manager',
    summary: '设置项目经理 Set the project manager',
    access: update,
    params: IdParams,
    body: PersonBody,
    response: ProjectDetail,
  },
});
