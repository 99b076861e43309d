import type { ReactNode } from 'react';
import type { Permission } from '../../../../../core/permissions.ts';
import type { CustomerView } from '../customer-api.ts';

/**
 * The tabs of the customer page. The page shows its own tabs (overview, contacts, timeline) and
 * every tab another module registers here — e.g. projects, quotes or tenders of the customer:
 *
 *   registerCustomerTab({ key: 'projects', order: 40, label: (t) => t('projects.tab'), permission: 'project.read',
 *                         render: (customer) => <CustomerProjects customerId={customer.id} /> });
 *
 * Register at module load of a file the router imports (e.g. the module's page), keyed so a
 * second registration replaces the first.
 */
export interface CustomerTab {
  key: string;
  /** position among the tabs: overview 10, contacts 20, timeline 30 */
  order: number;
  label: (t: (key: string) => string) => ReactNode;
  permission?: Permission;
  render: (customer: CustomerView) => ReactNode;
}

const TABS = new Map<string, CustomerTab>();

export function registerCustomerTab(tab: CustomerTab): void {
  TABS.set(tab.key, tab);
}

/** The registered tabs in order. */
export function registeredCustomerTabs(): CustomerTab[] {
  return [...TABS.values()].sort((a, b) => a.order - b.order);
}
