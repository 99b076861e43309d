import { describe, expect, it } from 'vitest';
import { allowedLeadActions, LEAD_STATES, nextLeadState, type LeadFacts } from './lead-states.ts';
import { companyNameKey, findDuplicates, normalizeTitle, similarTitles, titleSimilarity } from './similarity.ts';
import { normalizeCreditCode, protectedUntil, registrationConflicts, DEFAULT_PROTECTION_DAYS } from './deal-registration.ts';
import {
  CONFLICT_STATE_LABELS,
  IMPORTANCE_LABELS,
  IMPORTANCE_LEVELS,
  LEAD_CATEGORIES,
  LEAD_CATEGORY_LABELS,
  LEAD_CHANNEL_LABELS,
  LEAD_CHANNELS,
  PARTICIPATION_LEVEL_LABELS,
  PARTICIPATION_LEVELS,
  REPLY_METHOD_LABELS,
  REPLY_METHODS,
} from './labels.ts';
import { LEAD_STATE_LABELS } from './lead-states.ts';

const actor = (userId: string, ...permissions: string[]) => ({ userId, permissions: new Set(permissions) });
const lead = (p: Partial<LeadFacts> = {}): LeadFacts => ({
  state: 'registered',
  conflictState: null,
  registeredBy: 'reg',
  assigneeId: null,
  ...p,
});

describe('lead state machine', () => {
  it('follows the seed-003 path', () => {
    expect(nextLeadState('registered', 'screen_reject')).toBe('closed');
    expect(nextLeadState('registered', 'screen_forward')).toBe('forwarding');
    expect(nextLeadState('forwarding', 'forward_approved')).toBe('forwarded');
    expect(nextLeadState('forwarding', 'forward_undone')).toBe('registered');
    expect(nextLeadState('registered', 'screen_keep')).toBe('assigned');
    expect(nextLeadState('assigned', 'evaluate_progress')).toBe('evaluating');
    expect(nextLeadState('evaluating', 'escalate')).toBe('escalated');
    expect(nextLeadState('escalated', 'decide')).toBe('evaluating');
    expect(nextLeadState('evaluating', 'evaluate_complete')).toBe('evaluated');
    expect(nextLeadState('evaluated', 'convert')).toBe('converted');
  });

  it('refuses events that do not apply', () => {
    expect(nextLeadState('closed', 'screen_keep')).toBeNull();
    expect(nextLeadState('assigned', 'screen_reject')).toBeNull();
    expect(nextLeadState('escalated', 'evaluate_complete')).toBeNull();
    expect(nextLeadState('evaluated', 'escalate')).toBeNull();
    expect(nextLeadState('forwarded', 'forward_undone')).toBeNull();
    for (const s of ['closed', 'forwarded', 'converted'] as const) {
      for (const e of [
        'screen_reject',
        'screen_forward',
        'screen_keep',
        'evaluate_progress',
        'evaluate_complete',
        'escalate',
        'decide',
        'convert',
      ] as const) {
        expect(nextLeadState(s, e), `${s} ${e}`).toBeNull();
      }
    }
  });

  it('allows actions by state, capability and relation to the record', () => {
    const sup = actor('sup', 'lead.register', 'lead.read', 'lead.screen');
    const am = actor('am', 'lead.register', 'lead.read', 'lead.evaluate');
    const other = actor('other', 'lead.register', 'lead.read', 'lead.evaluate');
    const dir = actor('dir', 'lead.read', 'lead.screen', 'lead.evaluate', 'lead.decide');
    expect(allowedLeadActions(lead(), sup)).toEqual(['edit', 'attach', 'screen']);
    expect(allowedLeadActions(lead(), am)).toEqual([]);
    expect(allowedLeadActions(lead({ registeredBy: 'am' }), am)).toEqual(['edit', 'attach']);
    // a pending partner conflict blocks screening until the director decides
    expect(allowedLeadActions(lead({ conflictState: 'pending' }), sup)).not.toContain('screen');
    expect(allowedLeadActions(lead({ conflictState: 'pending' }), dir)).toContain('resolve_conflict');
    const assigned = lead({ state: 'assigned', assigneeId: 'am' });
    expect(allowedLeadActions(assigned, am)).toEqual(['edit', 'attach', 'evaluate', 'escalate']);
    expect(allowedLeadActions(assigned, other)).toEqual([]);
    expect(allowedLeadActions(assigned, sup)).toEqual(['edit', 'attach', 'escalate']);
    expect(allowedLeadActions(lead({ state: 'escalated', assigneeId: 'am' }), am)).toEqual(['edit', 'attach']);
    expect(allowedLeadActions(lead({ state: 'escalated', assigneeId: 'am' }), dir)).toContain('decide');
    expect(allowedLeadActions(lead({ state: 'evaluated', assigneeId: 'am' }), am)).toContain('convert');
    expect(allowedLeadActions(lead({ state: 'closed' }), dir)).toEqual([]);
    expect(allowedLeadActions(lead({ state: 'forwarding' }), sup)).toEqual([]);
    expect(allowedLeadActions(lead(), actor(''))).toEqual([]);
  });
});

describe('labels', () => {
  it('label every value in both languages', () => {
    const sets: Array<[readonly string[], Record<string, { zh: string; en: string }>]> = [
      [LEAD_CHANNELS, LEAD_CHANNEL_LABELS],
      [REPLY_METHODS, REPLY_METHOD_LABELS],
      [LEAD_CATEGORIES, LEAD_CATEGORY_LABELS],
      [PARTICIPATION_LEVELS, PARTICIPATION_LEVEL_LABELS],
      [IMPORTANCE_LEVELS, IMPORTANCE_LABELS],
      [LEAD_STATES, LEAD_STATE_LABELS],
      [['pending', 'accepted', 'rejected'], CONFLICT_STATE_LABELS],
    ];
    for (const [values, labels] of sets) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const v of values) {
        expect(labels[v]?.zh).toMatch(/[\u4e00-\u9fa5]/);
        expect(labels[v]?.en).toMatch(/[A-Za-z]/);
      }
    }
    expect(LEAD_CHANNELS).toHaveLength(10);
  });
});

describe('similar titles and customer keys', () => {
  it('normalises company names to one key', () => {
    expect(companyNameKey('天津市滨海新区 智慧城市建设有限公司')).toBe(companyNameKey('天津市滨海新区智慧城市建设股份有限公司'));
    expect(companyNameKey('（天津）华信科技有限公司')).toBe('天津华信科技');
    expect(companyNameKey('ＡＢＣ Co., Ltd.')).toBe('abc');
    expect(companyNameKey('华信集团有限公司')).toBe('华信');
  });

  it('finds similar Chinese titles and keeps different ones apart', () => {
    expect(normalizeTitle('【招标公告】滨海新区 智慧园区项目')).toBe('滨海新区智慧园区');
    expect(similarTitles('滨海新区智慧园区安防项目', '滨海新区智慧园区安防系统采购')).toBe(true);
    expect(similarTitles('焊接机器人工作站', '焊接机器人工作站（二期）')).toBe(true);
    expect(similarTitles('焊接机器人工作站', '办公楼综合布线')).toBe(false);
    expect(titleSimilarity('视频监控系统', '视频监控系统')).toBe(1);
    expect(titleSimilarity('视频监控系统', '门禁系统')).toBeLessThan(0.6);
  });

  it('flags the same customer and a similar title within the window only', () => {
    const now = new Date('2026-03-10T02:00:00Z');
    const day = 86_400_000;
    const existing = [
      { id: 'a', title: '园区安防监控系统', customerId: 'c1', customerName: '甲公司', registeredAt: new Date(now.getTime() - 10 * day) },
      { id: 'b', title: '园区安防监控系统', customerId: 'c1', customerName: '甲公司', registeredAt: new Date(now.getTime() - 91 * day) },
      { id: 'c', title: '园区安防监控系统', customerId: 'c2', customerName: '乙公司', registeredAt: new Date(now.getTime() - 1 * day) },
      {
        id: 'd',
        title: '园区安防监控系统项目',
        customerId: null,
        customerName: '甲有限公司',
        registeredAt: new Date(now.getTime() - 1 * day),
      },
      { id: 'e', title: '食堂装修', customerId: 'c1', customerName: '甲公司', registeredAt: new Date(now.getTime() - 1 * day) },
    ];
    const hits = findDuplicates({ title: '园区安防监控系统采购', customerId: 'c1', customerName: '甲公司' }, existing, now);
    expect(hits.map((h) => h.id)).toEqual(['a', 'd']);
    expect(findDuplicates({ title: '园区安防监控系统', customerId: null, customerName: null }, existing, now)).toEqual([]);
    expect(
      findDuplicates({ title: '园区安防监控系统', customerId: 'c1', customerName: '甲公司' }, existing, now, 200).map((h) => h.id),
    ).toContain('b');
  });
});

describe('partner deal registration', () => {
  const now = new Date('2026-03-10T02:00:00Z');
  it('protects for the configured period', () => {
    expect(DEFAULT_PROTECTION_DAYS).toBe(90);
    expect(protectedUntil(now, 90).toISOString()).toBe('2026-06-08T02:00:00.000Z');
    expect(normalizeCreditCode(' 91120116ma05 ')).toBe('91120116MA05');
    expect(normalizeCreditCode('')).toBeNull();
  });

  it('conflicts with customers by credit code or name key, open leads and protected registrations', () => {
    const customers = [
      { id: 'c1', name: '天津华信科技有限公司', nameKey: companyNameKey('天津华信科技有限公司'), creditCode: '91120116MA05XXXXX1' },
      { id: 'c2', name: '北京东方电气', nameKey: companyNameKey('北京东方电气'), creditCode: '911101000000000002' },
    ];
    const leads = [
      {
        id: 'l1',
        code: 'XS-2026-00001',
        title: '监控',
        state: 'assigned' as const,
        customerId: 'c1',
        customerName: '天津华信科技有限公司',
        partnerId: null,
        protectedUntil: null,
      },
      {
        id: 'l2',
        code: 'XS-2026-00002',
        title: '布线',
        state: 'closed' as const,
        customerId: 'c1',
        customerName: '天津华信科技有限公司',
        partnerId: null,
        protectedUntil: null,
      },
      {
        id: 'l3',
        code: 'XS-2026-00003',
        title: '门禁',
        state: 'evaluated' as const,
        customerId: null,
        customerName: '上海新光股份有限公司',
        partnerId: 'p2',
        protectedUntil: new Date('2026-04-01T00:00:00Z'),
      },
      {
        id: 'l4',
        code: 'XS-2026-00004',
        title: '旧报备',
        state: 'closed' as const,
        customerId: null,
        customerName: '上海新光有限公司',
        partnerId: 'p2',
        protectedUntil: new Date('2026-04-01T00:00:00Z'),
      },
    ];
    const byName = registrationConflicts(
      { customerId: null, customerName: '天津华信科技 有限公司', creditCode: null, partnerId: 'p1' },
      { customers, leads },
      now,
    );
    expect(byName.map((c) => `${c.kind}:${c.id}`)).toEqual(['customer:c1', 'lead:l1']);
    const byCode = registrationConflicts(
      { customerId: null, customerName: '东方电气集团', creditCode: '911101000000000002', partnerId: 'p1' },
      { customers, leads },
      now,
    );
    expect(byCode.map((c) => `${c.kind}:${c.id}`)).toEqual(['customer:c2']);
    const protectedHit = registrationConflicts(
      { customerId: null, customerName: '上海新光有限公司', creditCode: null, partnerId: 'p1' },
      { customers, leads },
      now,
    );
    expect(protectedHit.map((c) => `${c.kind}:${c.id}`)).toEqual(['protected_registration:l3']);
    const later = registrationConflicts(
      { customerId: null, customerName: '上海新光有限公司', creditCode: null, partnerId: 'p1' },
      { customers, leads },
      new Date('2026-05-01T00:00:00Z'),
    );
    expect(later.map((c) => `${c.kind}:${c.id}`)).toEqual(['lead:l3']);
    expect(
      registrationConflicts(
        { customerId: null, customerName: '全新客户有限公司', creditCode: null, partnerId: 'p1' },
        { customers, leads },
        now,
      ),
    ).toEqual([]);
  });
});
