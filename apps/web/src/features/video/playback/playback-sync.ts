// Keeping several recorded tracks in step on one timeline. The timeline starts at the recording's
// start; a track begins `offsetMs` into it and lasts `durationMs`.

export type TimedTrack = { offsetMs: number; durationMs: number | null };

/** The timeline's length: until the last track ends. */
export const timelineLength = (tracks: readonly TimedTrack[]) => Math.max(0, ...tracks.map((t) => t.offsetMs + (t.durationMs ?? 0)));

/** Where a track should be at timeline position `ms`: its own time in seconds, or whether it has not begun / has ended. */
export function trackPosition(track: TimedTrack, ms: number): { state: 'before' | 'playing' | 'after'; seconds: number } {
  const local = ms - track.offsetMs;
  if (local < 0) return { state: 'before', seconds: 0 };
  if (track.durationMs !== null && local >= track.durationMs) return { state: 'after', seconds: track.durationMs / 1000 };
  return { state: 'playing', seconds: local / 1000 };
}

/** A playing element is moved only when it drifted this far from the timeline (seeking costs a stutter). */
export const MAX_DRIFT_S = 0.3;

export const needsSeek = (actualSeconds: number, wantedSeconds: number) => Math.abs(actualSeconds - wantedSeconds) > MAX_DRIFT_S;

/** m:ss (or h:mm:ss) for a position in milliseconds. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
