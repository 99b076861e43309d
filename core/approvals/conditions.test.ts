import { describe, expect, it } from 'vitest';
import { conditionFields, conditionShape, evaluateCondition, isSafeFieldPath, readField, type Condition } from './conditions.ts';
import { ConditionSchema } from './approvals.schema.ts';

const quote = { marginPercent: 3.5, amount: '1250000.00', region: '华东', urgent: true, customer: { level: 'A' } };

describe('conditions', () => {
  it('compares numbers, numeric strings (SQL numeric) and strings', () => {
    expect(evaluateCondition({ field: 'marginPercent', op: 'lt', value: 5 }, quote)).toBe(true);
    expect(evaluateCondition({ field: 'marginPercent', op: 'gte', value: 5 }, quote)).toBe(false);
    expect(evaluateCondition({ field: 'amount', op: 'gt', value: 1_000_000 }, quote)).toBe(true);
    expect(evaluateCondition({ field: 'amount', op: 'lte', value: 1_250_000 }, quote)).toBe(true);
    expect(evaluateCondition({ field: 'amount', op: 'eq', value: 1_250_000 }, quote)).toBe(true);
    expect(evaluateCondition({ field: 'region', op: 'eq', value: '华东' }, quote)).toBe(true);
    expect(evaluateCondition({ field: 'region', op: 'ne', value: '华东' }, quote)).toBe(false);
    expect(evaluateCondition({ field: 'urgent', op: 'eq', value: true }, quote)).toBe(true);
    expect(evaluateCondition({ field: 'customer.level', op: 'in', value: ['A', 'B'] }, quote)).toBe(true);
    expect(evaluateCondition({ field: 'region', op: 'in', value: ['华北', '西北'] }, quote)).toBe(false);
  });

  it('treats a missing field as null: equality with null holds, ordering never does', () => {
    expect(evaluateCondition({ field: 'discount', op: 'eq', value: null }, quote)).toBe(true);
    expect(evaluateCondition({ field: 'discount', op: 'lt', value: 5 }, quote)).toBe(false);
    expect(evaluateCondition({ field: 'discount', op: 'gt', value: 5 }, quote)).toBe(false);
    expect(evaluateCondition({ field: 'region', op: 'lt', value: 5 }, quote)).toBe(false);
  });

  it('combines rules with and / or, nested', () => {
    const c: Condition = {
      or: [
        { field: 'marginPercent', op: 'lt', value: 5 },
        {
          and: [
            { field: 'amount', op: 'gt', value: 5_000_000 },
            { field: 'region', op: 'eq', value: '华东' },
          ],
        },
      ],
    };
    expect(evaluateCondition(c, quote)).toBe(true);
    expect(evaluateCondition(c, { ...quote, marginPercent: 12 })).toBe(false);
    expect(evaluateCondition(c, { ...quote, marginPercent: 12, amount: 6_000_000 })).toBe(true);
    expect(evaluateCondition(null, quote)).toBe(true);
    expect(conditionShape(c)).toEqual({ depth: 3, rules: 3 });
    expect(conditionFields(c).sort()).toEqual(['amount', 'marginPercent', 'region']);
  });

  it('never walks into prototypes or arrays', () => {
    expect(isSafeFieldPath('__proto__')).toBe(false);
    expect(isSafeFieldPath('a.constructor')).toBe(false);
    expect(isSafeFieldPath('a-b')).toBe(false);
    expect(readField({}, 'toString')).toBeUndefined();
    expect(readField({ a: [1, 2] }, 'a.length')).toBeUndefined();
    expect(evaluateCondition({ field: 'constructor', op: 'ne', value: null }, {})).toBe(false);
  });

  it('the API schema accepts two grouping levels and refuses code, deeper nesting and bad values', () => {
    expect(ConditionSchema.safeParse({ field: 'marginPercent', op: 'lt', value: 5 }).success).toBe(true);
    expect(
      ConditionSchema.safeParse({ or: [{ field: 'a', op: 'in', value: ['x'] }, { and: [{ field: 'b', op: 'gt', value: 1 }] }] }).success,
    ).toBe(true);
    expect(ConditionSchema.safeParse({ and: [{ or: [{ and: [{ field: 'a', op: 'eq', value: 1 }] }] }] }).success).toBe(false);
    expect(ConditionSchema.safeParse({ field: 'a', op: 'in', value: 1 }).success).toBe(false);
    expect(ConditionSchema.safeParse({ field: 'a', op: 'eq', value: [1] }).success).toBe(false);
    expect(ConditionSchema.safeParse({ field: '__proto__', op: 'eq', value: 1 }).success).toBe(false);
    expect(ConditionSchema.safeParse({ field: 'a', op: 'regex', value: '.*' }).success).toBe(false);
    expect(ConditionSchema.safeParse({ field: 'a', op: 'eq', value: 1, code: 'process.exit()' }).success).toBe(false);
    expect(ConditionSchema.safeParse({ and: [] }).success).toBe(false);
  });
});
