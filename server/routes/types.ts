// Transitional: route files not yet mounted from a contract import these from here.
export type { Api } from '../http/api.ts';
export { errorResponses } from '../http/mount-contract.ts';
