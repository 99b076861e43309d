import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Contract } from '../../../core/contract.ts';
import type { Permission } from '../../../core/permissions.ts';

/** The menu's sections, in menu order; a module's menu items name the section they go in. */
export const NAV_SECTIONS = [
  { key: 'work', labelKey: 'workspace.navGroup' },
  { key: 'projects', labelKey: 'projects.navGroup' },
  { key: 'customers', labelKey: 'customers.navGroup' },
  { key: 'intake', labelKey: 'leads.navGroup' },
  { key: 'approvals', labelKey: 'approvals.navGroup' },
  { key: 'me', labelKey: 'nav.groupMe' },
  { key: 'admin', labelKey: 'nav.groupAdmin' },
] as const;

export type NavSection = (typeof NAV_SECTIONS)[number]['key'];

/** One page of a module at one URL. */
export interface WebRoute {
  /** the URL path, from the root: `/customers/:id` (`/` is the workspace) */
  path: string;
  /** the page, loaded on demand: `lazyPage(() => import('./pages/x-page.tsx'), 'XPage')` */
  page: LazyExoticComponent<ComponentType>;
  /** without it the user sees the 403 page instead */
  permission?: Permission;
  /**
   * Where the page shows: in the signed-in shell (the default), or on its own — `signed-out` for
   * the login page, `password-change` for the forced change of the initial password.
   */
  frame?: 'shell' | 'signed-out' | 'password-change';
}

/** One item of the side menu. */
export interface NavItem {
  section: NavSection;
  path: string;
  labelKey: string;
  icon: ReactNode;
  /** shown only when the user's grants contain this permission */
  permission?: Permission;
  /** rendered after the label (e.g. a count badge) */
  badge?: ReactNode;
}

/**
 * What a web feature adds to the app: its pages and its menu items. Listed once in
 * web/src/app/module-list.ts; the router and the menu read that list. (Its strings are in
 * `features/<name>/i18n/<locale>.json`, merged by web/src/i18n/index.ts.)
 */
export interface WebModule<C extends Contract = Contract> {
  name: string;
  /**
   * The server contracts whose endpoints this feature calls — a type only (`defineWebModule<typeof
   * xContract>(…)`): the API client is typed from the contracts of every module in the list.
   */
  readonly contracts?: readonly C[];
  routes: readonly WebRoute[];
  /** menu items, in menu order within their section (sections in NAV_SECTIONS order, modules in list order) */
  nav?: readonly NavItem[];
}

export function defineWebModule<C extends Contract = never>(module: WebModule<C>): WebModule<C> {
  return module;
}

/** A page component loaded on first visit (its own chunk: the shell stays small). */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
