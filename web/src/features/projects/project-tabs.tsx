import type { ReactNode } from 'react';
import type { ProjectDetail } from './project-api.ts';
import { OverviewTab } from './components/tabs/overview-tab.tsx';
import { TeamTab } from './components/tabs/team-tab.tsx';
import { ActivitiesTab, ApprovalsTab, DeadlinesTab } from './components/tabs/simple-tabs.tsx';
import { MeetingsTab } from './components/tabs/meetings-tab.tsx';
import { SummaryTab } from './components/tabs/summary-tab.tsx';

/**
 * The tabs of the project page, in one list. A later module (requirement research, proposals,
 * quotes, tenders, documents…) adds its tab by calling `registerProjectTab` from its own
 * module file, or by adding a line here: `order` places it, `visible` hides it when it does
 * not apply.
 */
export interface ProjectTab {
  key: string;
  /** i18n key of the tab label */
  labelKey: string;
  order: number;
  render: (p: ProjectDetail) => ReactNode;
  visible?: (p: ProjectDetail) => boolean;
}

const TABS: ProjectTab[] = [
  { key: 'overview', labelKey: 'projects.tab.overview', order: 10, render: (p) => <OverviewTab p={p} /> },
  { key: 'team', labelKey: 'projects.tab.team', order: 20, render: (p) => <TeamTab p={p} /> },
  { key: 'activities', labelKey: 'projects.tab.activities', order: 30, render: (p) => <ActivitiesTab p={p} /> },
  { key: 'approvals', labelKey: 'projects.tab.approvals', order: 40, render: (p) => <ApprovalsTab p={p} /> },
  { key: 'deadlines', labelKey: 'projects.tab.deadlines', order: 50, render: (p) => <DeadlinesTab p={p} /> },
  { key: 'meetings', labelKey: 'projects.tab.meetings', order: 60, render: (p) => <MeetingsTab p={p} /> },
  { key: 'summary', labelKey: 'projects.tab.summary', order: 90, render: (p) => <SummaryTab p={p} /> },
];

/** Adds (or replaces) a tab of the project page. */
export function registerProjectTab(tab: ProjectTab): void {
  const i = TABS.findIndex((x) => x.key === tab.key);
  if (i >= 0) TABS.splice(i, 1, tab);
  else TABS.push(tab);
}

/** The tabs shown for a project, in order. */
export function projectTabs(p: ProjectDetail): ProjectTab[] {
  return TABS.filter((x) => !x.visible || x.visible(p)).sort((a, b) => a.order - b.order);
}
