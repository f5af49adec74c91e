// Added for the mediation module (issue 5, triage): the one change it needs of the matter core, until
// the matter core offers its own. Adds people to a matter in the caller's transaction; a person already
// in that role stays as they are. The cache triggers on matter_participant keep cached reads honest.
import type { MatterRole } from '../../platform/auth/index.ts';
import type { Executor } from '../../platform/db/database.ts';
import { matterParticipant } from './matters.tables.ts';

export async function addMatterParticipants(tx: Executor, matterId: string, people: readonly { userId: string; role: MatterRole }[]): Promise<void> {
  if (!people.length) return;
  await tx.insert(matterParticipant).values(people.map((p) => ({ matterId, userId: p.userId, role: p.role }))).onConflictDoNothing();
}
