/**
 * Channel-partner deal registration (代理商报备): a partner's lead is registered on its behalf,
 * checked against existing customers and open leads, and — when nothing conflicts — protected
 * for a configurable period (default 90 days) during which other registrations of the same
 * customer conflict with it. A conflict waits for the sales director, who accepts (protection
 * starts then) or rejects the registration.
 */
import { normalizeCreditCode as normalizeCode } from '../crm/credit-code.ts';
import { companyNameKey } from '../crm/name-key.ts';
import { OPEN_LEAD_STATES, type LeadState } from './lead-states.ts';

export const DEFAULT_PROTECTION_DAYS = 90;
export const MAX_PROTECTION_DAYS = 730;

/** The end of the protection period that starts at `from`. */
export function protectedUntil(from: Date, days: number): Date {
  return new Date(from.getTime() + days * 86_400_000);
}

/** 统一社会信用代码 compared without spaces and case. */
export function normalizeCreditCode(code: string | null | undefined): string | null {
  if (!code) return null;
  const s = normalizeCode(code);
  return s === '' ? null : s;
}

export interface RegistrationCandidate {
  customerId: string | null;
  customerName: string;
  creditCode: string | null;
  partnerId: string;
}

export interface ExistingCustomer {
  id: string;
  name: string;
  nameKey: string;
  creditCode: string | null;
}

export interface ExistingLead {
  id: string;
  code: string;
  title: string;
  state: LeadState;
  customerId: string | null;
  customerName: string | null;
  partnerId: string | null;
  protectedUntil: Date | null;
}

export type ConflictKind = 'customer' | 'lead' | 'protected_registration';

export interface RegistrationConflict {
  kind: ConflictKind;
  id: string;
  label: string;
}

/**
 * What a new registration conflicts with: an existing customer with the same credit code or
 * name key; an open lead of the same customer; a registration (of any partner, in any state but
 * closed) of the same customer still inside its protection period.
 */
export function registrationConflicts(
  candidate: RegistrationCandidate,
  existing: { customers: readonly ExistingCustomer[]; leads: readonly ExistingLead[] },
  now: Date,
): RegistrationConflict[] {
  const key = companyNameKey(candidate.customerName);
  const code = normalizeCreditCode(candidate.creditCode);
  const out: RegistrationConflict[] = [];
  const customerIds = new Set<string>();
  if (candidate.customerId) customerIds.add(candidate.customerId);
  for (const c of existing.customers) {
    const hit =
      (code !== null && normalizeCreditCode(c.creditCode) === code) || (key !== '' && c.nameKey === key) || c.id === candidate.customerId;
    if (hit) {
      customerIds.add(c.id);
      out.push({ kind: 'customer', id: c.id, label: c.name });
    }
  }
  for (const l of existing.leads) {
    const sameCustomer =
      (l.customerId !== null && customerIds.has(l.customerId)) ||
      (key !== '' && l.customerName !== null && companyNameKey(l.customerName) === key);
    if (!sameCustomer) continue;
    const protectedNow =
      l.partnerId !== null && l.protectedUntil !== null && l.protectedUntil.getTime() > now.getTime() && l.state !== 'closed';
    if (protectedNow) out.push({ kind: 'protected_registration', id: l.id, label: `${l.code} ${l.title}` });
    else if (OPEN_LEAD_STATES.includes(l.state)) out.push({ kind: 'lead', id: l.id, label: `${l.code} ${l.title}` });
  }
  return out;
}
