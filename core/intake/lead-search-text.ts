import { companyNameKey } from '../crm/name-key.ts';
import { buildSearchText } from '../crm/search-text.ts';

/** A lead's `search_text`: code, title, customer (with its name key), contact, and the phone digits behind the mark. */
export function leadSearchText(l: {
  code: string;
  title: string;
  customerName: string | null;
  contactName: string | null;
  contactPhone: string | null;
}): string {
  const key = l.customerName ? companyNameKey(l.customerName) : null;
  return buildSearchText([l.code, l.title, l.customerName, key, l.contactName], [l.contactPhone]);
}
