import type { DataScope, Permission } from '../../core/permissions.ts';
import type { Locale } from '../../core/i18n/locale.ts';

/**
 * Who is acting. The same shape for a browser session, a personal API token and a background
 * job, so one policy layer decides for all three.
 */
export interface Actor {
  kind: 'user' | 'token' | 'job' | 'anonymous';
  userId: string | null;
  username: string | null;
  displayName: string | null;
  departmentId: string | null;
  grants: ReadonlyMap<Permission, DataScope>;
  locale: Locale;
  ip: string | null;
  /** set for session-authenticated actors */
  sessionIdHash?: string;
  /** set for token-authenticated actors */
  tokenId?: string;
  mustChangePassword?: boolean;
  passwordExpired?: boolean;
}

export function anonymousActor(ip: string | null, locale: Locale): Actor {
  return {
    kind: 'anonymous',
    userId: null,
    username: null,
    displayName: null,
    departmentId: null,
    grants: new Map(),
    locale,
    ip,
  };
}

/** A background job acts with exactly the grants it is given, nothing implicit. */
export function jobActor(name: string, grants: ReadonlyMap<Permission, DataScope>): Actor {
  return {
    kind: 'job',
    userId: null,
    username: `job:${name}`,
    displayName: `job:${name}`,
    departmentId: null,
    grants,
    locale: 'zh-CN',
    ip: null,
  };
}
