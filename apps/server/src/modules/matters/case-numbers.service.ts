// Case numbers for matters, and the type codes each court uses. Other modules allocate a number inside
// the transaction that files or registers the matter, so the number exists only if that commits.
import type { TCaseType } from '@opencourt/contracts';
import { can, usersStore, type Actor } from '../../platform/auth/index.ts';
import type { Clock } from '../../platform/clock/index.ts';
import type { Db, Executor } from '../../platform/db/database.ts';
import { DEFAULT_CASE_TYPES, formatCaseNumber } from './case-number.rules.ts';
import { caseNumbersStore } from './case-numbers.store.ts';
import { MatterErrors } from './matters.errors.ts';

/** Courts number cases by the filing year in China's time zone: a case filed on 31 December at 23:30 in Beijing is of that year. */
export function filingYear(at: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(at));
}

export function createCaseNumbers(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function typesOf(q: Executor, courtId: string): Promise<TCaseType[]> {
    const own = new Map((await caseNumbersStore.courtTypes(q, courtId)).map((t) => [t.code, t]));
    const defaults = DEFAULT_CASE_TYPES.map((d): TCaseType => {
      const mine = own.get(d.code);
      return mine ? { code: d.code, name: mine.name, enabled: mine.enabled, source: 'court' } : { ...d, enabled: true, source: 'default' };
    });
    const added = [...own.values()].filter((t) => !DEFAULT_CASE_TYPES.some((d) => d.code === t.code)).map((t): TCaseType => ({ code: t.code, name: t.name, enabled: t.enabled, source: 'court' }));
    return [...defaults, ...added];
  }

  async function courtOf(q: Executor, courtId: string) {
    const court = await usersStore.findOrganisation(q, courtId);
    return court?.kind === 'court' && court.code ? { id: court.id, code: court.code } : undefined;
  }

  return {
    typesOf: (courtId: string) => typesOf(db, courtId),

    /** The next case number of the court for the type code, e.g. （2026）闽0213民初45号, within the caller's transaction. */
    async allocate(tx: Executor, courtId: string, typeCode: string): Promise<string> {
      const court = await courtOf(tx, courtId);
      if (!court) throw MatterErrors.COURT_NOT_FOUND(`${courtId} 不是设有法院代字的法院`);
      // The court's own setting for the code, else the platform's default; one row read, not the whole list.
      const own = await caseNumbersStore.courtType(tx, courtId, typeCode);
      const enabled = own ? own.enabled : DEFAULT_CASE_TYPES.some((d) => d.code === typeCode);
      if (!enabled) throw MatterErrors.CASE_TYPE_UNAVAILABLE(`本院未启用类型代字“${typeCode}”`);
      const year = filingYear(clock.now());
      const seq = await caseNumbersStore.next(tx, { courtId, typeCode, year });
      return formatCaseNumber({ year, courtCode: court.code, typeCode, seq });
    },

    /** A court's administrator renames, turns off or adds a type code for their court. */
    async saveType(actor: Actor, courtId: string, code: string, change: { name: string; enabled: boolean }): Promise<TCaseType> {
      // Another court's, and a court that does not exist, look the same.
      if (!can(actor, 'court.configure', { type: 'court', courtId })) throw MatterErrors.COURT_NOT_FOUND();
      return db.transaction(async (tx) => {
        if (!(await courtOf(tx, courtId))) throw MatterErrors.COURT_NOT_FOUND();
        await caseNumbersStore.saveCourtType(tx, { courtId, code, ...change, updatedBy: actor.userId, updatedAt: clock.now() });
        return (await typesOf(tx, courtId)).find((t) => t.code === code)!;
      });
    },
  };
}

export type CaseNumbers = ReturnType<typeof createCaseNumbers>;
