import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { OUTCOMES, shareBelowFloor, type Outcome } from '../../../../core/projects/rules.ts';
import { nextRequiredStep, stageGate } from '../../../../core/projects/stage-gate.ts';
import {
  INITIAL_STAGE,
  findStage,
  orderedStages,
  outcomeStage,
  type StageConfig,
  type StageDef,
} from '../../../../core/projects/stages.ts';
import type { MemberView, ProjectDetail, TeamView } from '../../../../core/projects/projects.schema.ts';
import type { Db } from '../../../db/client.ts';
import {
  approvalRequests,
  customers,
  departments,
  partners,
  projectMembers,
  projects,
  projectStageHistory,
  projectSummaries,
  users,
} from '../../../db/schema.ts';
import { getApprovalProcess } from '../../../approvals/processes.ts';
import { loadVisible } from '../../../kernel/load-visible.ts';
import type { Actor } from '../../../policies/actor.ts';
import { hasPermission } from '../../../policies/policy.ts';
import { projectVisibility } from '../../../policies/visibility.ts';
import { gateProjectOf, numberOf, type ProjectRow } from '../project-row.ts';
import { loadStageConfig } from '../project-stage-config.ts';
import { isOnTeam } from '../project-team.ts';
import { nextDeadlines } from './project-list.ts';

/**
 * The project page: the header with the stage path, the gate of each possible move and the next
 * required step, the team, the approvals, and what the reader may do. 404 outside the reader's
 * visibility.
 */

/** Owner, manager, presales lead, monitor and members with their roles. */
export async function projectTeam(db: Db, p: ProjectRow): Promise<z.infer<typeof TeamView>> {
  const ids = [p.ownerUserId, p.managerUserId, p.presalesLeadId, p.monitorUserId].filter((x): x is string => !!x);
  const people = ids.length ? await db.select({ id: users.id, n: users.displayName }).from(users).where(inArray(users.id, ids)) : [];
  const name = (id: string | null) => (id ? (people.find((u) => u.id === id)?.n ?? null) : null);
  const members = await db
    .select({
      userId: projectMembers.userId,
      displayName: users.displayName,
      departmentName: departments.name,
      projectRole: projectMembers.projectRole,
      addedAt: projectMembers.addedAt,
    })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(projectMembers.projectId, p.id))
    .orderBy(asc(projectMembers.addedAt));
  return {
    ownerUserId: p.ownerUserId,
    ownerName: name(p.ownerUserId) ?? '',
    managerUserId: p.managerUserId,
    managerName: name(p.managerUserId),
    presalesLeadId: p.presalesLeadId,
    presalesLeadName: name(p.presalesLeadId),
    monitorUserId: p.monitorUserId,
    monitorName: name(p.monitorUserId),
    members: members.map((m): z.infer<typeof MemberView> => ({ ...m, addedAt: m.addedAt.toISOString() })),
  };
}

/** The stages shown on the project's path: the pipeline, then the outcome (reached or expected), the post stages, closed. */
function stagePath(config: StageConfig, p: ProjectRow, entered: Map<string, Date>) {
  const ordered = orderedStages(config);
  let path: StageDef[];
  if (p.status === 'no_go') {
    path = ordered.filter((s) => s.code === INITIAL_STAGE || s.terminal);
  } else {
    path = ordered.filter((s) => s.kind === 'pipeline');
    const outcome: Outcome = (OUTCOMES as readonly string[]).includes(p.status) ? (p.status as Outcome) : 'won';
    const o = outcomeStage(config, outcome);
    if (o) path.push(o);
    if (outcome === 'won') path.push(...ordered.filter((s) => s.kind === 'post'));
    path.push(...ordered.filter((s) => s.terminal));
  }
  const ci = path.findIndex((s) => s.code === p.stage);
  return path.map((s, i) => ({
    stage: s.code,
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    state: (i === ci ? 'current' : i > ci ? 'upcoming' : entered.has(s.code) ? 'done' : 'skipped') as
      'done' | 'current' | 'upcoming' | 'skipped',
    enteredAt: entered.get(s.code)?.toISOString() ?? null,
  }));
}

async function visibleUnder(
  db: Db,
  actor: Actor,
  id: string,
  permission: 'project.update' | 'project.assign' | 'project.create',
): Promise<boolean> {
  if (!hasPermission(actor, permission)) return false;
  const vis = await projectVisibility(db, actor, permission);
  return (
    (
      await db
        .select({ id: projects.id })
        .from(projects)
        .where(and(eq(projects.id, id), vis))
        .limit(1)
    ).length > 0
  );
}

/** The project page: everything the header, the tabs and the Advance button need. 404 outside the reader's scope. */
export async function getProjectDetail(db: Db, actor: Actor, id: string): Promise<ProjectDetail> {
  const p = await loadVisible(db, projects, id, await projectVisibility(db, actor, 'project.read'));
  const { config } = await loadStageConfig(db);
  const [names] = await db
    .select({ customerName: customers.name, partnerName: partners.name, departmentName: departments.name })
    .from(projects)
    .innerJoin(customers, eq(customers.id, projects.customerId))
    .leftJoin(partners, eq(partners.id, projects.partnerId))
    .leftJoin(departments, eq(departments.id, projects.departmentId))
    .where(eq(projects.id, id))
    .limit(1);
  const summary =
    (await db.select({ id: projectSummaries.projectId }).from(projectSummaries).where(eq(projectSummaries.projectId, id)).limit(1)).length >
    0;
  const facts = { hasSummary: summary };
  const gp = gateProjectOf(p);
  const current = findStage(config, p.stage);
  const transitions = (current?.next ?? []).map((code) => {
    const g = stageGate(gp, config, code, facts);
    return { stage: code, allowed: g.allowed, reasons: g.reasons };
  });
  const history = await db
    .select({ toStage: projectStageHistory.toStage, at: projectStageHistory.at })
    .from(projectStageHistory)
    .where(eq(projectStageHistory.projectId, id))
    .orderBy(asc(projectStageHistory.at), asc(projectStageHistory.id));
  const entered = new Map(history.map((h) => [h.toStage, h.at]));
  const requester = alias(users, 'requester');
  const approvals = await db
    .select({ r: approvalRequests, requesterName: requester.displayName })
    .from(approvalRequests)
    .innerJoin(requester, eq(requester.id, approvalRequests.requesterId))
    .where(and(eq(approvalRequests.subjectType, 'project'), eq(approvalRequests.subjectId, id)))
    .orderBy(desc(approvalRequests.submittedAt));
  const [next] = [...(await nextDeadlines(db, [id])).values()];
  const [canUpdate, canAssign, canRegister, onTeam] = [
    await visibleUnder(db, actor, id, 'project.update'),
    await visibleUnder(db, actor, id, 'project.assign'),
    await visibleUnder(db, actor, id, 'project.create'),
    await isOnTeam(db, p, actor.userId),
  ];
  const personMonths = numberOf(p.personMonths);
  const companySharePct = numberOf(p.companySharePct);
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    customerId: p.customerId,
    customerName: names?.customerName ?? '',
    leadId: p.leadId,
    stage: p.stage,
    stageEnteredAt: p.stageEnteredAt.toISOString(),
    status: p.status,
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
    analysisNotes: p.analysisNotes,
    goDecision: p.goDecision,
    noGoReason: p.noGoReason,
    projectLevel: p.projectLevel,
    deliveryMode: p.deliveryMode,
    personMonths,
    bigProject: p.bigProject,
    partnerId: p.partnerId,
    partnerName: names?.partnerName ?? null,
    companySharePct,
    shareException: p.shareException,
    registrationState: p.registrationState,
    registeredAt: p.registeredAt?.toISOString() ?? null,
    specialHandling: p.specialHandling,
    departmentId: p.departmentId,
    departmentName: names?.departmentName ?? null,
    outcomeReason: p.outcomeReason,
    outcomeNote: p.outcomeNote,
    winningCompetitor: p.winningCompetitor,
    winningPriceFen: p.winningPriceFen,
    outcomeAt: p.outcomeAt?.toISOString() ?? null,
    closedAt: p.closedAt?.toISOString() ?? null,
    nextDeadlineAt: next ?? null,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    version: p.version,
    team: await projectTeam(db, p),
    stagePath: stagePath(config, p, entered),
    transitions,
    nextStep: nextRequiredStep(gp, config, facts),
    hasSummary: summary,
    shareFloorPct: config.shareFloorPct,
    flags: {
      bigProject: p.bigProject,
      cooperative: p.deliveryMode === 'cooperative',
      shareBelowFloor: shareBelowFloor(p.deliveryMode, companySharePct, config.shareFloorPct),
      registered: p.registrationState === 'approved',
      closed: current?.terminal ?? false,
    },
    approvals: approvals.map(({ r, requesterName }) => {
      const proc = getApprovalProcess(r.processCode);
      return {
        requestId: r.id,
        processCode: r.processCode,
        processLabel: proc ? (actor.locale === 'en' ? proc.labelEn : proc.labelZh) : r.processCode,
        state: r.state,
        submittedAt: r.submittedAt.toISOString(),
        decidedAt: r.decidedAt?.toISOString() ?? null,
        requesterName,
      };
    }),
    can: { update: canUpdate, assign: canAssign, register: canRegister, writeSummary: onTeam || canUpdate },
  };
}

/** The team of a visible project. */
export async function getProjectTeam(db: Db, actor: Actor, id: string) {
  return projectTeam(db, await loadVisible(db, projects, id, await projectVisibility(db, actor, 'project.read')));
}
