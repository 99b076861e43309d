import { desc, eq } from 'drizzle-orm';
import type { ApiTokenView } from '../../../../core/auth/auth.schema.ts';
import type { Db } from '../../../db/client.ts';
import { apiTokens } from '../../../db/schema.ts';

type TokenRow = typeof apiTokens.$inferSelect;

/** A token as its owner sees it (never the secret). */
export function tokenView(t: TokenRow): ApiTokenView {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

/** The user's own tokens (never the secret). */
export async function listOwnTokens(db: Db, userId: string): Promise<ApiTokenView[]> {
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
  return rows.map(tokenView);
}
