export const CASES_KEY = ['cases'] as const;

/** Tag colour of a case state. */
export function caseStateColor(state: string): string {
  return state === 'open' ? 'warning' : state === 'assigned' ? 'processing' : state === 'answered' ? 'success' : 'default';
}
