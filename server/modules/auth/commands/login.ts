import { and, count, eq, gt, sql } from 'drizzle-orm';
import { AppError } from '../../../../core/errors.ts';
import { loginAttempts, sessions, users } from '../../../db/schema.ts';
import { appendAudit } from '../../../audit/audit-log.ts';
import { verifyDummy, verifyPassword } from '../../../auth/passwords.ts';
import { createSession } from '../../../auth/sessions.ts';
import { sha256 } from '../../../auth/secrets.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { notify } from '../../../notifications/notify.ts';
import { lockoutEvent } from '../../../notifications/event-types.ts';
import { toShanghaiIso } from '../../../../core/calendar/working-calendar.ts';

export const LOCK_THRESHOLD = 5;
export const LOCK_WINDOW_MS = 15 * 60_000;
export const LOCK_DURATION_MS = 15 * 60_000;

export interface LoginInput {
  username: string;
  password: string;
  userAgent: string | null;
  previousSessionId: string | undefined;
}

/**
 * Signs a user in: per-IP limit, account lockout after 5 failures in 15 minutes, the same
 * answer for an unknown user and a wrong password, a fresh session id on success. Every
 * attempt is audited.
 */
export async function login(ctx: Ctx, input: LoginInput): Promise<{ userId: string; sessionId: string }> {
  const { db, actor, now, config } = ctx;
  const ip = actor.ip ?? 'unknown';
  const name = input.username.trim();
  const windowStart = new Date(now.getTime() - LOCK_WINDOW_MS);

  const [ipFailures] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.success, false), gt(loginAttempts.at, windowStart)));
  if ((ipFailures?.n ?? 0) >= config.loginIpLimit) {
    await db.transaction(async (tx) => {
      await appendAudit(tx, actor, now, {
        action: 'auth.login',
        entityType: 'user',
        result: 'failure',
        detail: 'ip_rate_limited',
        actorOverride: { id: null, name, kind: 'anonymous' },
      });
    });
    throw new AppError('rate_limited');
  }

  const found = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${name})`)
    .limit(1);
  const user = found[0];

  const fail = async (userId: string | null, detail: string, lockNow: boolean) => {
    await db.transaction(async (tx) => {
      await tx.insert(loginAttempts).values({ ip, username: name.toLowerCase(), success: false, at: now });
      await appendAudit(tx, actor, now, {
        action: 'auth.login',
        entityType: 'user',
        entityId: userId,
        result: 'failure',
        detail,
        actorOverride: { id: userId, name, kind: 'anonymous' },
      });
      if (lockNow && userId) {
        await appendAudit(tx, actor, now, {
          action: 'auth.lockout',
          entityType: 'user',
          entityId: userId,
          result: 'success',
          detail: `locked for ${LOCK_DURATION_MS / 60_000} minutes after ${LOCK_THRESHOLD} failed sign-ins`,
          actorOverride: { id: userId, name, kind: 'system' },
        });
        await notify(tx, now, {
          event: lockoutEvent,
          recipientUserIds: [userId],
          subject: { type: 'user', id: userId },
          link: '/profile/password',
          params: {
            username: name,
            count: LOCK_THRESHOLD,
            minutes: LOCK_DURATION_MS / 60_000,
            time: toShanghaiIso(now).slice(0, 16).replace('T', ' '),
          },
        });
      }
    });
  };
  const lockedError = () => new AppError('account_locked', { minutes: LOCK_DURATION_MS / 60_000 });

  if (!user || !user.active) {
    await verifyDummy(input.password);
    const [recent] = await db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.username, name.toLowerCase()), eq(loginAttempts.success, false), gt(loginAttempts.at, windowStart)));
    await fail(user?.id ?? null, user ? 'inactive' : 'unknown_user', false);
    // Unknown names "lock" like real ones, so the answer never reveals whether an account exists.
    if ((recent?.n ?? 0) + 1 >= LOCK_THRESHOLD) throw lockedError();
    throw new AppError('invalid_credentials');
  }

  if (user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) {
    await verifyDummy(input.password);
    await fail(user.id, 'locked', false);
    throw lockedError();
  }

  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    const inWindow = user.firstFailedAt && user.firstFailedAt.getTime() > windowStart.getTime();
    const failedCount = inWindow ? user.failedLoginCount + 1 : 1;
    const lock = failedCount >= LOCK_THRESHOLD;
    await db
      .update(users)
      .set({
        failedLoginCount: lock ? 0 : failedCount,
        firstFailedAt: lock ? null : inWindow ? user.firstFailedAt : now,
        lockedUntil: lock ? new Date(now.getTime() + LOCK_DURATION_MS) : user.lockedUntil,
      })
      .where(eq(users.id, user.id));
    await fail(user.id, 'wrong_password', lock);
    if (lock) throw lockedError();
    throw new AppError('invalid_credentials');
  }

  return db.transaction(async (tx) => {
    if (input.previousSessionId) {
      await tx.delete(sessions).where(eq(sessions.idHash, sha256(input.previousSessionId)));
    }
    await tx
      .update(users)
      .set({ failedLoginCount: 0, firstFailedAt: null, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, user.id));
    await tx.insert(loginAttempts).values({ ip, username: name.toLowerCase(), success: true, at: now });
    const sessionId = await createSession(tx, user.id, now, config, { ip: actor.ip, userAgent: input.userAgent });
    await appendAudit(tx, actor, now, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      result: 'success',
      actorOverride: { id: user.id, name: user.displayName, kind: 'user' },
    });
    return { userId: user.id, sessionId };
  });
}
