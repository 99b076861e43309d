import type { GateProject } from '../../../core/projects/stage-gate.ts';
import type { projects } from '../../db/schema.ts';

/** The stored project row, and how the pure rules of core/projects see it. */

export type ProjectRow = typeof projects.$inferSelect;

/** A `numeric` column (person-months, share %) as a number; null when empty or not a number. */
export function numberOf(v: string | number | null): number | null {
  if (v === null) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** A stored project as the pure stage gate sees it. */
export function gateProjectOf(p: ProjectRow): GateProject {
  return {
    stage: p.stage,
    status: p.status,
    goDecision: p.goDecision,
    registrationState: p.registrationState,
    shareException: p.shareException,
    name: p.name,
    customerId: p.customerId,
    amountFen: p.amountFen,
    budgetFen: p.budgetFen,
    expectedSignDate: p.expectedSignDate,
    winProbability: p.winProbability,
    decisionProcess: p.decisionProcess,
    funding: p.funding,
    credit: p.credit,
    competitors: p.competitors,
    strengths: p.strengths,
    risks: p.risks,
    projectLevel: p.projectLevel,
    deliveryMode: p.deliveryMode,
    personMonths: numberOf(p.personMonths),
    partnerId: p.partnerId,
    companySharePct: numberOf(p.companySharePct),
    managerUserId: p.managerUserId,
    presalesLeadId: p.presalesLeadId,
    monitorUserId: p.monitorUserId,
    outcomeReason: p.outcomeReason,
    winningCompetitor: p.winningCompetitor,
  };
}
