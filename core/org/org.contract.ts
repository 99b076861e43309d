import { z } from 'zod';
import { defineContract } from '../contract.ts';
import { VersionBody } from '../schemas/common.schema.ts';
import {
  CreateDepartmentBody,
  CreateRoleBody,
  CreateUserBody,
  DepartmentView,
  PermissionCatalogItem,
  ResetPasswordBody,
  RoleView,
  SetActiveBody,
  UpdateDepartmentBody,
  UpdateRoleBody,
  UpdateUserBody,
  UserListQuery,
  UserPage,
  UserView,
} from './org.schema.ts';

const IdParams = z.object({ id: z.string().uuid() });

/** User accounts: list and edit inside the manager's data scope, reset passwords, (de)activate, unlock. */
export const usersContract = defineContract('users', {
  list: {
    method: 'GET',
    path: '/users',
    summary: '用户列表 List users',
    access: { permission: 'user.read' },
    query: UserListQuery,
    response: UserPage,
  },
  get: {
    method: 'GET',
    path: '/users/:id',
    summary: '用户详情 Get a user',
    access: { permission: 'user.read' },
    params: IdParams,
    response: UserView,
  },
  create: {
    method: 'POST',
    path: '/users',
    summary: '新建用户 Create a user',
    access: { permission: 'user.manage' },
    body: CreateUserBody,
    response: UserView,
  },
  update: {
    method: 'PATCH',
    path: '/users/:id',
    summary: '修改用户 Update a user',
    access: { permission: 'user.manage' },
    params: IdParams,
    body: UpdateUserBody,
    response: UserView,
  },
  resetPassword: {
    method: 'POST',
    path: '/users/:id/reset-password',
    summary: '重置密码 Reset a password',
    access: { permission: 'user.manage' },
    params: IdParams,
    body: ResetPasswordBody,
    response: UserView,
  },
  setActive: {
    method: 'POST',
    path: '/users/:id/active',
    summary: '启用/停用 Activate or deactivate',
    access: { permission: 'user.manage' },
    params: IdParams,
    body: SetActiveBody,
    response: UserView,
  },
  unlock: {
    method: 'POST',
    path: '/users/:id/unlock',
    summary: '解锁 Unlock',
    access: { permission: 'user.manage' },
    params: IdParams,
    body: VersionBody,
    response: UserView,
  },
});

/** The department tree (listed flat): create, rename, move, set the head, (de)activate. */
export const departmentsContract = defineContract('departments', {
  list: {
    method: 'GET',
    path: '/departments',
    summary: '部门列表 List departments (flat)',
    access: { permission: 'department.read' },
    response: z.array(DepartmentView),
  },
  create: {
    method: 'POST',
    path: '/departments',
    summary: '新建部门 Create a department',
    access: { permission: 'department.manage' },
    body: CreateDepartmentBody,
    response: DepartmentView,
  },
  update: {
    method: 'PATCH',
    path: '/departments/:id',
    summary: '修改部门 Update a department',
    access: { permission: 'department.manage' },
    params: IdParams,
    body: UpdateDepartmentBody,
    response: DepartmentView,
  },
});

/** Roles are data: their data scope and row of the permission matrix; the capability catalog. */
export const rolesContract = defineContract('roles', {
  list: {
    method: 'GET',
    path: '/roles',
    summary: '角色列表 List roles',
    access: { permission: 'role.read' },
    response: z.array(RoleView),
  },
  permissions: {
    method: 'GET',
    path: '/permissions',
    summary: '权限目录 Permission catalog',
    access: { permission: 'role.read' },
    response: z.array(PermissionCatalogItem),
  },
  create: {
    method: 'POST',
    path: '/roles',
    summary: '新建角色 Create a role',
    access: { permission: 'role.manage' },
    body: CreateRoleBody,
    response: RoleView,
  },
  update: {
    method: 'PATCH',
    path: '/roles/:id',
    summary: '修改角色与权限 Update a role',
    access: { permission: 'role.manage' },
    params: IdParams,
    body: UpdateRoleBody,
    response: RoleView,
  },
});
