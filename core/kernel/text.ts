/** '' (or only spaces) → null for optional text fields; undefined stays undefined (not changed). */
export function blankToNull<T extends string | null | undefined>(v: T): T | null {
  if (typeof v === 'string' && v.trim() === '') return null;
  return v;
}
