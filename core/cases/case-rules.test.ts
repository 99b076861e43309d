import { describe, expect, it } from 'vitest';
import { closeNeedsNote, nextCaseState } from './case-rules.ts';

describe('cases', () => {
  it('moves open → assigned → answered → closed', () => {
    expect(nextCaseState('open', 'assign')).toBe('assigned');
    expect(nextCaseState('assigned', 'assign')).toBe('assigned');
    expect(nextCaseState('assigned', 'answer')).toBe('answered');
    expect(nextCaseState('answered', 'close')).toBe('closed');
    expect(nextCaseState('answered', 'answer')).toBeNull();
    expect(nextCaseState('closed', 'close')).toBeNull();
    expect(nextCaseState('closed', 'edit')).toBeNull();
    expect(closeNeedsNote('open')).toBe(true);
    expect(closeNeedsNote('answered')).toBe(false);
  });
});
