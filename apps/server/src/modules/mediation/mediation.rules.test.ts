import { describe, expect, it } from 'vitest';
import { checkAssignment, conflictingRule, matchRule, rankMediators, type Candidate, type MemberFacts, type RuleFacts } from './mediation.rules.ts';

const rule = (id: string, areaPrefix: string, disputeKind: RuleFacts['disputeKind'], priority: number, active = true): RuleFacts => ({ id, areaPrefix, disputeKind, nodeId: `node-${id}`, platform: null, priority, active });

describe('matchRule', () => {
  const rules = [
    rule('district-any', '350213', null, 10),
    rule('district-traffic', '350213', 'traffic', 50),
    rule('xindian-any', '350213003', null, 20),
    rule('xindian-family', '350213003', 'family', 60),
    rule('inactive', '350213', 'loan', 99, false),
  ];
  it.each([
    ['a traffic dispute in 新店 goes to the traffic platform (higher priority than the town)', '350213003', 'traffic', 'district-traffic'],
    ['a family dispute in 新店 goes to 新店 family', '350213003', 'family', 'xindian-family'],
    ['a loan dispute in 新店 goes to the town', '350213003', 'loan', 'xindian-any'],
    ['a loan dispute in 马巷 falls back to the district (inactive rule ignored)', '350213002', 'loan', 'district-any'],
    ['a dispute in another district matches nothing', '350203001', 'loan', null],
  ] as const)('%s', (_name, areaCode, disputeKind, expected) => {
    expect(matchRule(rules, { areaCode, disputeKind })?.id ?? null).toBe(expected);
  });
  it('at equal priority the longer prefix, then a named kind wins', () => {
    expect(matchRule([rule('a', '3502', null, 5), rule('b', '350213', null, 5)], { areaCode: '350213001', disputeKind: 'loan' })?.id).toBe('b');
    expect(matchRule([rule('a', '350213', null, 5), rule('b', '350213', 'loan', 5)], { areaCode: '350213001', disputeKind: 'loan' })?.id).toBe('b');
  });
});

describe('conflictingRule', () => {
  const existing = [rule('x', '350213', 'traffic', 50), rule('y', '350213003', null, 20)];
  it.each([
    ['same prefix, same kind, same priority', { areaPrefix: '350213', disputeKind: 'traffic', priority: 50 }, 'x'],
    ['nested prefix, any kind, same priority', { areaPrefix: '350213003', disputeKind: 'traffic', priority: 50 }, 'x'],
    ['same priority but different kinds', { areaPrefix: '350213', disputeKind: 'family', priority: 50 }, undefined],
    ['overlapping but a different priority', { areaPrefix: '350213', disputeKind: 'traffic', priority: 51 }, undefined],
    ['a town rule of any kind against a town rule', { areaPrefix: '350213003', disputeKind: 'loan', priority: 20 }, 'y'],
    ['disjoint towns', { areaPrefix: '350213002', disputeKind: null, priority: 20 }, undefined],
  ] as const)('%s', (_n, c, expected) => {
    expect(conflictingRule(existing, { ...c, nodeId: 'n', platform: null, active: true })?.id).toBe(expected);
  });
  it('a rule does not conflict with its own earlier version, nor an inactive one', () => {
    expect(conflictingRule(existing, { id: 'x', areaPrefix: '350213', disputeKind: 'traffic', priority: 50, nodeId: 'n', platform: null, active: true })).toBeUndefined();
    expect(conflictingRule(existing, { areaPrefix: '350213', disputeKind: 'traffic', priority: 50, nodeId: 'n', platform: null, active: false })).toBeUndefined();
  });
});

describe('rankMediators', () => {
  // 2026-11-25 is a Wednesday (day 3) in China.
  const now = new Date('2026-11-25T02:00:00Z');
  const base: Candidate = { id: '', name: '', specialties: [], areaCodes: ['350213'], load: 0, maxLoad: 8, settled: 0, closed: 0, onLeaveUntil: null, availability: [] };
  const c = (id: string, over: Partial<Candidate>): Candidate => ({ ...base, id, name: id, ...over });
  const dispute = { disputeKind: 'traffic' as const, areaCode: '350213003' };

  it('ranks specialty, then town, then room and record, with the reasons in Chinese', () => {
    const ranked = rankMediators(dispute, [
      c('generalist', { areaCodes: ['350213003'] }),
      c('traffic-local', { specialties: ['traffic'], areaCodes: ['350213003'], load: 3, settled: 6, closed: 8, availability: [{ day: 3, from: 540, to: 720 }] }),
      c('traffic-district', { specialties: ['traffic'], load: 0 }),
    ], now);
    expect(ranked.map((r) => r.id)).toEqual(['traffic-local', 'traffic-district', 'generalist']);
    expect(ranked[0]!.reasons).toEqual(['擅长交通事故纠纷', '同属新店街道', '当前在办 3 件/上限 8 件', '调解成功率 75%（6/8）', '今日值班 09:00–12:00']);
    expect(ranked[1]!.reasons).toContain('同属翔安区');
    expect(ranked[2]!.reasons[0]).toBe('非交通事故纠纷专长');
    expect(ranked.every((r) => r.eligible)).toBe(true);
  });

  it.each([
    ['on leave', { onLeaveUntil: new Date('2026-12-01T00:00:00Z') }, '休假至 2026-12-01'],
    ['at full load', { load: 8 }, '已满负荷'],
    ['serving another district', { areaCodes: ['350203'] }, '服务地区不含新店街道'],
    ['serving another town of the same district', { areaCodes: ['350213002'] }, '服务地区不含新店街道'],
  ] as const)('a mediator %s is listed last and not eligible', (_n, over, reason) => {
    const ranked = rankMediators(dispute, [c('blocked', { specialties: ['traffic'], areaCodes: ['350213003'], ...over }), c('other', {})], now);
    expect(ranked.map((r) => [r.id, r.eligible])).toEqual([['other', true], ['blocked', false]]);
    expect(ranked[1]!.reasons).toContain(reason);
  });

  it('says when the mediator is next on duty', () => {
    const [r] = rankMediators(dispute, [c('m', { availability: [{ day: 5, from: 840, to: 1020 }, { day: 1, from: 540, to: 600 }] })], now);
    expect(r!.reasons).toContain('今日无值班，下次 周五 14:00');
  });

  it('a long good record outranks a single settled case', () => {
    const ranked = rankMediators(dispute, [c('one', { settled: 1, closed: 1 }), c('many', { settled: 18, closed: 20 })], now);
    expect(ranked[0]!.id).toBe('many');
  });
});

describe('checkAssignment', () => {
  const now = new Date('2026-11-25T02:00:00Z');
  const mediator = (name: string, areaCodes: string[], nodeIds: string[], over: Partial<NonNullable<MemberFacts['mediator']>> = {}) => ({ name, areaCodes, nodeIds, load: 1, maxLoad: 8, onLeaveUntil: null, ...over });
  const xindian = { name: '新店街道调委会', areaCode: '350213003', level: 'organisation' };
  const maxiang = { name: '马巷街道调委会', areaCode: '350213002', level: 'organisation' };
  const traffic = { name: '交通事故调解平台', areaCode: '350213', level: 'organisation' };
  const dispute = { areaCode: '350213003' };

  it.each<[string, MemberFacts[], string[]]>([
    ['a local mediator alone', [{ mediatorId: 'a', nodeId: 'x', lead: false, mediator: mediator('甲', ['350213003'], ['x']), node: xindian }], []],
    ['a joint group of two organisations with one lead', [
      { mediatorId: 'a', nodeId: 'x', lead: true, mediator: mediator('甲', ['350213003'], ['x']), node: xindian },
      { mediatorId: 'b', nodeId: 't', lead: false, mediator: mediator('乙', ['350213'], ['t']), node: traffic },
    ], []],
    ['a mediator of another town', [{ mediatorId: 'a', nodeId: 'm', lead: true, mediator: mediator('丙', ['350213002'], ['m']), node: maxiang }], ['/body/members/0/nodeId:outside_area', '/body/members/0/mediatorId:outside_area']],
    ['a mediator not in the organisation', [{ mediatorId: 'a', nodeId: 'x', lead: true, mediator: mediator('甲', ['350213003'], ['t']), node: xindian }], ['/body/members/0/nodeId:not_member']],
    ['a group without a lead, from one organisation', [
      { mediatorId: 'a', nodeId: 'x', lead: false, mediator: mediator('甲', ['350213003'], ['x']), node: xindian },
      { mediatorId: 'b', nodeId: 'x', lead: false, mediator: mediator('乙', ['350213003'], ['x']), node: xindian },
    ], ['/body/members:lead', '/body/members:joint']],
    ['the same mediator twice', [
      { mediatorId: 'a', nodeId: 'x', lead: true, mediator: mediator('甲', ['350213003'], ['x', 't']), node: xindian },
      { mediatorId: 'a', nodeId: 't', lead: false, mediator: mediator('甲', ['350213003'], ['x', 't']), node: traffic },
    ], ['/body/members/1/mediatorId:duplicate']],
    ['a mediator at full load and one on leave', [
      { mediatorId: 'a', nodeId: 'x', lead: true, mediator: mediator('甲', ['350213003'], ['x'], { load: 8 }), node: xindian },
      { mediatorId: 'b', nodeId: 't', lead: false, mediator: mediator('乙', ['350213'], ['t'], { onLeaveUntil: new Date('2026-12-01T00:00:00Z') }), node: traffic },
    ], ['/body/members/0/mediatorId:full', '/body/members/1/mediatorId:on_leave']],
    ['an unknown mediator', [{ mediatorId: 'z', nodeId: 'x', lead: true, node: xindian }], ['/body/members/0/mediatorId:unknown']],
  ])('%s', (_n, members, expected) => {
    const { fields } = checkAssignment(dispute, members, now);
    expect(fields.map((f) => `${f.pointer}:${f.code}`)).toEqual(expected);
  });

  it('names the areas in the outside-area message', () => {
    const { fields, outsideArea } = checkAssignment(dispute, [{ mediatorId: 'a', nodeId: 'm', lead: true, mediator: mediator('丙', ['350213002'], ['m']), node: maxiang }], now);
    expect(outsideArea).toBe(true);
    expect(fields[1]!.detail).toBe('丙的服务地区（马巷街道）不含本纠纷所在地（新店街道）');
  });
});
