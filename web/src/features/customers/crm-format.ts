import {
  CUSTOMER_LEVELS,
  CUSTOMER_SOURCES,
  CUSTOMER_STATUSES,
  DECISION_ROLES,
  INDUSTRIES,
  PARTNER_KINDS,
  PARTNER_LEVELS,
  PARTNER_STATUSES,
  PROVINCES,
  REGIONS,
  optionLabel,
  type CrmOption,
} from '../../../../core/crm/options.ts';

/** Option lists of core/crm/options.ts as antd Select options, labels in the UI language. */
export type Lang = 'zh-CN' | 'en';

export function langOf(language: string): Lang {
  return language === 'en' ? 'en' : 'zh-CN';
}

export function selectOptions(list: readonly CrmOption[], lang: Lang): Array<{ value: string; label: string }> {
  return list.map((o) => ({ value: o.value, label: o.label[lang] }));
}

/** Provinces grouped by region (华北, 东北, 华东 …) for a grouped Select. */
export function provinceOptions(lang: Lang): Array<{ label: string; options: Array<{ value: string; label: string }> }> {
  return REGIONS.map((r) => ({
    label: r.label[lang],
    options: PROVINCES.filter((p) => p.region === r.value).map((p) => ({ value: p.value, label: p.label[lang] })),
  }));
}

export const LISTS = {
  industry: INDUSTRIES,
  level: CUSTOMER_LEVELS,
  status: CUSTOMER_STATUSES,
  source: CUSTOMER_SOURCES,
  region: REGIONS,
  province: PROVINCES,
  decisionRole: DECISION_ROLES,
  partnerKind: PARTNER_KINDS,
  partnerLevel: PARTNER_LEVELS,
  partnerStatus: PARTNER_STATUSES,
} as const;

/** The label of a value ('—' when empty). */
export function label(list: readonly CrmOption[], value: string | null | undefined, lang: Lang): string {
  return value ? optionLabel(list, value, lang) : '—';
}

/** Tag colour of a customer status. */
export function statusColor(status: string): string {
  switch (status) {
    case 'cooperating':
      return 'success';
    case 'following':
      return 'processing';
    case 'dormant':
      return 'default';
    case 'lost':
      return 'error';
    default:
      return 'blue';
  }
}

/** Province · region, e.g. "浙江 · 华东". */
export function place(province: string | null, region: string | null, lang: Lang): string {
  const parts = [province ? optionLabel(PROVINCES, province, lang) : null, region ? optionLabel(REGIONS, region, lang) : null].filter(
    Boolean,
  );
  return parts.length ? parts.join(' · ') : '—';
}

/**
 * Downloads a file from a GET endpoint; a refusal (e.g. too many rows to export) comes back as
 * the server's localized message instead of a broken file.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin', headers: { 'Accept-Language': document.documentElement.lang || 'zh-CN' } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { message?: string; details?: { fields?: Record<string, string> } } | null;
    const field = body?.details?.fields ? Object.values(body.details.fields)[0] : undefined;
    throw new Error(field ?? body?.message ?? `${res.status}`);
  }
  const blob = await res.blob();
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const name = m?.[1] ? decodeURIComponent(m[1]) : fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** Reads a picked file as base64 (without the data: prefix). */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const s = String(reader.result);
      resolve(s.slice(s.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
