import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../../core/errors.ts';
import { PERMISSION_KEYS } from '../../../core/permissions.ts';
import type { Locale } from '../../../core/i18n/locale.ts';
import { labelOf, type Label } from '../../../core/intake/labels.ts';
import {
  allowedLeadActions, LEAD_STATE_LABELS, type LeadAction, type LeadActorFacts, type LeadFacts, type LeadState,
} from '../../../core/intake/lead-states.ts';
import type { ConflictState } from '../../../core/intake/labels.ts';
import { buildSearchText } from '../../../core/crm/search-text.ts';
import { companyNameKey } from '../../../core/crm/name-key.ts';
import { rowsOf, type Db } from '../../db/client.ts';
import { customers, deadlines, leads, projects, rolePermissions, roles, userRoles, users } from '../../db/schema.ts';
import type { Ctx } from '../../kernel/context.ts';
import type { Actor } from '../../policies/actor.ts';
import { hasPermission } from '../../policies/policy.ts';
import { customerVisibility, leadVisibility, projectVisibility } from '../../policies/visibility.ts';
import { appendTimeline } from '../../timeline/timeline.ts';
import { staleOrMissing } from './guards.ts';

/**
 * Shared rules of the intake, activity and case use cases: loading a lead inside the actor's
 * reach, checking the state machine of core/intake, validating references to customers,
 * projects and users, and writing timeline entries.
 */

export type LeadRow = typeof leads.$inferSelect;

/** 400 with one localized message per field (`body.<field>`). */
export function invalid(locale: Locale, fields: Record<string, Label>): AppError {
  return new AppError('validation_failed', {}, {
    fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [/^(body|querystring|params)\./.test(k) ? k : `body.${k}`, labelOf(v, locale)])),
  });
}

/** 409 conflict_state with a localized reason. */
export function stateConflict(locale: Locale, reason: Label, details?: Record<string, unknown>): AppError {
  return new AppError('conflict_state', { reason: labelOf(reason, locale) }, details);
}

/** The actor as the lead rules see it. */
export function actorFacts(actor: Actor): LeadActorFacts {
  return { userId: actor.userId, permissions: new Set(actor.grants.keys()) };
}

export function leadFacts(l: LeadRow): LeadFacts {
  return {
    state: l.state as LeadState,
    conflictState: (l.conflictState as ConflictState | null) ?? null,
    registeredBy: l.registeredBy,
    assigneeId: l.assigneeId,
  };
}

/** Loads and locks a lead inside the actor's reach; 404 otherwise. */
export async function lockLead(tx: Db, actor: Actor, id: string): Promise<LeadRow> {
  const cond = await leadVisibility(tx, actor);
  const row = (await tx.select().from(leads).where(and(eq(leads.id, id), cond)).limit(1).for('update'))[0];
  if (!row) throw new AppError('not_found');
  return row;
}

/** Refuses a stale version (409 with the current version). */
export function checkVersion(row: { version: number }, version: number): void {
  if (row.version !== version) staleOrMissing(row);
}

const SUPER: LeadActorFacts = { userId: '__any__', permissions: new Set(PERMISSION_KEYS) };

/**
 * Refuses an action the lead rules do not allow: 403 when the action is possible in this state
 * but not for this actor, 409 (with the state named) when the state does not allow it.
 */
export function requireLeadAction(actor: Actor, lead: LeadRow, action: LeadAction): void {
  const facts = leadFacts(lead);
  if (allowedLeadActions(facts, actorFacts(actor)).includes(action)) return;
  const anyone = allowedLeadActions({ ...facts, registeredBy: SUPER.userId, assigneeId: SUPER.userId }, SUPER);
  if (anyone.includes(action)) throw new AppError('forbidden', {}, { reason: 'not allowed for you on this record', action });
  const stateLabel = LEAD_STATE_LABELS[facts.state];
  if (facts.conflictState === 'pending') {
    throw stateConflict(actor.locale, { zh: '该报备存在冲突，需市场总监先行裁定', en: 'the registration has a conflict the sales director must resolve first' });
  }
  throw stateConflict(actor.locale, { zh: `信息当前状态为「${stateLabel.zh}」`, en: `the information is "${stateLabel.en}"` }, { state: facts.state });
}

/** A customer the actor may see; answers its name. */
export async function customerRef(tx: Db, actor: Actor, customerId: string, field = 'customerId'): Promise<{ id: string; name: string }> {
  const unknown = invalid(actor.locale, { [field]: { zh: '客户不存在或无权查看', en: 'unknown customer or not visible to you' } });
  if (!hasPermission(actor, 'customer.read')) throw unknown;
  const cond = await customerVisibility(tx, actor);
  const row = (await tx.select({ id: customers.id, name: customers.name }).from(customers).where(and(eq(customers.id, customerId), cond)).limit(1))[0];
  if (!row) throw unknown;
  return row;
}

/** A project the actor may see; answers its name and customer. */
export async function projectRef(tx: Db, actor: Actor, projectId: string, field = 'projectId'): Promise<{ id: string; name: string; customerId: string }> {
  const unknown = invalid(actor.locale, { [field]: { zh: '项目不存在或无权查看', en: 'unknown project or not visible to you' } });
  if (!hasPermission(actor, 'project.read')) throw unknown;
  const cond = await projectVisibility(tx, actor);
  const row = (await tx.select({ id: projects.id, name: projects.name, customerId: projects.customerId }).from(projects).where(and(eq(projects.id, projectId), cond)).limit(1))[0];
  if (!row) throw unknown;
  return row;
}

export interface UserBrief {
  id: string;
  displayName: string;
  departmentId: string | null;
  active: boolean;
}

export async function userBrief(tx: Db, id: string | null | undefined): Promise<UserBrief | null> {
  if (!id) return null;
  return (await tx.select({ id: users.id, displayName: users.displayName, departmentId: users.departmentId, active: users.active }).from(users).where(eq(users.id, id)).limit(1))[0] ?? null;
}

/** Active users holding a capability through one of their roles. */
export async function activeHoldersOf(tx: Db, permission: string): Promise<UserBrief[]> {
  return tx
    .selectDistinct({ id: users.id, displayName: users.displayName, departmentId: users.departmentId, active: users.active })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(rolePermissions, and(eq(rolePermissions.roleId, userRoles.roleId), eq(rolePermissions.permission, permission)))
    .where(eq(users.active, true));
}

/** Whether a user (active) holds a capability. */
export async function userHolds(tx: Db, userId: string, permission: string): Promise<boolean> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(rolePermissions, and(eq(rolePermissions.roleId, userRoles.roleId), eq(rolePermissions.permission, permission)))
    .where(and(eq(users.id, userId), eq(users.active, true)))
    .limit(1);
  return rows.length > 0;
}

/** Active users holding one of the roles (by code). */
export async function activeUsersWithRoles(tx: Db, roleCodes: readonly string[]): Promise<UserBrief[]> {
  if (roleCodes.length === 0) return [];
  return tx
    .selectDistinct({ id: users.id, displayName: users.displayName, departmentId: users.departmentId, active: users.active })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .where(and(eq(users.active, true), inArray(roles.code, [...roleCodes])));
}

/** The departments from `departmentId` up to the root, nearest first. */
export async function departmentChain(tx: Db, departmentId: string | null): Promise<string[]> {
  if (!departmentId) return [];
  const res = await tx.execute(sql`
    WITH RECURSIVE up AS (
      SELECT id, parent_id, 0 AS depth FROM departments WHERE id = ${departmentId}
      UNION ALL
      SELECT d.id, d.parent_id, up.depth + 1 FROM departments d JOIN up ON d.id = up.parent_id WHERE up.depth < 50
    ) SELECT id FROM up ORDER BY depth`);
  return rowsOf<{ id: string }>(res).map((r) => r.id);
}

/**
 * Of a set of users, those closest to a department: the ones in the department itself, else in
 * its parent, and so on up; everybody when none is on the chain. Picks e.g. the marketing
 * manager above an account manager.
 */
export async function nearestTo<T extends { departmentId: string | null }>(tx: Db, candidates: readonly T[], departmentId: string | null): Promise<T[]> {
  const chain = await departmentChain(tx, departmentId);
  for (const d of chain) {
    const here = candidates.filter((c) => c.departmentId === d);
    if (here.length > 0) return here;
  }
  return [...candidates];
}

/** The lead's `search_text`: code, title, customer (with its name key), contact and phone digits. */
export function leadSearchText(l: { code: string; title: string; customerName: string | null; contactName: string | null; contactPhone: string | null }): string {
  const key = l.customerName ? companyNameKey(l.customerName) : null;
  return buildSearchText([l.code, l.title, l.customerName, key, l.contactName], [l.contactPhone]);
}

/**
 * One entry on the lead's timeline, which is also on the customer's timeline when the lead has
 * a customer (the same row carries both links).
 */
export async function appendLeadTimeline(
  tx: Db,
  ctx: Ctx,
  lead: { id: string; customerId: string | null; projectId?: string | null },
  entry: { kind: string; title: string; summary?: string | null; data?: Record<string, unknown> },
): Promise<void> {
  await appendTimeline(tx, {
    at: ctx.now,
    kind: entry.kind,
    entityType: 'lead',
    entityId: lead.id,
    actorId: ctx.actor.userId,
    title: entry.title,
    summary: entry.summary ?? null,
    data: { link: `/leads/${lead.id}`, ...(entry.data ?? {}) },
    customerId: lead.customerId,
    leadId: lead.id,
  });
}

/** '' → null for optional text; undefined stays undefined. */
export function blank<T extends string | null | undefined>(v: T): T | null {
  if (typeof v === 'string' && v.trim() === '') return null;
  return v;
}

/** The due time of a step's open deadline, if any. */
export async function openDeadlineDue(tx: Db, subjectType: string, subjectId: string, step: string): Promise<Date | null> {
  const row = (await tx
    .select({ dueAt: deadlines.dueAt })
    .from(deadlines)
    .where(and(
      eq(deadlines.subjectType, subjectType), eq(deadlines.subjectId, subjectId), eq(deadlines.step, step),
      inArray(deadlines.state, ['running', 'paused', 'breached']),
    ))
    .limit(1))[0];
  return row?.dueAt ?? null;
}
