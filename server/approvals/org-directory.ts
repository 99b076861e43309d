import { eq } from 'drizzle-orm';
import type { OrgDirectory, OrgUser } from '../../core/approvals/approvers.ts';
import type { Db } from '../db/client.ts';
import { departments, roles, userRoles, users } from '../db/schema.ts';

/** The organisation as approver resolution needs it (users, department heads, role members). */
export async function loadOrgDirectory(tx: Db): Promise<OrgDirectory> {
  const userRows = await tx
    .select({ id: users.id, managerId: users.managerId, departmentId: users.departmentId, active: users.active })
    .from(users);
  const deptRows = await tx
    .select({ id: departments.id, headUserId: departments.headUserId, active: departments.active })
    .from(departments);
  const memberRows = await tx
    .select({ code: roles.code, userId: userRoles.userId })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId));
  const roleMembers = new Map<string, string[]>();
  for (const m of memberRows) roleMembers.set(m.code, [...(roleMembers.get(m.code) ?? []), m.userId]);
  return {
    users: new Map<string, OrgUser>(userRows.map((u) => [u.id, u])),
    departmentHeads: new Map(deptRows.map((d) => [d.id, d.headUserId])),
    roleMembers,
  };
}
