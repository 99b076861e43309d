import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import type { ApiTokenView } from '../../../../core/auth/auth.schema.ts';
import { apiTokens } from '../../../db/schema.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { API_TOKEN_PREFIX, randomToken, sha256 } from '../../../auth/secrets.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { tokenView } from '../queries/api-tokens.ts';

/**
 * Creates a personal API token. The secret is returned once; only its SHA-256 is stored.
 * The token acts with exactly the owner's permissions.
 */
export async function createApiToken(
  ctx: Ctx,
  input: { name: string; expiresInDays?: number | null | undefined },
): Promise<ApiTokenView & { token: string }> {
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('unauthenticated');
  const token = `${API_TOKEN_PREFIX}${randomToken(32)}`;
  const expiresAt = input.expiresInDays ? new Date(ctx.now.getTime() + input.expiresInDays * 86_400_000) : null;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId, name: input.name, prefix: token.slice(0, 10), tokenHash: sha256(token), createdAt: ctx.now, expiresAt })
      .returning();
    if (!row) throw new AppError('internal');
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'token.create',
      entityType: 'api_token',
      entityId: row.id,
      changes: { name: { before: null, after: row.name }, expiresAt: { before: null, after: expiresAt?.toISOString() ?? null } },
    });
    return { ...tokenView(row), token };
  });
}

/** Revokes one of the user's own tokens; someone else's token id is "not found". */
export async function revokeApiToken(ctx: Ctx, tokenId: string): Promise<void> {
  const userId = ctx.actor.userId;
  if (!userId) throw new AppError('unauthenticated');
  await ctx.db.transaction(async (tx) => {
    const res = await tx
      .update(apiTokens)
      .set({ revokedAt: ctx.now })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id, name: apiTokens.name });
    const row = res[0];
    if (!row) throw new AppError('not_found');
    await appendAudit(tx, ctx.actor, ctx.now, {
      action: 'token.revoke',
      entityType: 'api_token',
      entityId: row.id,
      detail: row.name,
    });
  });
}
