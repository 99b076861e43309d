/** Tag colour of an activity state (reception plans move through approval). */
export function stateColor(state: string): string {
  switch (state) {
    case 'approved':
    case 'done':
      return 'success';
    case 'pending':
      return 'processing';
    case 'rejected':
      return 'error';
    case 'returned':
      return 'warning';
    default:
      return 'default';
  }
}
