// Case numbers (法〔2015〕137号) counted per court, type code and filing year, unique across processes,
// and the type codes a court adjusts for itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisations, createStaff, loginWithPassword, manualClock, startTestApp, type Fixture, type TestContext } from '../../../test/harness.ts';
import { usersStore } from '../../platform/auth/index.ts';
import { uuid } from '../../platform/clock/index.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { waitFor } from '../../../test/wait.ts';
import { createCaseNumbers, filingYear } from './case-numbers.service.ts';

let ctx: TestContext;
let org: Fixture;
const clock = manualClock(new Date('2026-11-25T08:00:00Z'));

beforeAll(async () => {
  ctx = await startTestApp({ config: { JOBS_ENABLED: 'false' }, deps: { clock } });
  org = await createOrganisations(ctx);
});
afterAll(async () => {
  await ctx?.close();
});

describe('allocating numbers', () => {
  it('counts from 1 without gaps or repeats when four processes file at once', async () => {
    const pools = [0, 1, 2, 3].map(() => openDatabase(ctx.database.url, 5));
    try {
      const services = pools.map((p) => createCaseNumbers({ db: p.db, clock }));
      const numbers = await Promise.all(
        Array.from({ length: 120 }, (_, i) => services[i % 4]!).map((s, i) => pools[i % 4]!.db.transaction((tx) => s.allocate(tx, org.courtId, '民初'))),
      );
      const seqs = numbers.map((n) => Number(/民初(\d+)号$/.exec(n)![1])).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
      expect(numbers).toContain('（2026）闽0213民初1号');
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
  });

  it('takes back the number of a filing that rolled back', async () => {
    const numbers = createCaseNumbers({ db: ctx.database.db, clock });
    await expect(
      ctx.database.db.transaction(async (tx) => {
        await numbers.allocate(tx, org.courtId, '民诉前调');
        throw new Error('the filing failed');
      }),
    ).rejects.toThrow('the filing failed');
    expect(await ctx.database.db.transaction((tx) => numbers.allocate(tx, org.courtId, '民诉前调'))).toBe('（2026）闽0213民诉前调1号');
  });

  it('counts each type and each filing year (Beijing time) on its own', async () => {
    const numbers = createCaseNumbers({ db: ctx.database.db, clock });
    expect(await ctx.database.db.transaction((tx) => numbers.allocate(tx, org.courtId, '诉前调确'))).toBe('（2026）闽0213诉前调确1号');
    expect(filingYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    clock.set(new Date('2026-12-31T16:00:00Z')); // 2027-01-01 00:00 in Beijing
    try {
      expect(await ctx.database.db.transaction((tx) => numbers.allocate(tx, org.courtId, '诉前调确'))).toBe('（2027）闽0213诉前调确1号');
    } finally {
      clock.set(new Date('2026-11-25T08:00:00Z'));
    }
  });

  it('refuses a type code the court does not use, and an organisation that is not a court', async () => {
    const numbers = createCaseNumbers({ db: ctx.database.db, clock });
    await expect(ctx.database.db.transaction((tx) => numbers.allocate(tx, org.courtId, '刑初'))).rejects.toMatchObject({ code: 'CASE_TYPE_UNAVAILABLE' });
    await expect(ctx.database.db.transaction((tx) => numbers.allocate(tx, org.bankId, '民初'))).rejects.toMatchObject({ code: 'COURT_NOT_FOUND' });
  });
});

describe('a court adjusts its type codes', () => {
  it("lets the court's technical administrator rename, turn off and add codes, and numbers follow", async () => {
    const admin = await createStaff(ctx, 'tech_admin', org.courtId);
    const session = await loginWithPassword(ctx, admin.username);
    const put = (code: string, body: unknown) =>
      ctx.app.inject({ method: 'PUT', url: `/api/v1/courts/${org.courtId}/case-types/${encodeURIComponent(code)}`, headers: session.headers, payload: body as object });

    const off = await put('民特', { name: '民事特别程序案件', enabled: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toEqual({ code: '民特', name: '民事特别程序案件', enabled: false, source: 'court' });
    const added = await put('民诉前保', { name: '诉前财产保全案件', enabled: true });
    expect(added.json()).toMatchObject({ code: '民诉前保', enabled: true, source: 'court' });

    const list = await ctx.app.inject({ method: 'GET', url: `/api/v1/courts/${org.courtId}/case-types`, headers: session.headers });
    const items = list.json().items as { code: string; enabled: boolean; source: string }[];
    expect(items.find((t) => t.code === '民初')).toMatchObject({ enabled: true, source: 'default' });
    expect(items.find((t) => t.code === '民特')).toMatchObject({ enabled: false });

    const numbers = createCaseNumbers({ db: ctx.database.db, clock });
    await expect(ctx.database.db.transaction((tx) => numbers.allocate(tx, org.courtId, '民特'))).rejects.toMatchObject({ code: 'CASE_TYPE_UNAVAILABLE' });
    expect(await ctx.database.db.transaction((tx) => numbers.allocate(tx, org.courtId, '民诉前保'))).toBe('（2026）闽0213民诉前保1号');

    const audited = await waitFor(async () => {
      const { rows } = await ctx.database.pool.query(`select resource_type, resource_id, outcome from audit_entry where actor_id = $1 and action = 'court.case_type.save'`, [admin.id]);
      return rows.length === 2 ? rows : undefined;
    });
    expect(audited[0]).toEqual({ resource_type: 'court', resource_id: org.courtId, outcome: 'success' });
  });

  it("refuses another court's administrator and a clerk as if the court did not exist", async () => {
    const otherCourt = uuid();
    await usersStore.insertOrganisation(ctx.database.db, { id: otherCourt, kind: 'court', name: '另一法院', code: '闽0203' });
    for (const [role, orgId] of [['tech_admin', otherCourt], ['clerk', org.courtId]] as const) {
      const user = await createStaff(ctx, role, orgId);
      const session = await loginWithPassword(ctx, user.username);
      const res = await ctx.app.inject({ method: 'PUT', url: `/api/v1/courts/${org.courtId}/case-types/${encodeURIComponent('民初')}`, headers: session.headers, payload: { name: '改名', enabled: false } });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'COURT_NOT_FOUND' });
    }
  });

  it('points at the field for a code that is not Chinese characters and a name too short', async () => {
    const admin = await createStaff(ctx, 'tech_admin', org.courtId);
    const session = await loginWithPassword(ctx, admin.username);
    const badCode = await ctx.app.inject({ method: 'PUT', url: `/api/v1/courts/${org.courtId}/case-types/MC`, headers: session.headers, payload: { name: '民事案件', enabled: true } });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().errors).toEqual([expect.objectContaining({ pointer: '/params/code', detail: '类型代字应为 1 至 6 个汉字' })]);
    const shortName = await ctx.app.inject({ method: 'PUT', url: `/api/v1/courts/${org.courtId}/case-types/${encodeURIComponent('民初')}`, headers: session.headers, payload: { name: '甲', enabled: true } });
    expect(shortName.statusCode).toBe(400);
    expect(shortName.json().errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/body/name']);
  });
});
