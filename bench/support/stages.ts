/**
 * What the benchmark needs to know about the project stage machine (core/projects/stages.ts):
 * the stages in order, how the seeded projects spread over them, the path each one took (for the
 * stage history), and a legal move without an approval gate for the write load. Derived from the
 * default stage configuration, so it follows the real stage machine.
 */
import {
  CLOSED_STAGE,
  DEFAULT_STAGE_CONFIG,
  INITIAL_STAGE,
  REGISTERED_STAGE,
  orderedStages,
  statusForStage,
} from '../../core/projects/stages.ts';

export interface StageModel {
  /** stage codes in display order */
  codes: string[];
  /** relative share of the seeded projects per stage (same order as codes) */
  weights: number[];
  /** the project status of a project in each stage (same order); the closed stage uses closedStatuses */
  statuses: string[];
  /** statuses of projects in the closed stage (one picked per project) */
  closedStatuses: string[];
  /** index of the registered stage (立项: the go/no-go decision was "go") */
  registeredIndex: number;
  /** index of the first stage that needs the approved registration (立项审批) */
  approvedIndex: number;
  /** the stages a project passed through, by `stage` or, for the closed stage, by `closed:<status>` */
  paths: Record<string, string[]>;
  /** project roles of the seeded team members: account manager, project manager, presales lead, commercial */
  memberRoles: [string, string, string, string];
  /** the write load moves projects back and forth between these two stages (no approval gate either way) */
  move: { from: string; to: string };
}

const WEIGHTS: Record<string, number> = {
  opportunity: 18,
  registered: 8,
  requirement_research: 10,
  solution: 14,
  quotation: 8,
  tender: 10,
  won: 4,
  lost: 4,
  abandoned: 2,
  failed_tender: 1,
  handoff: 3,
  closed: 18,
};

export async function stageModel(): Promise<StageModel> {
  const stages = orderedStages(DEFAULT_STAGE_CONFIG);
  const codes = stages.map((s) => s.code);
  const pipeline = stages.filter((s) => s.kind === 'pipeline').map((s) => s.code);
  const approvedIndex = stages.findIndex((s) => s.requires.approvals.includes('registration'));
  const paths: Record<string, string[]> = {};
  for (const s of stages) {
    if (s.kind === 'pipeline') paths[s.code] = pipeline.filter((c) => (stages.find((x) => x.code === c)?.order ?? 0) <= s.order);
    else if (s.kind === 'outcome') paths[s.code] = [...pipeline, s.code];
    else if (s.kind === 'post') paths[s.code] = [...pipeline, 'won', s.code];
  }
  const closedStatuses = ['won', 'won', 'won', 'won', 'lost', 'lost', 'lost', 'abandoned', 'failed_tender', 'no_go'];
  for (const st of new Set(closedStatuses)) {
    paths[`${CLOSED_STAGE}:${st}`] =
      st === 'no_go'
        ? [INITIAL_STAGE, CLOSED_STAGE]
        : st === 'won'
          ? [...pipeline, 'won', 'handoff', CLOSED_STAGE]
          : [...pipeline, st, CLOSED_STAGE];
  }
  return {
    codes,
    weights: codes.map((c) => WEIGHTS[c] ?? 5),
    statuses: stages.map((s) => statusForStage(s, 'open')),
    closedStatuses,
    registeredIndex: codes.indexOf(REGISTERED_STAGE),
    approvedIndex: approvedIndex < 0 ? codes.indexOf(REGISTERED_STAGE) + 1 : approvedIndex,
    paths,
    memberRoles: ['account_manager', 'project_manager', 'presales_engineer', 'commercial_specialist'],
    move: { from: 'requirement_research', to: 'solution' },
  };
}
