import { and, asc, eq, sql } from 'drizzle-orm';
import type { ShareList } from '../../../../core/crm/crm.schema.ts';
import type { Db } from '../../../db/client.ts';
import { departments, recordShares, users } from '../../../db/schema.ts';

/** The colleagues a customer or partner is explicitly shared with. */
export async function listShares(db: Db, entityType: 'customer' | 'partner', entityId: string): Promise<ShareList> {
  const grantor = sql`(SELECT g.display_name FROM users g WHERE g.id = ${recordShares.grantedBy})`;
  const rows = await db
    .select({
      userId: recordShares.userId,
      displayName: users.displayName,
      departmentName: departments.name,
      grantedByName: sql<string | null>`${grantor}`,
      createdAt: recordShares.createdAt,
    })
    .from(recordShares)
    .innerJoin(users, eq(users.id, recordShares.userId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(and(eq(recordShares.entityType, entityType), eq(recordShares.entityId, entityId)))
    .orderBy(asc(users.displayName));
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}
