/**
 * Step conditions (审批条件): a small, data-only expression over the subject snapshot, e.g.
 * `{ field: 'marginPercent', op: 'lt', value: 5 }` or `{ or: [...] }`. It is evaluated by walking
 * the structure — never compiled or `eval`ed — so an administrator's chain cannot run code.
 */

export const CONDITION_OPS = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

export type ConditionScalar = string | number | boolean | null;
export type ConditionValue = ConditionScalar | Array<string | number>;

export interface ConditionRule {
  field: string;
  op: ConditionOp;
  value: ConditionValue;
}
/** A group of rules. */
export type ConditionGroup1 = { and: ConditionRule[] } | { or: ConditionRule[] };
/**
 * A stored step condition: a rule, or an and/or group of rules and groups of rules — the two
 * grouping levels the chain editor offers and the API accepts.
 */
export type Condition = ConditionRule | { and: Array<ConditionRule | ConditionGroup1> } | { or: Array<ConditionRule | ConditionGroup1> };

/** Any nesting, for the evaluator (every stored condition is one). */
export type AnyCondition = ConditionRule | { and: readonly AnyCondition[] } | { or: readonly AnyCondition[] };

/** Deepest nesting the editor and the API accept (rule → group → group). */
export const MAX_CONDITION_DEPTH = 3;
export const MAX_CONDITION_RULES = 30;

/** A dotted path of identifiers; prototype-related segments are never followed. */
export const FIELD_PATH_RE = /^[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63}){0,3}$/;
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

export function isRule(c: AnyCondition): c is ConditionRule {
  return 'field' in c;
}

/** Whether a field path is acceptable (syntax and no prototype segments). */
export function isSafeFieldPath(path: string): boolean {
  return FIELD_PATH_RE.test(path) && !path.split('.').some((s) => FORBIDDEN_SEGMENTS.has(s));
}

/** Reads `a.b.c` from plain data, own properties only; anything else is `undefined`. */
export function readField(data: unknown, path: string): unknown {
  if (!isSafeFieldPath(path)) return undefined;
  let cur: unknown = data;
  for (const seg of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

/** Numbers, and strings that are plain decimal numbers (SQL numeric arrives as text). */
function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return null;
}

function scalarEquals(a: unknown, b: unknown): boolean {
  const left = a === undefined ? null : a;
  const right = b === undefined ? null : b;
  if (left === right) return true;
  const na = asNumber(left);
  const nb = asNumber(right);
  if (na !== null && nb !== null && (typeof left === 'number' || typeof right === 'number')) return na === nb;
  return false;
}

function compare(a: unknown, b: unknown): number | null {
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na !== null && nb !== null) return na - nb;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

function evalRule(rule: ConditionRule, data: unknown): boolean {
  const actual = readField(data, rule.field);
  switch (rule.op) {
    case 'eq':
      return scalarEquals(actual, rule.value);
    case 'ne':
      return !scalarEquals(actual, rule.value);
    case 'in':
      return Array.isArray(rule.value) && rule.value.some((v) => scalarEquals(actual, v));
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte': {
      const c = compare(actual, rule.value);
      if (c === null) return false;
      if (rule.op === 'lt') return c < 0;
      if (rule.op === 'lte') return c <= 0;
      if (rule.op === 'gt') return c > 0;
      return c >= 0;
    }
  }
}

/**
 * Whether a step's condition holds for a snapshot. No condition means the step always applies;
 * a missing field compares as null (so `lt` / `gt` on it are false).
 */
export function evaluateCondition(condition: AnyCondition | null | undefined, data: unknown): boolean {
  if (!condition) return true;
  if (isRule(condition)) return evalRule(condition, data);
  if ('and' in condition) return condition.and.every((c) => evaluateCondition(c, data));
  return condition.or.some((c) => evaluateCondition(c, data));
}

/** Depth (a rule is 1) and rule count, for validation of administrator input. */
export function conditionShape(condition: AnyCondition): { depth: number; rules: number } {
  if (isRule(condition)) return { depth: 1, rules: 1 };
  const children = 'and' in condition ? condition.and : condition.or;
  let depth = 0;
  let rules = 0;
  for (const c of children) {
    const s = conditionShape(c);
    depth = Math.max(depth, s.depth);
    rules += s.rules;
  }
  return { depth: depth + 1, rules };
}

/** Every field path a condition reads (for checking against the subject's declared fields). */
export function conditionFields(condition: AnyCondition | null | undefined): string[] {
  if (!condition) return [];
  if (isRule(condition)) return [condition.field];
  const children = 'and' in condition ? condition.and : condition.or;
  return [...new Set(children.flatMap((c) => conditionFields(c)))];
}
