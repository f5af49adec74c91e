// REST calls of video rooms (routes listed in packages/contracts video.ts) and their queries.
import type {
  TVideoChatMessage,
  TVideoJoin,
  TVideoRecording,
  TVideoRoom,
  TVideoRoomCreate,
  TVideoRoomSummary,
  TVideoSnapshot,
  TVideoTrack,
} from '@opencourt/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client.ts';

const enc = encodeURIComponent;
export const roomPath = (roomId: string) => `/video-rooms/${enc(roomId)}`;
const participantPath = (roomId: string, pid: string) => `${roomPath(roomId)}/participants/${enc(pid)}`;
export const recordingPath = (roomId: string, recordingId: string) => `${roomPath(roomId)}/recordings/${enc(recordingId)}`;
export const trackPath = (roomId: string, recordingId: string, trackId: string) => `${recordingPath(roomId, recordingId)}/tracks/${enc(trackId)}`;

export const videoKeys = {
  matterRooms: (matterId: string) => ['video', 'matter', matterId] as const,
  room: (roomId: string) => ['video', 'room', roomId] as const,
  chat: (roomId: string) => ['video', 'chat', roomId] as const,
  recordings: (roomId: string) => ['video', 'recordings', roomId] as const,
};

export type HostAction = 'admit' | 'refuse' | 'remove' | 'ask-unmute';

export const videoApi = {
  createRoom: (matterId: string, body: TVideoRoomCreate, idempotencyKey: string) =>
    api.post<TVideoRoom>(`/matters/${enc(matterId)}/video-rooms`, body, { idempotencyKey }),
  room: (roomId: string, signal?: AbortSignal) => api.get<TVideoRoom>(roomPath(roomId), undefined, { signal }),
  join: (roomId: string) => api.post<TVideoJoin>(`${roomPath(roomId)}/join`),
  leave: (roomId: string) => api.post(`${roomPath(roomId)}/leave`),
  participant: (roomId: string, pid: string, action: HostAction) => api.post<TVideoRoom | undefined>(`${participantPath(roomId, pid)}/${action}`),
  move: (roomId: string, pid: string, caucus: string | null) => api.post<TVideoRoom>(`${participantPath(roomId, pid)}/move`, { caucus }),
  muteAll: (roomId: string) => api.post(`${roomPath(roomId)}/mute-all`),
  lock: (roomId: string, locked: boolean) => api.post<TVideoRoom>(`${roomPath(roomId)}/lock`, { locked }),
  end: (roomId: string) => api.post<TVideoRoom>(`${roomPath(roomId)}/end`),
  chat: (roomId: string, cursor?: string) => api.get<{ items: TVideoChatMessage[]; nextCursor: string | null }>(`${roomPath(roomId)}/chat`, { cursor }),
  postChat: (roomId: string, text: string) => api.post<TVideoChatMessage>(`${roomPath(roomId)}/chat`, { text }),
  startRecording: (roomId: string, idempotencyKey: string) => api.post<TVideoRecording>(`${roomPath(roomId)}/recordings`, {}, { idempotencyKey }),
  stopRecording: (roomId: string, recordingId: string) => api.post<TVideoRecording>(`${recordingPath(roomId, recordingId)}/stop`),
  recordings: (roomId: string) => api.get<{ items: TVideoRecording[] }>(`${roomPath(roomId)}/recordings`),
  createTrack: (roomId: string, recordingId: string, body: { kind: 'camera' | 'screen'; mimeType: string; offsetMs: number }, idempotencyKey: string) =>
    api.post<TVideoTrack>(`${recordingPath(roomId, recordingId)}/tracks`, body, { idempotencyKey }),
  finishTrack: (roomId: string, recordingId: string, trackId: string, chunks: number) =>
    api.post<TVideoTrack>(`${trackPath(roomId, recordingId, trackId)}/finish`, { chunks }),
  snapshot: (roomId: string, participantId: string, png: Blob, idempotencyKey: string) => {
    const form = new FormData();
    form.append('participantId', participantId);
    form.append('file', png, 'snapshot.png');
    return api.post<TVideoSnapshot>(`${roomPath(roomId)}/snapshots`, form, { idempotencyKey });
  },
  snapshots: (roomId: string) => api.get<{ items: TVideoSnapshot[] }>(`${roomPath(roomId)}/snapshots`),
};

/** The media URL of a processed track (same origin, the session cookie authorises it). */
export const trackMediaUrl = (roomId: string, recordingId: string, trackId: string) => `/api/v1${trackPath(roomId, recordingId, trackId)}/media`;

export function useMatterRooms(matterId: string) {
  return useQuery({
    queryKey: videoKeys.matterRooms(matterId),
    queryFn: ({ signal }) => api.get<{ items: TVideoRoomSummary[] }>(`/matters/${enc(matterId)}/video-rooms`, undefined, { signal }),
  });
}

export function useRoom(roomId: string) {
  return useQuery({ queryKey: videoKeys.room(roomId), queryFn: ({ signal }) => videoApi.room(roomId, signal) });
}

export function useRecordings(roomId: string) {
  return useQuery({ queryKey: videoKeys.recordings(roomId), queryFn: () => videoApi.recordings(roomId) });
}

/** A fresh key for one create a client may retry (Idempotency-Key). */
export const newIdempotencyKey = () => crypto.randomUUID();
