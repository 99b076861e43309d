import { z } from 'zod';
import type { Locale } from '../../core/i18n/locale.ts';

const zh = z.locales.zhCN();
const en = z.locales.en();

/** A validation issue rendered in the user's language with Zod's own locale tables. */
export function fieldMessage(issue: unknown, locale: Locale): string {
  const table = locale === 'en' ? en : zh;
  try {
    const out = table.localeError(issue as never);
    if (typeof out === 'string') return out;
    if (out && typeof out === 'object' && 'message' in out && typeof out.message === 'string') return out.message;
  } catch {
    /* fall through to the issue's own message */
  }
  const msg = (issue as { message?: unknown }).message;
  return typeof msg === 'string' ? msg : 'invalid';
}
