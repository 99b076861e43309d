import { z } from 'zod';

export const MAX_PAGE_SIZE = 200;

export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Id = z.string().uuid();

/** Page query shared by every list endpoint; page size is capped at 200. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** A sort parameter restricted to the allow-listed fields, `field` or `-field`. */
export function sortParam<const F extends readonly [string, ...string[]]>(fields: F, fallback: string) {
  const allowed = fields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return z.enum(allowed).default(fallback);
}

export const VersionBody = z.object({ version: z.number().int().min(1) });

export const OkBody = z.object({ ok: z.literal(true) });

export const Timestamp = z.string().describe('ISO 8601 timestamp');
