// What each viewer sees of a matter's parties and agents: one function per view, built from allow-lists.
// Staff who work the matter see it whole; everyone else (parties, agents, appraisers, filing institutions)
// sees their own party whole and the others with ID numbers and phones masked and no address.
import type { TAgentView, TClaimView, TDeadlineView, TPartyView } from '@opencourt/contracts';
import { maskPhone } from '../../platform/crypto/index.ts';
import { maskIdNumber } from './parties.rules.ts';
import type { ClaimRow, DeadlineRow } from './record.store.ts';

/** A party with its sealed fields opened. */
export type PartyPlain = {
  id: string;
  type: 'person' | 'organisation';
  side: TPartyView['side'];
  name: string;
  idKind: TPartyView['idKind'];
  idNumber: string | null;
  uscc: string | null;
  legalRepresentative: string | null;
  phone: string | null;
  address: string | null;
  userId: string | null;
};
export type AgentPlain = { id: string; partyId: string; kind: TAgentView['kind']; name: string; licenceNo: string | null; lawFirm: string | null; phone: string | null; userId: string | null };

export type Viewer = { kind: 'staff' } | { kind: 'party'; userId: string; ownPartyIds: ReadonlySet<string> };

/** The parties the viewer is, or acts for as an agent. */
export function ownPartyIds(userId: string, parties: readonly PartyPlain[], agents: readonly AgentPlain[]): Set<string> {
  return new Set([...parties.filter((p) => p.userId === userId).map((p) => p.id), ...agents.filter((a) => a.userId === userId).map((a) => a.partyId)]);
}

export function staffPartyView(p: PartyPlain): TPartyView {
  return {
    id: p.id,
    type: p.type,
    side: p.side,
    name: p.name,
    idKind: p.idKind,
    idNumber: p.idNumber,
    uscc: p.uscc,
    legalRepresentative: p.legalRepresentative,
    phone: p.phone,
    address: p.address,
    masked: false,
    isViewer: false,
  };
}

export function partyPartyView(p: PartyPlain, viewer: { userId: string; ownPartyIds: ReadonlySet<string> }): TPartyView {
  if (viewer.ownPartyIds.has(p.id)) return { ...staffPartyView(p), isViewer: p.userId === viewer.userId };
  return {
    id: p.id,
    type: p.type,
    side: p.side,
    name: p.name,
    idKind: p.idKind,
    idNumber: p.idNumber === null ? null : maskIdNumber(p.idNumber),
    // A credit code is public (it is printed on the business licence); so is who represents the organisation.
    uscc: p.uscc,
    legalRepresentative: p.legalRepresentative,
    phone: p.phone === null ? null : maskPhone(p.phone),
    address: null,
    masked: true,
    isViewer: false,
  };
}

export const partyView = (p: PartyPlain, viewer: Viewer): TPartyView => (viewer.kind === 'staff' ? staffPartyView(p) : partyPartyView(p, viewer));

export function agentView(a: AgentPlain, viewer: Viewer): TAgentView {
  const whole = viewer.kind === 'staff' || viewer.ownPartyIds.has(a.partyId);
  return { id: a.id, partyId: a.partyId, kind: a.kind, name: a.name, licenceNo: a.licenceNo, lawFirm: a.lawFirm, phone: a.phone === null ? null : whole ? a.phone : maskPhone(a.phone) };
}

export const claimView = (c: ClaimRow): TClaimView => ({ id: c.id, ordinal: c.ordinal, kind: c.kind as TClaimView['kind'], description: c.description, amountFen: c.amountFen });

export const deadlineView = (d: DeadlineRow): TDeadlineView => ({
  id: d.id,
  kind: d.kind as TDeadlineView['kind'],
  title: d.title,
  dueAt: d.dueAt.toISOString(),
  actor: d.actor as TDeadlineView['actor'],
  partyId: d.partyId,
  status: d.status as TDeadlineView['status'],
  closedAt: d.closedAt?.toISOString() ?? null,
});

/**
 * Events a party or agent sees on the timeline (allow-list: a new kind of event stays staff-only until it is
 * added here). Other modules' party-facing events are added to this list as they are built.
 */
export const PARTY_TIMELINE_EVENTS: ReadonlySet<string> = new Set([
  'matter.created',
  'matter.party_added',
  'matter.agent_added',
  'matter.claim_added',
  'matter.claim_updated',
  'matter.classified',
  'matter.staff_assigned',
  'matter.deadline_set',
  'matter.deadline_met',
  'matter.deadline_missed',
  'matter.document_added',
]);
export const timelineVisible = (viewer: Viewer, type: string) => viewer.kind === 'staff' || PARTY_TIMELINE_EVENTS.has(type);
