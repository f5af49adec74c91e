// Uploads each track's stored chunks strictly in order, one at a time: the server accepts only the
// next seq, and answers a repeated, already acknowledged one with the same ack. A chunk leaves the
// store only after its ack. Failures that may pass (network, 5xx, 429) are retried with a growing
// delay; a refusal (4xx) stops the track and is reported.
import type { TVideoChunkAck } from '@opencourt/contracts';
import type { ChunkStore, StoredTrack } from './chunk-store.ts';

export type ChunkTransport = {
  put(track: StoredTrack, seq: number, data: ArrayBuffer, sha256: string): Promise<TVideoChunkAck>;
  finish(track: StoredTrack, chunks: number): Promise<void>;
};

export class UploadRefused extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'UploadRefused';
  }
}

export type UploaderEvents = {
  onAck?(trackId: string, ack: TVideoChunkAck): void;
  onFinished?(trackId: string): void;
  onRefused?(trackId: string, error: UploadRefused): void;
  /** A retryable failure; the uploader tries again after `delayMs`. */
  onRetry?(trackId: string, error: unknown, delayMs: number): void;
};

export async function sha256Hex(data: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const retryDelay = (attempt: number) => Math.min(15_000, 500 * 2 ** attempt);

export class ChunkUploader {
  private readonly running = new Map<string, Promise<void>>();
  private readonly wake = new Map<string, () => void>();
  /** Tracks given something new since their pump last looked (so a wake-up is never lost). */
  private readonly dirty = new Set<string>();
  private stopped = false;

  constructor(
    private readonly store: ChunkStore,
    private readonly transport: ChunkTransport,
    private readonly events: UploaderEvents = {},
    private readonly delay: (attempt: number) => number = retryDelay,
  ) {}

  /** Starts a track (its chunks will follow with `add`). */
  async begin(track: Omit<StoredTrack, 'nextSeq' | 'ended'>) {
    await this.store.putTrack({ ...track, nextSeq: 0, ended: false });
  }

  /** Keeps the chunk (durably) and uploads it after those before it; resolves with its seq once stored. */
  async add(trackId: string, data: ArrayBuffer): Promise<number> {
    const seq = await this.store.appendChunk(trackId, data);
    this.kick(trackId);
    return seq;
  }

  /** No more chunks for this track: it is finished once every chunk is acknowledged. */
  async end(trackId: string) {
    const track = await this.store.getTrack(trackId);
    if (!track) return;
    await this.store.putTrack({ ...track, ended: true });
    this.kick(trackId);
  }

  /**
   * After a reload: every stored track is uploaded and, since the recorder that fed it is gone,
   * finished with the chunks it has.
   */
  async resume() {
    for (const track of await this.store.tracks()) {
      if (!track.ended) await this.store.putTrack({ ...track, ended: true });
      this.kick(track.trackId);
    }
  }

  /** Resolves when the track has nothing left to do (all acknowledged, finished, or refused). */
  settled(trackId: string): Promise<void> {
    return this.running.get(trackId) ?? Promise.resolve();
  }

  /** Retry now instead of waiting out the delay (e.g. the network came back). */
  retryNow() {
    for (const wake of [...this.wake.values()]) wake();
  }

  stop() {
    this.stopped = true;
    this.retryNow();
  }

  private kick(trackId: string) {
    if (this.stopped) return;
    this.dirty.add(trackId);
    if (this.running.has(trackId)) {
      this.wake.get(trackId)?.();
      return;
    }
    const run = this.pump(trackId).finally(() => this.running.delete(trackId));
    this.running.set(trackId, run);
  }

  private async pump(trackId: string) {
    let attempt = 0;
    while (!this.stopped) {
      this.dirty.delete(trackId);
      try {
        const more = await this.step(trackId);
        attempt = 0;
        if (more === 'done') return;
        if (more === 'idle' && !this.dirty.has(trackId)) {
          // Wait for the next chunk or the end; re-check after waking.
          await new Promise<void>((resolve) => this.wake.set(trackId, resolve));
          this.wake.delete(trackId);
        }
      } catch (err) {
        if (err instanceof UploadRefused) {
          await this.store.deleteTrack(trackId);
          this.events.onRefused?.(trackId, err);
          return;
        }
        const ms = this.delay(attempt++);
        this.events.onRetry?.(trackId, err, ms);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, ms);
          this.wake.set(trackId, () => {
            clearTimeout(timer);
            resolve();
          });
        });
        this.wake.delete(trackId);
      }
    }
  }

  /** One unit of work: upload the first chunk, or finish, or report there is nothing to do yet. */
  private async step(trackId: string): Promise<'more' | 'idle' | 'done'> {
    const track = await this.store.getTrack(trackId);
    if (!track) return 'done';
    const chunk = await this.store.firstChunk(trackId);
    if (chunk) {
      const ack = await this.transport.put(track, chunk.seq, chunk.data, await sha256Hex(chunk.data));
      await this.store.deleteChunk(trackId, chunk.seq);
      this.events.onAck?.(trackId, ack);
      return 'more';
    }
    if (!track.ended) return 'idle';
    await this.transport.finish(track, track.nextSeq);
    await this.store.deleteTrack(trackId);
    this.events.onFinished?.(trackId);
    return 'done';
  }
}
