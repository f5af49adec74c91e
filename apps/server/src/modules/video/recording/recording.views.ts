// What clients see of recordings, tracks and snapshots: allow-listed fields only (no file paths).
import type { TVideoRecording, TVideoSnapshot, TVideoTrack } from '@opencourt/contracts';
import type { RecordingRow, SnapshotRow, TrackRow } from './recording.store.ts';

export const trackView = (t: TrackRow): TVideoTrack => ({
  id: t.id,
  participantId: t.participantId,
  kind: t.kind as TVideoTrack['kind'],
  mimeType: t.mimeType,
  chunks: t.chunks,
  bytes: t.bytes,
  finished: t.finished,
  fileId: t.fileId,
  sha256: t.sha256,
  durationMs: t.durationMs,
  offsetMs: t.offsetMs,
});

export const recordingView = (r: RecordingRow, tracks: readonly TrackRow[]): TVideoRecording => ({
  id: r.id,
  roomId: r.roomId,
  status: r.status as TVideoRecording['status'],
  startedAt: r.startedAt.toISOString(),
  stoppedAt: r.stoppedAt?.toISOString() ?? null,
  retainUntil: r.retainUntil?.toISOString() ?? null,
  tracks: tracks.filter((t) => t.recordingId === r.id).map(trackView),
  error: r.error,
});

export const snapshotView = (s: SnapshotRow): TVideoSnapshot => ({
  id: s.id,
  roomId: s.roomId,
  participantId: s.participantId,
  fileId: s.fileId,
  sha256: s.sha256,
  takenAt: s.takenAt.toISOString(),
});
