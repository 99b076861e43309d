import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SHARE_FLOOR_PCT,
  isBigProject,
  isMonday,
  mondayOf,
  OUTCOME_REASON_LABELS,
  OUTCOME_REASONS,
  PROJECT_ROLE_LABELS,
  PROJECT_ROLES,
  outcomeNeedsReason,
  roleNeedsRegistration,
  shareBelowFloor,
} from './rules.ts';

describe('project rules', () => {
  it("the split floor is the seed's 3:7 and applies to cooperative projects only", () => {
    expect(DEFAULT_SHARE_FLOOR_PCT).toBe(30);
    expect(shareBelowFloor('cooperative', 29.99, 30)).toBe(true);
    expect(shareBelowFloor('cooperative', 30, 30)).toBe(false);
    expect(shareBelowFloor('self', 10, 30)).toBe(false);
    expect(shareBelowFloor('cooperative', null, 30)).toBe(false);
  });

  it('a big project has more than 50 person-months', () => {
    expect(isBigProject(50)).toBe(false);
    expect(isBigProject(50.5)).toBe(true);
    expect(isBigProject(null)).toBe(false);
  });

  it('presales engineers and solution staff need an approved registration', () => {
    expect(roleNeedsRegistration('presales_engineer')).toBe(true);
    expect(roleNeedsRegistration('solution_architect')).toBe(true);
    expect(roleNeedsRegistration('commercial_specialist')).toBe(false);
  });

  it('a lost, abandoned or failed tender needs a reason; a win does not', () => {
    expect(outcomeNeedsReason('lost')).toBe(true);
    expect(outcomeNeedsReason('abandoned')).toBe(true);
    expect(outcomeNeedsReason('failed_tender')).toBe(true);
    expect(outcomeNeedsReason('won')).toBe(false);
  });

  it('every role and reason is labelled in both languages', () => {
    for (const r of PROJECT_ROLES) expect(PROJECT_ROLE_LABELS[r].zh && PROJECT_ROLE_LABELS[r].en).toBeTruthy();
    for (const r of OUTCOME_REASONS) expect(OUTCOME_REASON_LABELS[r].zh && OUTCOME_REASON_LABELS[r].en).toBeTruthy();
  });

  it('weeks start on Monday', () => {
    expect(mondayOf('2026-03-04')).toBe('2026-03-02');
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('2026-03-02')).toBe('2026-03-02');
    expect(isMonday('2026-03-02')).toBe(true);
    expect(isMonday('2026-03-03')).toBe(false);
    expect(isMonday('nope')).toBe(false);
  });
});
