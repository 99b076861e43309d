/**
 * Labels and small helpers of the intake pages: option lists from core/intake/labels.ts in the
 * UI language, money between yuan (forms) and fen (API), file transfer.
 */
import type { Label } from '../../../../core/intake/labels.ts';

export type Lang = 'zh-CN' | 'en';

export function langOf(language: string): Lang {
  return language === 'en' ? 'en' : 'zh-CN';
}

/** The label of a value in the UI language ('—' when empty or unknown). */
export function lab(labels: Readonly<Record<string, Label>>, value: string | null | undefined, lang: Lang): string {
  if (!value) return '—';
  const l = labels[value];
  if (!l) return value;
  return lang === 'en' ? l.en : l.zh;
}

/** A value list as antd Select options. */
export function optionsOf(
  values: readonly string[],
  labels: Readonly<Record<string, Label>>,
  lang: Lang,
): Array<{ value: string; label: string }> {
  return values.map((v) => ({ value: v, label: lab(labels, v, lang) }));
}

/** Yuan from a form (up to 2 decimals) → integer fen; empty stays null. */
export function toFen(yuan: number | null | undefined): number | null {
  return typeof yuan === 'number' && Number.isFinite(yuan) ? Math.round(yuan * 100) : null;
}

export function toYuan(fen: number | null | undefined): number | null {
  return typeof fen === 'number' ? fen / 100 : null;
}

/** Reads a browser File as base64 (without the data: prefix) for the JSON upload. */
export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const s = String(reader.result ?? '');
      resolve(s.slice(s.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Downloads a GET endpoint's file (exports, templates) with the server's file name; errors carry the server's message. */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, { credentials: 'same-origin', headers: { 'Accept-Language': document.documentElement.lang || 'zh-CN' } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? `${res.status}`);
  }
  const blob = await res.blob();
  const m = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('Content-Disposition') ?? '');
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = m?.[1] ? decodeURIComponent(m[1]) : fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}

/** Tag colour of a lead state (status colours only: the theme tunes them for contrast). */
export function leadStateColor(state: string): string {
  switch (state) {
    case 'registered':
    case 'forwarding':
    case 'escalated':
      return 'warning';
    case 'assigned':
    case 'evaluating':
      return 'processing';
    case 'evaluated':
    case 'converted':
      return 'success';
    default:
      return 'default';
  }
}
