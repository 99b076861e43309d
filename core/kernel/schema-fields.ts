import { z } from 'zod';

/**
 * Field types shared by the intake, activity and case schemas (leads, activities, visit logs,
 * cases): text without control characters, calendar dates that exist, and instants PostgreSQL
 * can store. Anything else is a 400 with a per-field message, never a database error.
 */

/** Control characters other than tab and line breaks are dropped (PostgreSQL refuses a NUL in text). */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Trimmed text of at most `max` characters, control characters removed. */
export const cleanText = (max: number) =>
  z
    .string()
    .overwrite((s) => s.replace(CONTROL_CHARS, ''))
    .trim()
    .max(max);

/** The years a date or instant may fall in (PostgreSQL has no year 0; nothing here is older or later). */
const MIN_DATE = '1900-01-01';
const MAX_DATE = '2999-12-31';

/** A calendar date that exists (no 2026-02-30), YYYY-MM-DD, between 1900 and 2999. */
export const IsoDate = z.iso.date().refine((d) => d >= MIN_DATE && d <= MAX_DATE, { message: 'date out of range' });

/** An ISO 8601 instant with an offset, between 1900 and 2999. */
export const IsoInstant = z.iso.datetime({ offset: true }).refine(
  (s) => {
    const ms = Date.parse(s);
    return Number.isFinite(ms) && ms >= Date.parse(`${MIN_DATE}T00:00:00Z`) && ms <= Date.parse(`${MAX_DATE}T23:59:59Z`);
  },
  { message: 'time out of range' },
);

/** A search term of a list query. */
export const SearchQ = cleanText(64);
