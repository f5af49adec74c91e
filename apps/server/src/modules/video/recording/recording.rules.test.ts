// The pure rules of recording: chunk decisions, when chunks are still taken, when processing is due,
// retention, and HTTP byte ranges (RFC 9110 §14.1.2).
import { describe, expect, it } from 'vitest';
import { chunksAccepted, decideChunk, finalizeDue, isHost, mayListRecordings, mayUploadChunk, mayViewMedia, parseRange, retainUntil, type Me } from './recording.rules.ts';

const at = (iso: string) => new Date(iso);

describe('decideChunk', () => {
  it.each([
    ['the next seq is appended', 3, 'aa', undefined, { action: 'append' }],
    ['an acknowledged seq with the same bytes is replayed', 1, 'aa', 'aa', { action: 'replay' }],
    ['an acknowledged seq with other bytes conflicts', 1, 'bb', 'aa', { action: 'conflict' }],
    ['a seq beyond the next is out of order', 5, 'aa', undefined, { action: 'out-of-order', expected: 3 }],
  ] as const)('%s', (_what, seq, sha, acknowledged, decision) => {
    expect(decideChunk({ chunks: 3, finished: false }, seq, sha, acknowledged)).toEqual(decision);
  });
});

describe('chunksAccepted', () => {
  const now = at('2026-11-25T10:00:30Z');
  it.each([
    ['while recording', { status: 'recording', stoppedAt: null }, false, true],
    ['after the stop, within the grace period', { status: 'recording', stoppedAt: at('2026-11-25T10:00:00Z') }, false, true],
    ['after the grace period', { status: 'recording', stoppedAt: at('2026-11-25T09:59:00Z') }, false, false],
    ['for a finished track', { status: 'recording', stoppedAt: null }, true, false],
    ['once processing', { status: 'processing', stoppedAt: at('2026-11-25T10:00:00Z') }, false, false],
    ['once ready', { status: 'ready', stoppedAt: at('2026-11-25T10:00:00Z') }, false, false],
  ] as const)('%s', (_what, rec, finished, accepted) => {
    expect(chunksAccepted(rec, { chunks: 0, finished }, now, 60_000)).toBe(accepted);
  });
});

describe('finalizeDue', () => {
  const stoppedAt = at('2026-11-25T10:00:00Z');
  it('waits for every track or the grace period, and never runs before the stop', () => {
    expect(finalizeDue({ stoppedAt: null }, [], at('2026-11-25T11:00:00Z'), 0)).toBe(false);
    expect(finalizeDue({ stoppedAt }, [], stoppedAt, 60_000)).toBe(true);
    expect(finalizeDue({ stoppedAt }, [{ chunks: 2, finished: true }, { chunks: 1, finished: false }], at('2026-11-25T10:00:59Z'), 60_000)).toBe(false);
    expect(finalizeDue({ stoppedAt }, [{ chunks: 2, finished: true }, { chunks: 1, finished: false }], at('2026-11-25T10:01:00Z'), 60_000)).toBe(true);
    expect(finalizeDue({ stoppedAt }, [{ chunks: 2, finished: true }], at('2026-11-25T10:00:01Z'), 60_000)).toBe(true);
  });
});

describe('who may do what', () => {
  const me = (role: 'host' | 'party', state: NonNullable<Me>['state']): Me => ({ id: 'p', role, state });
  it('gives recording control to hosts not removed, uploads to admitted (or just left) participants, playback to hosts and handling staff', () => {
    expect(isHost(me('host', 'admitted'))).toBe(true);
    expect(isHost(me('host', 'removed'))).toBe(false);
    expect(isHost(me('party', 'admitted'))).toBe(false);
    expect(mayUploadChunk(me('party', 'left'))).toBe(true);
    expect(mayUploadChunk(me('party', 'removed'))).toBe(false);
    expect(mayUploadChunk(undefined)).toBe(false);
    expect(mayListRecordings(me('party', 'waiting'), false)).toBe(true);
    expect(mayListRecordings(me('party', 'refused'), false)).toBe(false);
    expect(mayListRecordings(undefined, true)).toBe(true);
    expect(mayViewMedia(me('party', 'admitted'), false)).toBe(false);
    expect(mayViewMedia(undefined, true)).toBe(true);
    expect(mayViewMedia(me('host', 'left'), false)).toBe(true);
  });
});

describe('retainUntil', () => {
  it('counts days from processing; none keeps the media', () => {
    expect(retainUntil(at('2026-11-25T10:00:00Z'), 30)).toEqual(at('2026-12-25T10:00:00Z'));
    expect(retainUntil(at('2026-11-25T10:00:00Z'), null)).toBeNull();
  });
});

describe('parseRange', () => {
  it.each([
    [undefined, 1000, undefined],
    ['bytes=0-99', 1000, { start: 0, end: 99 }],
    ['bytes=500-', 1000, { start: 500, end: 999 }],
    ['bytes=-100', 1000, { start: 900, end: 999 }],
    ['bytes=-5000', 1000, { start: 0, end: 999 }],
    ['bytes=990-2000', 1000, { start: 990, end: 999 }],
    ['bytes=1000-', 1000, 'unsatisfiable'],
    ['bytes=50-10', 1000, 'unsatisfiable'],
    ['bytes=-0', 1000, 'unsatisfiable'],
    ['bytes=0-1,5-6', 1000, undefined],
    ['items=0-1', 1000, undefined],
    ['bytes=-', 1000, undefined],
  ] as const)('%s of %i bytes', (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });
});
