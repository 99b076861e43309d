import { describe, expect, it } from 'vitest';
import {
  applyDelegations,
  delegationCovers,
  managerChain,
  rangesOverlap,
  resolveApprovers,
  type OrgDirectory,
  type OrgUser,
} from './approvers.ts';

// 陈总 (gm) ← 王总监 (dir) ← 李经理 (mgr) ← 张三 (am); 赵六 inactive; 市场部 head = 李经理
function org(): OrgDirectory {
  const u = (id: string, managerId: string | null, departmentId: string | null, active = true): [string, OrgUser] => [
    id,
    { id, managerId, departmentId, active },
  ];
  return {
    users: new Map([
      u('gm', null, 'hq'),
      u('dir', 'gm', 'hq'),
      u('mgr', 'dir', 'market'),
      u('am', 'mgr', 'market'),
      u('am2', 'mgr', 'market'),
      u('zhao', 'mgr', 'market', false),
      u('loop1', 'loop2', null),
      u('loop2', 'loop1', null),
    ]),
    departmentHeads: new Map<string, string | null>([
      ['market', 'mgr'],
      ['hq', 'gm'],
      ['empty', null],
    ]),
    roleMembers: new Map([
      ['sales_director', ['dir']],
      ['account_manager', ['am2', 'am', 'zhao']],
      ['nobody', []],
    ]),
  };
}
const am = { id: 'am', departmentId: 'market' };

describe('approver resolution', () => {
  it('role: every active holder, sorted, without the requester', () => {
    expect(resolveApprovers({ type: 'role', roleCode: 'sales_director' }, am, org())).toEqual({
      approverIds: ['dir'],
      requesterWasApprover: false,
    });
    expect(resolveApprovers({ type: 'role', roleCode: 'account_manager' }, am, org())).toEqual({
      approverIds: ['am2'],
      requesterWasApprover: true,
    });
    expect(resolveApprovers({ type: 'role', roleCode: 'nobody' }, am, org()).approverIds).toEqual([]);
    expect(resolveApprovers({ type: 'role', roleCode: 'unknown' }, am, org()).approverIds).toEqual([]);
  });

  it('named user: the user when active', () => {
    expect(resolveApprovers({ type: 'user', userId: 'gm' }, am, org()).approverIds).toEqual(['gm']);
    expect(resolveApprovers({ type: 'user', userId: 'zhao' }, am, org()).approverIds).toEqual([]);
    expect(resolveApprovers({ type: 'user', userId: 'am' }, am, org())).toEqual({ approverIds: [], requesterWasApprover: true });
  });

  it("manager: the requester's direct manager", () => {
    expect(resolveApprovers({ type: 'manager' }, am, org()).approverIds).toEqual(['mgr']);
    expect(resolveApprovers({ type: 'manager' }, { id: 'gm', departmentId: 'hq' }, org()).approverIds).toEqual([]);
  });

  it("department head: the head of the requester's department", () => {
    expect(resolveApprovers({ type: 'department_head' }, am, org()).approverIds).toEqual(['mgr']);
    expect(resolveApprovers({ type: 'department_head' }, { id: 'x', departmentId: 'empty' }, org()).approverIds).toEqual([]);
    expect(resolveApprovers({ type: 'department_head' }, { id: 'x', departmentId: null }, org()).approverIds).toEqual([]);
    expect(resolveApprovers({ type: 'department_head' }, { id: 'mgr', departmentId: 'market' }, org())).toEqual({
      approverIds: [],
      requesterWasApprover: true,
    });
  });

  it('N levels: managers up the chain, nearest first, stopping at the top and at loops', () => {
    expect(resolveApprovers({ type: 'manager_levels', levels: 2 }, am, org()).approverIds).toEqual(['mgr', 'dir']);
    expect(resolveApprovers({ type: 'manager_levels', levels: 5 }, am, org()).approverIds).toEqual(['mgr', 'dir', 'gm']);
    expect(managerChain('loop1', org(), 5)).toEqual(['loop2']);
  });
});

describe('delegation', () => {
  const delegations = [
    { userId: 'dir', delegateId: 'mgr', startsOn: '2026-05-01', endsOn: '2026-05-05' },
    { userId: 'gm', delegateId: 'am', startsOn: '2026-05-01', endsOn: '2026-05-31' },
    { userId: 'mgr', delegateId: 'zhao', startsOn: '2026-05-01', endsOn: '2026-05-31' },
  ];
  const ctx = { requesterId: 'am', isActive: (id: string) => org().users.get(id)?.active ?? false };

  it('moves a task to the delegate within the date range, recorded on behalf of', () => {
    expect(applyDelegations(['dir'], delegations, '2026-05-03', ctx)).toEqual([{ assigneeId: 'mgr', onBehalfOfId: 'dir' }]);
    expect(applyDelegations(['dir'], delegations, '2026-05-05', ctx)).toEqual([{ assigneeId: 'mgr', onBehalfOfId: 'dir' }]);
    expect(applyDelegations(['dir'], delegations, '2026-05-06', ctx)).toEqual([{ assigneeId: 'dir', onBehalfOfId: null }]);
    expect(applyDelegations(['dir'], delegations, '2026-04-30', ctx)).toEqual([{ assigneeId: 'dir', onBehalfOfId: null }]);
  });

  it('never delegates to the requester or to an inactive user', () => {
    expect(applyDelegations(['gm'], delegations, '2026-05-03', ctx)).toEqual([{ assigneeId: 'gm', onBehalfOfId: null }]);
    expect(applyDelegations(['mgr'], delegations, '2026-05-03', ctx)).toEqual([{ assigneeId: 'mgr', onBehalfOfId: null }]);
  });

  it('follows one hop only', () => {
    const chain = [
      { userId: 'dir', delegateId: 'mgr', startsOn: '2026-05-01', endsOn: '2026-05-05' },
      { userId: 'mgr', delegateId: 'gm', startsOn: '2026-05-01', endsOn: '2026-05-05' },
    ];
    expect(applyDelegations(['dir', 'mgr'], chain, '2026-05-02', ctx)).toEqual([
      { assigneeId: 'mgr', onBehalfOfId: 'dir' },
      { assigneeId: 'gm', onBehalfOfId: 'mgr' },
    ]);
  });

  it('date ranges are inclusive', () => {
    expect(delegationCovers({ startsOn: '2026-05-01', endsOn: '2026-05-01' }, '2026-05-01')).toBe(true);
    expect(rangesOverlap({ startsOn: '2026-05-01', endsOn: '2026-05-03' }, { startsOn: '2026-05-03', endsOn: '2026-05-09' })).toBe(true);
    expect(rangesOverlap({ startsOn: '2026-05-01', endsOn: '2026-05-02' }, { startsOn: '2026-05-03', endsOn: '2026-05-09' })).toBe(false);
  });
});
