import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_CONFIG, findStage, statusForStage, validateStageConfig, type StageConfig, type StageDef } from './stages.ts';
import { nextRequiredStep, requirementsFor, stageGate, suggestedNextStage, type GateProject } from './stage-gate.ts';

const base: GateProject = {
  stage: 'opportunity',
  status: 'open',
  goDecision: null,
  registrationState: 'none',
  shareException: 'none',
  name: '某市智慧停车项目',
  customerId: 'c1',
};
const cfg = DEFAULT_STAGE_CONFIG;
const none = { hasSummary: false };
function stageOf(code: string): StageDef {
  const s = findStage(cfg, code);
  if (!s) throw new Error(code);
  return s;
}
const codes = (r: ReturnType<typeof stageGate>) => r.reasons.map((x) => x.code);

describe('stageGate', () => {
  it('refuses an outcome or closing while an approval of the project is under way', () => {
    const pending: GateProject = { ...base, goDecision: 'pending', status: 'abandoned', outcomeReason: 'budget_cut' };
    expect(codes(stageGate(pending, cfg, 'abandoned', none))).toEqual(['approval_pending']);
    expect(stageGate({ ...pending, goDecision: null }, cfg, 'abandoned', none).allowed).toBe(true);
    const registering: GateProject = {
      ...base,
      stage: 'registered',
      goDecision: 'go',
      registrationState: 'pending',
      status: 'lost',
      outcomeReason: 'price',
    };
    expect(codes(stageGate(registering, cfg, 'lost', none))).toContain('approval_pending');
    const splitPending: GateProject = { ...base, stage: 'lost', status: 'lost', shareException: 'pending' };
    expect(codes(stageGate(splitPending, cfg, 'closed', { hasSummary: true }))).toEqual(['approval_pending']);
  });

  it('refuses registered before the go/no-go approval and allows it after', () => {
    const r = stageGate(base, cfg, 'registered', none);
    expect(r.allowed).toBe(false);
    expect(r.reasons).toEqual([expect.objectContaining({ code: 'approval_missing', approval: 'go_no_go' })]);
    expect(r.reasons[0]?.zh).toContain('跟进决策');
    expect(stageGate({ ...base, goDecision: 'go' }, cfg, 'registered', none).allowed).toBe(true);
  });

  it('requires the registration approval and the registration fields before requirement research', () => {
    const p: GateProject = { ...base, stage: 'registered', goDecision: 'go' };
    const r = stageGate(p, cfg, 'requirement_research', none);
    expect(r.allowed).toBe(false);
    expect(r.reasons.filter((x) => x.code === 'approval_missing').map((x) => x.approval)).toEqual(['registration']);
    expect(
      r.reasons
        .filter((x) => x.code === 'field_missing')
        .map((x) => x.field)
        .sort(),
    ).toEqual(['deliveryMode', 'expectedSignDate', 'managerUserId', 'presalesLeadId', 'projectLevel'].sort());
    const ready: GateProject = {
      ...p,
      registrationState: 'approved',
      expectedSignDate: '2026-09-30',
      projectLevel: 'company',
      deliveryMode: 'self',
      managerUserId: 'u1',
      presalesLeadId: 'u2',
    };
    expect(stageGate(ready, cfg, 'requirement_research', none)).toEqual({ allowed: true, reasons: [] });
  });

  it('a cooperative split below the floor needs the GM exception', () => {
    const p: GateProject = {
      ...base,
      stage: 'registered',
      goDecision: 'go',
      registrationState: 'approved',
      expectedSignDate: '2026-09-30',
      projectLevel: 'channel',
      deliveryMode: 'cooperative',
      companySharePct: 20,
      managerUserId: 'u1',
      presalesLeadId: 'u2',
    };
    expect(stageGate(p, cfg, 'requirement_research', none).reasons.map((x) => x.approval)).toEqual(['share_exception']);
    expect(stageGate({ ...p, shareException: 'approved' }, cfg, 'requirement_research', none).allowed).toBe(true);
    expect(stageGate({ ...p, companySharePct: 30 }, cfg, 'requirement_research', none).allowed).toBe(true);
  });

  it('pipeline requirements are cumulative: skipping a stage never skips its requirements', () => {
    const p: GateProject = { ...base, stage: 'requirement_research', goDecision: 'go', registrationState: 'none' };
    const r = stageGate(p, cfg, 'tender', none);
    expect(r.reasons.some((x) => x.approval === 'registration')).toBe(true);
    expect(requirementsFor(cfg, stageOf('quotation')).fields).toContain('amountFen');
  });

  it('refuses moves the machine does not allow, and moves out of a closed project', () => {
    expect(codes(stageGate({ ...base, goDecision: 'go' }, cfg, 'tender', none))).toContain('transition_not_allowed');
    expect(codes(stageGate({ ...base, stage: 'closed', status: 'lost' }, cfg, 'tender', none))).toEqual(['project_closed']);
    expect(codes(stageGate({ ...base, status: 'no_go' }, cfg, 'registered', none))).toEqual(['project_closed']);
    expect(codes(stageGate(base, cfg, 'opportunity', none))).toEqual(['same_stage']);
    expect(codes(stageGate(base, cfg, 'nowhere', none))).toEqual(['unknown_stage']);
  });

  it('outcome stages need the outcome recorded with its reason; closing needs the summary', () => {
    const p: GateProject = { ...base, stage: 'tender', goDecision: 'go', registrationState: 'approved' };
    expect(codes(stageGate(p, cfg, 'lost', none)).sort()).toEqual(['field_missing', 'outcome_missing']);
    expect(stageGate({ ...p, status: 'lost', outcomeReason: 'price' }, cfg, 'lost', none).allowed).toBe(true);
    const lost: GateProject = { ...p, stage: 'lost', status: 'lost', outcomeReason: 'price' };
    const r = stageGate(lost, cfg, 'closed', none);
    expect(codes(r)).toEqual(['summary_missing']);
    expect(r.reasons[0]?.en).toContain('summary');
    expect(stageGate(lost, cfg, 'closed', { hasSummary: true }).allowed).toBe(true);
  });
});

describe('nextRequiredStep', () => {
  it('walks the path: go/no-go, registration, presales lead, advance, summary, close', () => {
    expect(nextRequiredStep(base, cfg, none).code).toBe('submit_go_no_go');
    expect(nextRequiredStep({ ...base, goDecision: 'pending' }, cfg, none).code).toBe('await_go_no_go');
    const reg: GateProject = { ...base, stage: 'registered', goDecision: 'go' };
    expect(nextRequiredStep(reg, cfg, none).code).toBe('submit_registration');
    expect(nextRequiredStep({ ...reg, deliveryMode: 'cooperative', companySharePct: 10 }, cfg, none).code).toBe('request_share_exception');
    expect(nextRequiredStep({ ...reg, registrationState: 'pending' }, cfg, none).code).toBe('await_registration');
    expect(nextRequiredStep({ ...reg, registrationState: 'approved' }, cfg, none).code).toBe('assign_presales_lead');
    const adv = nextRequiredStep({ ...reg, registrationState: 'approved', presalesLeadId: 'u2' }, cfg, none);
    expect(adv.code).toBe('advance');
    expect(adv.targetStage).toBe('requirement_research');
    expect(adv.blockedBy.map((b) => b.field)).toContain('managerUserId');
    const lost: GateProject = { ...reg, stage: 'lost', status: 'lost', outcomeReason: 'price' };
    expect(nextRequiredStep(lost, cfg, none).code).toBe('write_summary');
    expect(nextRequiredStep(lost, cfg, { hasSummary: true })).toMatchObject({ code: 'close', targetStage: 'closed' });
    expect(nextRequiredStep({ ...lost, stage: 'won', status: 'won', amountFen: 100 }, cfg, none)).toMatchObject({
      code: 'advance',
      targetStage: 'handoff',
    });
    expect(nextRequiredStep({ ...lost, stage: 'closed' }, cfg, none).code).toBe('none');
  });

  it('suggests the lowest later stage', () => {
    expect(suggestedNextStage(cfg, { ...base, stage: 'solution' })?.code).toBe('quotation');
    expect(statusForStage(stageOf('handoff'), 'won')).toBe('won');
  });
});

describe('validateStageConfig', () => {
  it('accepts the defaults', () => {
    expect(validateStageConfig(cfg)).toEqual([]);
  });

  it('names what is wrong', () => {
    const broken: StageConfig = {
      shareFloorPct: 120,
      stages: cfg.stages
        .filter((s) => s.code !== 'registered' && s.code !== 'failed_tender')
        .map((s) => (s.code === 'opportunity' ? { ...s, next: ['nowhere', 'opportunity'] } : s)),
    };
    const errors = validateStageConfig(broken).map((e) => e.en);
    expect(errors).toEqual(
      expect.arrayContaining([
        'Stage "registered" is required',
        'Outcome "failed_tender" needs exactly one outcome stage',
        'Stage "Opportunity" moves to unknown stage "nowhere"',
        'Stage "Opportunity" cannot move to itself',
        'The share floor must be between 0 and 100',
      ]),
    );
  });
});
