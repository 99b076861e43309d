import { useSearchParams } from 'react-router-dom';

/**
 * Page state (page, size, sort, filters, tabs) kept in the URL query, so a reload or a shared
 * link shows the same page. Values are strings; an empty value removes the key; a patch goes back
 * to page 1 unless it sets `page` or `resetPage` is false. Server-side list pages use it through
 * useListPage (use-list-page.ts).
 */
export function useUrlParams<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])) as Record<K, string | undefined>;
  const update = (patch: Partial<Record<K, string | number | null | undefined>>, resetPage = true) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch) as Array<[K, string | number | null | undefined]>) {
          if (v === undefined || v === null || v === '') next.delete(k);
          else next.set(k, String(v));
        }
        if (resetPage && !('page' in patch)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  };
  return [values, update] as const;
}

export function positiveInt(value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, max) : fallback;
}
