import { normalizeCreditCode } from '../../../../core/crm/credit-code.ts';
import { CRM_HEADERS, creditCodeRule, importOptions, OWNER_NOTE } from '../../../../core/crm/crm-sheet.ts';
import { companyNameKey } from '../../../../core/crm/name-key.ts';
import {
  PARTNER_KINDS,
  PARTNER_LEVELS,
  PARTNER_STATUSES,
  PROVINCES,
  provinceOfCreditCode,
  regionOfProvince,
  REGIONS,
} from '../../../../core/crm/options.ts';
import { buildSearchText } from '../../../../core/crm/search-text.ts';
import { l10n } from '../../../../core/imports/l10n.ts';
import { partners } from '../../../db/schema.ts';
import type { ImportSpec } from '../../../imports/import-spec.ts';
import { refuseExisting, resolveOwners, type Owned } from './import-owners.ts';
import { crmMessages } from '../crm.messages.ts';

export interface PartnerImportRow extends Owned {
  name: string;
  kind: string | null;
  creditCode: string | null;
  province: string | null;
  region: string | null;
  level: string | null;
  status: string | null;
  address: string | null;
  notes: string | null;
}

/** Excel import of channel partners and dealers (渠道商 / 经销商). */
export const partnerImportSpec: ImportSpec<PartnerImportRow> = {
  entity: 'partner',
  permission: 'customer.import',
  sheetName: crmMessages.l10n('import.partners.sheet'),
  columns: [
    {
      key: 'name',
      header: CRM_HEADERS.partnerName,
      type: 'text',
      required: true,
      maxLength: 100,
      example: '某某智能科技有限公司',
      width: 30,
    },
    {
      key: 'kind',
      header: CRM_HEADERS.partnerKind,
      type: 'enum',
      options: importOptions(PARTNER_KINDS),
      example: '渠道商',
      note: l10n('留空为“渠道商”', 'blank: channel partner'),
    },
    { key: 'creditCode', header: CRM_HEADERS.creditCode, type: 'text', maxLength: 30, validate: creditCodeRule, width: 24 },
    { key: 'province', header: CRM_HEADERS.province, type: 'enum', options: importOptions(PROVINCES), example: '江苏' },
    { key: 'region', header: CRM_HEADERS.region, type: 'enum', options: importOptions(REGIONS) },
    { key: 'level', header: CRM_HEADERS.partnerLevel, type: 'enum', options: importOptions(PARTNER_LEVELS), example: '银牌' },
    {
      key: 'status',
      header: CRM_HEADERS.status,
      type: 'enum',
      options: importOptions(PARTNER_STATUSES),
      note: l10n('留空为“合作中”', 'blank: active'),
    },
    { key: 'owner', header: CRM_HEADERS.owner, type: 'text', maxLength: 64, note: OWNER_NOTE },
    { key: 'address', header: CRM_HEADERS.address, type: 'text', maxLength: 200, width: 30 },
    { key: 'notes', header: CRM_HEADERS.notes, type: 'text', maxLength: 2000, width: 30 },
  ],
  uniqueInFile: [
    { column: 'creditCode', key: (r) => (r.creditCode ? normalizeCreditCode(r.creditCode) : null) },
    { column: 'name', key: (r) => companyNameKey(r.name) },
  ],
  check: async (db, rows, ctx) => {
    for (const r of rows) r.value.creditCode = r.value.creditCode ? normalizeCreditCode(r.value.creditCode) : null;
    await resolveOwners(db, rows, ctx, 'partner.manage');
    await refuseExisting(db, rows, ctx, 'partner');
  },
  insert: async (tx, rows, ctx) => {
    await tx.insert(partners).values(
      rows.map((r) => {
        const v = r.value;
        const province = v.province ?? (v.creditCode ? provinceOfCreditCode(v.creditCode) : null);
        return {
          name: v.name,
          nameKey: companyNameKey(v.name),
          kind: v.kind ?? 'channel',
          creditCode: v.creditCode,
          province,
          region: province ? regionOfProvince(province) : v.region,
          level: v.level,
          status: v.status ?? 'active',
          address: v.address,
          notes: v.notes,
          ownerUserId: v.ownerId ?? ctx.actor.userId,
          departmentId: v.departmentId ?? null,
          searchText: buildSearchText([v.name, v.creditCode]),
          createdBy: ctx.actor.userId,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        };
      }),
    );
  },
};
