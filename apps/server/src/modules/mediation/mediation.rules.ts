// Pure rules of triage: which routing rule applies, which rules would be ambiguous, how mediators rank
// for a dispute (with the reasons, in Chinese), and whether a proposed assignment is allowed.
import type { TDisputeKind, TPlatform } from '@opencourt/contracts';
import { chinaDate } from '../../platform/clock/index.ts';
import type { FieldError } from '../../platform/http/index.ts';
import { areaName, within } from './mediation.areas.ts';
import { KIND_NAMES } from './mediation.names.ts';

export type RuleFacts = { id: string; areaPrefix: string; disputeKind: TDisputeKind | null; nodeId: string; platform: TPlatform | null; priority: number; active: boolean };

const applies = (r: RuleFacts, d: { areaCode: string; disputeKind: TDisputeKind }) => r.active && within(d.areaCode, r.areaPrefix) && (r.disputeKind === null || r.disputeKind === d.disputeKind);

/**
 * The rule that routes a dispute: the highest priority; at equal priority (which the editor refuses for
 * overlapping rules, but older data may hold) the more specific one: longer area prefix, then a named kind.
 */
export function matchRule<R extends RuleFacts>(rules: readonly R[], d: { areaCode: string; disputeKind: TDisputeKind }): R | null {
  let best: R | null = null;
  for (const r of rules) {
    if (!applies(r, d)) continue;
    if (!best || compare(r, best) < 0) best = r;
  }
  return best;
}

function compare(a: RuleFacts, b: RuleFacts): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.areaPrefix.length !== b.areaPrefix.length) return b.areaPrefix.length - a.areaPrefix.length;
  if ((a.disputeKind === null) !== (b.disputeKind === null)) return a.disputeKind === null ? 1 : -1;
  return a.id < b.id ? -1 : 1;
}

/** Two active rules overlap when some dispute matches both; at equal priority the outcome would be arbitrary. */
export function overlaps(a: Omit<RuleFacts, 'id' | 'nodeId' | 'platform'>, b: Omit<RuleFacts, 'id' | 'nodeId' | 'platform'>): boolean {
  if (!a.active || !b.active) return false;
  const nested = a.areaPrefix.startsWith(b.areaPrefix) || b.areaPrefix.startsWith(a.areaPrefix);
  const kinds = a.disputeKind === null || b.disputeKind === null || a.disputeKind === b.disputeKind;
  return nested && kinds;
}

export function conflictingRule<R extends RuleFacts>(existing: readonly R[], candidate: Omit<RuleFacts, 'id'> & { id?: string }): R | undefined {
  return existing.find((r) => r.id !== candidate.id && r.priority === candidate.priority && overlaps(r, candidate));
}

// ---- ranking ----

export type Window = { day: number; from: number; to: number };
export type Candidate = {
  id: string;
  name: string;
  specialties: readonly TDisputeKind[];
  areaCodes: readonly string[];
  load: number;
  maxLoad: number;
  settled: number;
  closed: number;
  onLeaveUntil: Date | null;
  availability: readonly Window[];
};
export type Ranked<C> = C & { score: number; eligible: boolean; reasons: string[] };

/** Weights: what matters most is knowing the kind of dispute, then being local, then having room. */
export const WEIGHTS = { specialty: 40, town: 25, district: 10, load: 20, success: 15, available: 5 } as const;

const DAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** Mediators keep China's hours: the weekday in UTC+8. */
export function chinaWeekday(now: Date): number {
  const d = new Date(now.getTime() + 8 * 3600_000).getUTCDay();
  return d === 0 ? 7 : d;
}

export function rankMediators<C extends Candidate>(dispute: { disputeKind: TDisputeKind; areaCode: string }, candidates: readonly C[], now: Date): Ranked<C>[] {
  const district = dispute.areaCode.slice(0, 6);
  const ranked = candidates.map((c): Ranked<C> => {
    const reasons: string[] = [];
    let score = 0;
    let eligible = true;

    if (c.specialties.includes(dispute.disputeKind)) {
      score += WEIGHTS.specialty;
      reasons.push(`擅长${KIND_NAMES[dispute.disputeKind]}`);
    } else reasons.push(`非${KIND_NAMES[dispute.disputeKind]}专长`);

    if (c.areaCodes.some((a) => a.length > 6 && within(dispute.areaCode, a))) {
      score += WEIGHTS.town;
      reasons.push(`同属${areaName(dispute.areaCode)}`);
    } else if (c.areaCodes.some((a) => within(dispute.areaCode, a))) {
      score += WEIGHTS.district;
      reasons.push(`同属${areaName(district)}`);
    } else {
      eligible = false;
      reasons.push(`服务地区不含${areaName(dispute.areaCode)}`);
    }

    const room = Math.max(0, c.maxLoad - c.load);
    score += WEIGHTS.load * (c.maxLoad > 0 ? room / c.maxLoad : 0);
    reasons.push(`当前在办 ${c.load} 件/上限 ${c.maxLoad} 件`);
    if (room === 0) {
      eligible = false;
      reasons.push('已满负荷');
    }

    // Laplace smoothing, so one settled case does not outrank a long record.
    score += WEIGHTS.success * ((c.settled + 1) / (c.closed + 2));
    reasons.push(c.closed > 0 ? `调解成功率 ${Math.round((100 * c.settled) / c.closed)}%（${c.settled}/${c.closed}）` : '暂无结案记录');

    if (c.onLeaveUntil && c.onLeaveUntil > now) {
      eligible = false;
      reasons.push(`休假至 ${chinaDate(c.onLeaveUntil)}`);
    } else if (c.availability.length === 0) {
      score += WEIGHTS.available;
      reasons.push('随时可约');
    } else {
      const today = chinaWeekday(now);
      const windows = c.availability.filter((w) => w.day === today);
      if (windows.length) {
        score += WEIGHTS.available;
        reasons.push(`今日值班 ${windows.map((w) => `${hhmm(w.from)}–${hhmm(w.to)}`).join('、')}`);
      } else {
        const next = [...c.availability].sort((a, b) => ((a.day - today + 7) % 7) - ((b.day - today + 7) % 7))[0]!;
        reasons.push(`今日无值班，下次 ${DAY_NAMES[next.day]} ${hhmm(next.from)}`);
      }
    }
    return { ...c, score: Math.round(score * 10) / 10, eligible, reasons };
  });
  return ranked.sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.score - a.score || a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : 1));
}

// ---- assignment ----

export type MemberFacts = {
  mediatorId: string;
  nodeId: string;
  lead: boolean;
  mediator?: { name: string; areaCodes: readonly string[]; nodeIds: readonly string[]; load: number; maxLoad: number; onLeaveUntil: Date | null };
  node?: { name: string; areaCode: string; level: string };
};

/**
 * Whether a single mediator or a joint group may take the dispute. Every problem is reported against its
 * field, so the coordinator sees all of them at once.
 */
export function checkAssignment(dispute: { areaCode: string }, members: readonly MemberFacts[], now: Date): { fields: FieldError[]; outsideArea: boolean } {
  const fields: FieldError[] = [];
  let outsideArea = false;
  const at = (i: number, f: string) => `/body/members/${i}/${f}`;
  const seen = new Set<string>();
  members.forEach((m, i) => {
    if (seen.has(m.mediatorId)) fields.push({ pointer: at(i, 'mediatorId'), detail: '同一调解员不能重复指派', code: 'duplicate' });
    seen.add(m.mediatorId);
    if (!m.mediator) return fields.push({ pointer: at(i, 'mediatorId'), detail: '调解员不在本院调解人才库中', code: 'unknown' });
    if (!m.node) return fields.push({ pointer: at(i, 'nodeId'), detail: '调解组织不存在', code: 'unknown' });
    if (!m.mediator.nodeIds.includes(m.nodeId)) fields.push({ pointer: at(i, 'nodeId'), detail: `${m.mediator.name}不属于${m.node.name}`, code: 'not_member' });
    if (!within(dispute.areaCode, m.node.areaCode)) {
      outsideArea = true;
      fields.push({ pointer: at(i, 'nodeId'), detail: `${m.node.name}的辖区（${areaName(m.node.areaCode)}）不含本纠纷所在地（${areaName(dispute.areaCode)}）`, code: 'outside_area' });
    }
    if (!m.mediator.areaCodes.some((a) => within(dispute.areaCode, a))) {
      outsideArea = true;
      fields.push({ pointer: at(i, 'mediatorId'), detail: `${m.mediator.name}的服务地区（${m.mediator.areaCodes.map(areaName).join('、')}）不含本纠纷所在地（${areaName(dispute.areaCode)}）`, code: 'outside_area' });
    }
    if (m.mediator.onLeaveUntil && m.mediator.onLeaveUntil > now) fields.push({ pointer: at(i, 'mediatorId'), detail: `${m.mediator.name}休假至 ${chinaDate(m.mediator.onLeaveUntil)}`, code: 'on_leave' });
    if (m.mediator.load >= m.mediator.maxLoad) fields.push({ pointer: at(i, 'mediatorId'), detail: `${m.mediator.name}在办 ${m.mediator.load} 件，已达上限 ${m.mediator.maxLoad} 件`, code: 'full' });
  });
  if (members.length > 1) {
    const leads = members.filter((m) => m.lead).length;
    if (leads !== 1) fields.push({ pointer: '/body/members', detail: '联合调解组须指定且只指定一名牵头调解员', code: 'lead' });
    if (new Set(members.map((m) => m.nodeId)).size < 2) fields.push({ pointer: '/body/members', detail: '联合调解组须由两个以上调解组织组成', code: 'joint' });
  }
  return { fields, outsideArea };
}
