import { z } from 'zod';
import { defineContract } from '../contract.ts';
import { OkBody } from '../schemas/common.schema.ts';
import {
  ApiTokenView,
  ChangePasswordBody,
  CreateApiTokenBody,
  CreatedApiToken,
  LoginBody,
  MeResponse,
  PasswordPolicyResponse,
  UpdateProfileBody,
} from './auth.schema.ts';

const IdParams = z.object({ id: z.string().uuid() });

/** Signing in and out, the signed-in user's own account (password, profile) and personal API tokens. */
export const authContract = defineContract('auth', {
  login: {
    method: 'POST',
    path: '/auth/login',
    summary: '登录 Sign in',
    access: 'public',
    body: LoginBody,
    response: MeResponse,
  },
  logout: {
    method: 'POST',
    path: '/auth/logout',
    summary: '退出登录 Sign out',
    access: 'authenticated',
    allowPendingPasswordChange: true,
    response: OkBody,
  },
  me: {
    method: 'GET',
    path: '/auth/me',
    summary: '当前用户 Current user',
    access: 'authenticated',
    allowPendingPasswordChange: true,
    response: MeResponse,
  },
  changePassword: {
    method: 'POST',
    path: '/auth/change-password',
    summary: '修改密码 Change own password',
    access: 'authenticated',
    allowPendingPasswordChange: true,
    body: ChangePasswordBody,
    response: OkBody,
  },
  updateProfile: {
    method: 'PATCH',
    path: '/auth/profile',
    summary: '修改个人资料 Update own profile',
    access: 'authenticated',
    allowPendingPasswordChange: true,
    body: UpdateProfileBody,
    response: MeResponse,
  },
  passwordPolicy: {
    method: 'GET',
    path: '/auth/password-policy',
    summary: '密码策略 Password policy',
    access: 'public',
    response: PasswordPolicyResponse,
  },
  listTokens: {
    method: 'GET',
    path: '/auth/tokens',
    summary: '我的 API 令牌 My API tokens',
    access: 'authenticated',
    response: z.array(ApiTokenView),
  },
  createToken: {
    method: 'POST',
    path: '/auth/tokens',
    summary: '新建 API 令牌 Create an API token',
    access: 'authenticated',
    body: CreateApiTokenBody,
    response: CreatedApiToken,
  },
  revokeToken: {
    method: 'DELETE',
    path: '/auth/tokens/:id',
    summary: '吊销 API 令牌 Revoke an API token',
    access: 'authenticated',
    params: IdParams,
    response: OkBody,
  },
});
