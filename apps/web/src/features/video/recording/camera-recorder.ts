// Records this browser's own camera and microphone while the room's recording is on: MediaRecorder
// (WebM) hands a chunk every ~2 s to the upload queue, which keeps it in IndexedDB until the server
// acknowledges it. The track is created with its offset from the recording's start, so playback
// can line the participants' tracks up.
import type { TVideoRecording } from '@opencourt/contracts';
import { ApiError, request } from '../../../shared/api/client.ts';
import { newIdempotencyKey, trackPath, videoApi } from '../video.api.ts';
import { offsetFrom } from '../room/mesh-rules.ts';
import { openChunkStore } from './chunk-store.ts';
import { ChunkUploader, UploadRefused, type ChunkTransport, type UploaderEvents } from './chunk-uploader.ts';

const TIMESLICE_MS = 2000;
const MIME_TYPES = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm'];

export const recordingMimeType = () => MIME_TYPES.find((t) => typeof MediaRecorder !== 'undefined' && MediaRecorder.isTypeSupported(t)) ?? null;

/** Network errors, server errors and rate limits may pass; any other refusal is final. */
const isRetryable = (err: unknown) => !(err instanceof ApiError) || err.status === 0 || err.status >= 500 || err.status === 429;

const httpTransport: ChunkTransport = {
  async put(track, seq, data, sha256) {
    try {
      return await request('PUT', `${trackPath(track.roomId, track.recordingId, track.trackId)}/chunks/${seq}`, data, {
        headers: { 'content-type': track.contentType, 'x-content-sha256': sha256 },
      });
    } catch (err) {
      if (isRetryable(err)) throw err;
      throw new UploadRefused((err as ApiError).message, (err as ApiError).status);
    }
  },
  async finish(track, chunks) {
    try {
      await videoApi.finishTrack(track.roomId, track.recordingId, track.trackId, chunks);
    } catch (err) {
      if (isRetryable(err)) throw err;
      throw new UploadRefused((err as ApiError).message, (err as ApiError).status);
    }
  },
};

const listeners = new Set<UploaderEvents>();
let uploader: Promise<ChunkUploader> | null = null;

/** The page's one upload queue; on first use it resumes what an earlier page left unsent. */
export function recordingUploader(): Promise<ChunkUploader> {
  uploader ??= openChunkStore(indexedDB, IDBKeyRange).then(async (store) => {
    const fanOut: UploaderEvents = {
      onAck: (...a) => listeners.forEach((l) => l.onAck?.(...a)),
      onFinished: (...a) => listeners.forEach((l) => l.onFinished?.(...a)),
      onRefused: (...a) => listeners.forEach((l) => l.onRefused?.(...a)),
      onRetry: (...a) => listeners.forEach((l) => l.onRetry?.(...a)),
    };
    const queue = new ChunkUploader(store, httpTransport, fanOut);
    await queue.resume();
    window.addEventListener('online', () => queue.retryNow());
    return queue;
  });
  return uploader;
}

export function onUploadEvents(events: UploaderEvents): () => void {
  listeners.add(events);
  return () => listeners.delete(events);
}

export class CameraRecorder {
  private recorder: MediaRecorder | null = null;
  private trackId: string | null = null;
  /** The adds in the order the chunks came (reading a Blob is asynchronous). */
  private adding: Promise<unknown> = Promise.resolve();
  private starting: Promise<void> | null = null;
  private stopping: Promise<void> | null = null;

  constructor(
    private readonly roomId: string,
    readonly recording: Pick<TVideoRecording, 'id' | 'startedAt'>,
    private readonly stream: MediaStream,
  ) {}

  /** Starts recording; safe to call once. `stop` may come at any time, even before this finished. */
  start(): Promise<void> {
    this.starting ??= this.begin();
    return this.starting;
  }

  private async begin() {
    const mimeType = recordingMimeType();
    if (!mimeType) throw new Error('MediaRecorder cannot record WebM in this browser');
    const queue = await recordingUploader();
    const offsetMs = offsetFrom(this.recording.startedAt, Date.now());
    const track = await videoApi.createTrack(this.roomId, this.recording.id, { kind: 'camera', mimeType, offsetMs }, newIdempotencyKey());
    this.trackId = track.id;
    await queue.begin({ trackId: track.id, roomId: this.roomId, recordingId: this.recording.id, contentType: mimeType.startsWith('audio') ? 'audio/webm' : 'video/webm' });
    // Stopped while the track was being created: it is finished empty, never left open.
    if (this.stopping) return;
    const recorder = new MediaRecorder(this.stream, { mimeType });
    recorder.ondataavailable = ({ data }) => {
      if (data.size === 0) return;
      this.adding = this.adding.then(async () => queue.add(track.id, await data.arrayBuffer())).catch((err) => console.warn('video: chunk not stored', err));
    };
    recorder.start(TIMESLICE_MS);
    this.recorder = recorder;
  }

  /** Stops recording; the track is finished once its last chunk is acknowledged. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await this.starting?.catch(() => undefined);
      const recorder = this.recorder;
      if (recorder && recorder.state !== 'inactive') {
        const stopped = new Promise((resolve) => recorder.addEventListener('stop', resolve, { once: true }));
        recorder.stop();
        await stopped;
      }
      await this.adding;
      if (this.trackId) await (await recordingUploader()).end(this.trackId);
    })();
    return this.stopping;
  }
}
