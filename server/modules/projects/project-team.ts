import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.ts';
import { projectMembers } from '../../db/schema.ts';
import type { ProjectRow } from './project-row.ts';

/** Who is on a project's team (owner, manager, presales lead, monitor, members), for checks and notices. */

/** Whether the user is on the project team (owner, manager, presales lead, monitor, member). */
export async function isOnTeam(db: Db, p: ProjectRow, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  if ([p.ownerUserId, p.managerUserId, p.presalesLeadId, p.monitorUserId].includes(userId)) return true;
  const rows = await db
    .select({ u: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, p.id), eq(projectMembers.userId, userId)))
    .limit(1);
  return rows.length > 0;
}

/** Everyone on the team (for notices), without duplicates. */
export async function teamUserIds(db: Db, p: ProjectRow): Promise<string[]> {
  const members = await db.select({ u: projectMembers.userId }).from(projectMembers).where(eq(projectMembers.projectId, p.id));
  const ids = [p.ownerUserId, p.managerUserId, p.presalesLeadId, p.monitorUserId, ...members.map((m) => m.u)];
  return [...new Set(ids.filter((x): x is string => !!x))];
}

/** Active users among the given ids. */
export async function activeUsers(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const res = await db.execute(
    sql`SELECT id FROM users WHERE active AND id IN (${sql.join(
      ids.map((i) => sql`${i}::uuid`),
      sql`, `,
    )})`,
  );
  return new Set(rowsOf<{ id: string }>(res).map((r) => r.id));
}
