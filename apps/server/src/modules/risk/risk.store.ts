// All of the risk module's SQL: how ended matters of a kind of dispute came out on this platform.
// The record is the outbox's `matter.closed` event (payload { disputeKind, outcome }), which the
// module that closes matters writes; its latest one per matter counts, so a reopened and closed
// matter is counted once, as it last ended.
import { RISK_OUTCOMES, type TRiskDisputeKind, type TRiskOutcome } from '@opencourt/contracts';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';

export const MATTER_CLOSED_EVENT = 'matter.closed';

export const riskStore = {
  async countOutcomes(db: Executor, kind: TRiskDisputeKind): Promise<Partial<Record<TRiskOutcome, number>>> {
    const { rows } = await db.execute<{ outcome: string | null; count: string }>(sql`
      select outcome, count(*) as count from (
        select distinct on (aggregate_id) payload->>'outcome' as outcome, payload->>'disputeKind' as kind
        from domain_event
        where type = ${MATTER_CLOSED_EVENT} and aggregate_type = 'matter'
        order by aggregate_id, id desc
      ) last_closed
      where kind = ${kind}
      group by outcome`);
    const counts: Partial<Record<TRiskOutcome, number>> = {};
    for (const r of rows) {
      // An outcome this report does not name is still an ended matter.
      const outcome = (RISK_OUTCOMES as readonly string[]).includes(r.outcome ?? '') ? (r.outcome as TRiskOutcome) : 'other';
      counts[outcome] = (counts[outcome] ?? 0) + Number(r.count);
    }
    return counts;
  },
};
