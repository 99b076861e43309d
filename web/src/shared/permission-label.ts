import { isPermission, PERMISSIONS } from '../../../core/permissions.ts';
import type { Locale } from './api/types.ts';

/** The label core/permissions.ts gives a permission key, in the UI language. */
export function permissionLabel(key: string, locale: Locale): string {
  return isPermission(key) ? PERMISSIONS[key][locale] : key;
}
