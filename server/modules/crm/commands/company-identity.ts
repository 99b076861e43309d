import { companyNameKey } from '../../../../core/crm/name-key.ts';
import { placeOf } from '../../../../core/crm/place.ts';
import { buildSearchText } from '../../../../core/crm/search-text.ts';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../policies/actor.ts';
import { findDuplicates } from '../queries/duplicates.ts';
import { refuseDuplicates } from './refuse-duplicates.ts';

/** The identity fields of a customer or partner as stored, and as an edit may change them. */
interface CompanyIdentity {
  name: string;
  creditCode: string | null;
  province: string | null;
  region: string | null;
}

/**
 * The identity part of editing a customer or a partner, shared by both update commands: a new
 * name or credit code is checked for duplicates like a new record; province and region follow
 * the credit code unless given; the name key and search text follow name and code.
 */
export async function editedIdentity(
  tx: Db,
  actor: Actor,
  kind: 'customer' | 'partner',
  id: string,
  before: CompanyIdentity,
  input: {
    name?: string | undefined;
    province?: string | null | undefined;
    region?: string | null | undefined;
    confirmDuplicate?: boolean | undefined;
  },
  creditCode: string | null | undefined,
): Promise<{
  fields: {
    name: string | undefined;
    creditCode: string | null | undefined;
    province: string | null | undefined;
    region: string | null | undefined;
  };
  nameKey: string;
  searchText: string;
}> {
  const name = input.name?.trim();
  const nameChanged = name !== undefined && name !== before.name;
  const codeChanged = creditCode !== undefined && creditCode !== before.creditCode;
  if (nameChanged || codeChanged) {
    const matches = await findDuplicates(tx, actor, kind, {
      name: nameChanged ? name : undefined,
      creditCode: codeChanged ? creditCode : null,
      excludeId: id,
    });
    refuseDuplicates(matches, input.confirmDuplicate, actor.locale, kind);
  }
  const place =
    input.province !== undefined || input.region !== undefined || codeChanged
      ? placeOf(
          {
            province: input.province !== undefined ? input.province : before.province,
            region: input.region !== undefined ? input.region : before.region,
          },
          creditCode !== undefined ? creditCode : before.creditCode,
        )
      : { province: undefined, region: undefined };
  const nextName = name ?? before.name;
  const nextCode = creditCode !== undefined ? creditCode : before.creditCode;
  return {
    fields: { name, creditCode, province: place.province, region: place.region },
    nameKey: companyNameKey(nextName),
    searchText: buildSearchText([nextName, nextCode]),
  };
}
