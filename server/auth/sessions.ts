import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { pickLocale } from '../../core/i18n/locale.ts';
import { isPasswordExpired } from '../../core/password-policy.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { apiTokens, sessions, settings, users } from '../db/schema.ts';
import type { Actor } from '../policies/actor.ts';
import { loadUserGrants } from '../policies/grants.ts';
import { policyFromValue, SECURITY_KEY } from './security-settings.ts';
import { API_TOKEN_PREFIX, randomToken, sha256 } from './secrets.ts';

/** Creates a server-side session; returns the opaque id for the cookie (only its hash is stored). */
export async function createSession(
  db: Db,
  userId: string,
  now: Date,
  config: Config,
  meta: { ip: string | null; userAgent: string | null },
): Promise<string> {
  const id = randomToken(32);
  await db.insert(sessions).values({
    idHash: sha256(id),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + config.sessionAbsoluteMs),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return id;
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, sha256(sessionId)));
}

/** Touching the session at most once a minute keeps idle tracking cheap. */
const TOUCH_EVERY_MS = 60_000;

type UserRow = typeof users.$inferSelect;

async function actorFromRow(
  db: Db,
  u: UserRow,
  policyValue: unknown,
  now: Date,
  ip: string | null,
  kind: 'user' | 'token',
): Promise<Actor | null> {
  if (!u.active) return null;
  const grants = await loadUserGrants(db, u.id);
  return {
    kind,
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    departmentId: u.departmentId,
    grants,
    locale: pickLocale(u.locale),
    ip,
    mustChangePassword: u.mustChangePassword,
    passwordExpired: isPasswordExpired(u.passwordChangedAt, now, policyFromValue(policyValue)),
  };
}

/** Resolves a session cookie to an actor, enforcing the idle and absolute timeouts. */
export async function actorFromSession(db: Db, sessionId: string, now: Date, config: Config, ip: string | null): Promise<Actor | null> {
  const idHash = sha256(sessionId);
  // one round trip for the session, its user and the password policy; one more for the grants
  const rows = await db
    .select({ s: sessions, u: users, policy: settings.value })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(settings, eq(settings.key, SECURITY_KEY))
    .where(eq(sessions.idHash, idHash))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const s = row.s;
  if (s.expiresAt.getTime() <= now.getTime() || s.lastSeenAt.getTime() + config.sessionIdleMs <= now.getTime()) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  const actor = await actorFromRow(db, row.u, row.policy, now, ip, 'user');
  if (!actor) return null;
  if (now.getTime() - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  return { ...actor, sessionIdHash: idHash };
}

/** Resolves `Authorization: Bearer bf_…` to the token owner's actor with the same grants. */
export async function actorFromToken(db: Db, token: string, now: Date, ip: string | null): Promise<Actor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const rows = await db
    .select({ t: apiTokens, u: users, policy: settings.value })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(settings, eq(settings.key, SECURITY_KEY))
    .where(
      and(
        eq(apiTokens.tokenHash, sha256(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
      ),
    )
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const t = row.t;
  const actor = await actorFromRow(db, row.u, row.policy, now, ip, 'token');
  if (!actor) return null;
  if (!t.lastUsedAt || now.getTime() - t.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, t.id));
  }
  return { ...actor, tokenId: t.id };
}

/** Ends every session of a user (deactivation, admin reset, password change elsewhere). */
export async function endUserSessions(db: Db, userId: string, exceptIdHash?: string): Promise<number> {
  const cond = exceptIdHash ? and(eq(sessions.userId, userId), sql`${sessions.idHash} <> ${exceptIdHash}`) : eq(sessions.userId, userId);
  const res = await db.delete(sessions).where(cond).returning({ idHash: sessions.idHash });
  return res.length;
}
