import type { Me } from '../shared/api/types.ts';
import { can } from '../features/auth/hooks/use-session.ts';
import { WEB_MODULES } from './module-list.ts';
import { NAV_SECTIONS, type NavItem } from './web-module.ts';

export type { NavItem } from './web-module.ts';

export interface NavGroup {
  key: string;
  labelKey: string;
  items: NavItem[];
}

/** Every menu item of every module (web/src/app/module-list.ts), by section; the menu shows the ones the user's roles grant. */
export const NAV_GROUPS: NavGroup[] = NAV_SECTIONS.map((s) => ({
  key: s.key,
  labelKey: s.labelKey,
  items: WEB_MODULES.flatMap((m) => m.nav ?? []).filter((i) => i.section === s.key),
}));

export function visibleNav(me: Me): NavGroup[] {
  return NAV_GROUPS.map((g) => ({ ...g, items: g.items.filter((i) => !i.permission || can(me, i.permission)) })).filter(
    (g) => g.items.length > 0,
  );
}

/** The menu key for a location: the longest item path that prefixes it. */
export function selectedNavKey(pathname: string): string | undefined {
  let best: string | undefined;
  for (const g of NAV_GROUPS) {
    for (const i of g.items) {
      if ((pathname === i.path || pathname.startsWith(`${i.path}/`)) && (!best || i.path.length > best.length)) best = i.path;
    }
  }
  return best;
}
