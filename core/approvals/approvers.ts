import type { ApproverSpec } from './chain.ts';

/**
 * Who approves a step, decided from the organisation as it is when the step starts: roles,
 * named users, the requester's manager (or N levels of managers), the department head; then
 * delegation while away (代理) moves each task to the delegate, recorded "on behalf of".
 */

export interface OrgUser {
  id: string;
  managerId: string | null;
  departmentId: string | null;
  active: boolean;
}

/** The slice of the organisation approver resolution reads. */
export interface OrgDirectory {
  users: ReadonlyMap<string, OrgUser>;
  /** department id → head user id */
  departmentHeads: ReadonlyMap<string, string | null>;
  /** role code → ids of users holding the role */
  roleMembers: ReadonlyMap<string, readonly string[]>;
}

export interface Requester {
  id: string;
  departmentId: string | null;
}

export interface ResolvedApprovers {
  /** active approvers in a stable order, without duplicates and without the requester */
  approverIds: string[];
  /** the spec named the requester (who may not approve their own request) */
  requesterWasApprover: boolean;
}

/** The managers 1…levels above a user, following users.manager_id and stopping at a loop. */
export function managerChain(userId: string, dir: OrgDirectory, levels: number): string[] {
  const out: string[] = [];
  const seen = new Set<string>([userId]);
  let cur = dir.users.get(userId)?.managerId ?? null;
  while (cur && out.length < levels && !seen.has(cur)) {
    out.push(cur);
    seen.add(cur);
    cur = dir.users.get(cur)?.managerId ?? null;
  }
  return out;
}

function candidates(spec: ApproverSpec, requester: Requester, dir: OrgDirectory): string[] {
  switch (spec.type) {
    case 'role':
      return [...(dir.roleMembers.get(spec.roleCode) ?? [])];
    case 'user':
      return [spec.userId];
    case 'manager':
      return managerChain(requester.id, dir, 1);
    case 'manager_levels':
      return managerChain(requester.id, dir, spec.levels);
    case 'department_head': {
      const head = requester.departmentId ? dir.departmentHeads.get(requester.departmentId) : null;
      return head ? [head] : [];
    }
  }
}

/**
 * Resolves a step's approvers. Inactive users are dropped; the requester is dropped too (nobody
 * approves their own request) and `requesterWasApprover` says so, so the engine can skip a step
 * whose only approver is the requester instead of failing it.
 */
export function resolveApprovers(spec: ApproverSpec, requester: Requester, dir: OrgDirectory): ResolvedApprovers {
  const ids: string[] = [];
  let requesterWasApprover = false;
  for (const id of candidates(spec, requester, dir)) {
    if (id === requester.id) {
      requesterWasApprover = true;
      continue;
    }
    if (!dir.users.get(id)?.active) continue;
    if (!ids.includes(id)) ids.push(id);
  }
  if (spec.type === 'role') ids.sort();
  return { approverIds: ids, requesterWasApprover };
}

/** "While I am away, my new approval tasks go to X", for a range of Asia/Shanghai dates (inclusive). */
export interface Delegation {
  userId: string;
  delegateId: string;
  startsOn: string;
  endsOn: string;
}

export interface TaskAssignment {
  assigneeId: string;
  /** the approver the assignee acts for (delegation), or null */
  onBehalfOfId: string | null;
}

/** Whether a delegation covers the given Asia/Shanghai date (YYYY-MM-DD). */
export function delegationCovers(d: Pick<Delegation, 'startsOn' | 'endsOn'>, today: string): boolean {
  return d.startsOn <= today && today <= d.endsOn;
}

/**
 * Turns approvers into task assignments: an approver with a delegation covering `today` gets
 * the delegate as assignee (one hop, never chained), unless the delegate is inactive, the
 * approver themselves or the requester.
 */
export function applyDelegations(
  approverIds: readonly string[],
  delegations: readonly Delegation[],
  today: string,
  ctx: { requesterId: string; isActive: (userId: string) => boolean },
): TaskAssignment[] {
  return approverIds.map((id) => {
    const d = delegations
      .filter((x) => x.userId === id && delegationCovers(x, today))
      .filter((x) => x.delegateId !== id && x.delegateId !== ctx.requesterId && ctx.isActive(x.delegateId))
      .sort((a, b) => (a.startsOn < b.startsOn ? 1 : a.startsOn > b.startsOn ? -1 : 0))[0];
    return d ? { assigneeId: d.delegateId, onBehalfOfId: id } : { assigneeId: id, onBehalfOfId: null };
  });
}

/** Two date ranges (inclusive) overlap. */
export function rangesOverlap(a: { startsOn: string; endsOn: string }, b: { startsOn: string; endsOn: string }): boolean {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}
