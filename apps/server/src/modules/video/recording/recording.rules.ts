// Pure rules of recording: who may do what, whether a chunk is appended, replayed or refused, when a
// stopped recording is processed, how long it is kept, and HTTP Range arithmetic for playback.
import type { TVideoRole } from '@opencourt/contracts';

export type ParticipantState = 'invited' | 'waiting' | 'admitted' | 'refused' | 'removed' | 'left';
export type Me = { id: string; role: TVideoRole; state: ParticipantState } | undefined;

/** A host controls recording and snapshots unless refused or removed. */
export const isHost = (me: Me) => !!me && me.role === 'host' && me.state !== 'refused' && me.state !== 'removed';
/** Tracks are created by participants in the room. */
export const mayCreateTrack = (me: Me) => !!me && me.state === 'admitted';
/** Chunks keep arriving from a participant who just left (the browser sends its last ones after leaving). */
export const mayUploadChunk = (me: Me) => !!me && (me.state === 'admitted' || me.state === 'left');
/** The room's recordings list: its participants (not refused or removed) and staff who may read the matter. */
export const mayListRecordings = (me: Me, staffCanReadMatter: boolean) =>
  staffCanReadMatter || (!!me && me.state !== 'refused' && me.state !== 'removed' && me.state !== 'invited');
/**
 * Playback and snapshots are for the matter's handling staff (those who may update it) and the room's
 * hosts: parties take part in a recording but do not get its media through this route.
 */
export const mayViewMedia = (me: Me, staffCanUpdateMatter: boolean) => staffCanUpdateMatter || isHost(me);

/** status: recording | processing | ready | failed. */
export type RecordingState = { status: string; stoppedAt: Date | null };
export type TrackState = { chunks: number; finished: boolean };

/**
 * Whether a recording still takes chunks for a track: while recording, and after the stop until the
 * grace period ends for tracks not finished (the browser's last chunk comes after the stop).
 */
export function chunksAccepted(rec: RecordingState, track: TrackState, now: Date, graceMs: number): boolean {
  if (rec.status !== 'recording' || track.finished) return false;
  return rec.stoppedAt === null || now.getTime() < rec.stoppedAt.getTime() + graceMs;
}

export type ChunkDecision = { action: 'append' } | { action: 'replay' } | { action: 'conflict' } | { action: 'out-of-order'; expected: number };

/** seq must be the next one; an acknowledged seq with the same bytes is answered again, with other bytes refused. */
export function decideChunk(track: TrackState, seq: number, sha256: string, acknowledged: string | undefined): ChunkDecision {
  if (seq === track.chunks) return { action: 'append' };
  if (seq < track.chunks) return acknowledged === sha256 ? { action: 'replay' } : { action: 'conflict' };
  return { action: 'out-of-order', expected: track.chunks };
}

/** A stopped recording is processed once every track finished, or when the grace period is over. */
export function finalizeDue(rec: { stoppedAt: Date | null }, tracks: readonly TrackState[], now: Date, graceMs: number): boolean {
  if (!rec.stoppedAt) return false;
  return tracks.every((t) => t.finished) || now.getTime() >= rec.stoppedAt.getTime() + graceMs;
}

const DAY_MS = 86_400_000;
export const retainUntil = (readyAt: Date, days: number | null): Date | null => (days ? new Date(readyAt.getTime() + days * DAY_MS) : null);

export type ByteRange = { start: number; end: number };

/**
 * RFC 9110 single byte range: `bytes=a-b`, `bytes=a-`, `bytes=-n`. Undefined means send the whole
 * content (no header, or a form we do not serve such as several ranges); 'unsatisfiable' means 416.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}
