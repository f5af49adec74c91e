// The recording upload queue over a real IndexedDB implementation (fake-indexeddb) and an in-memory
// server that applies the API's chunk rules: only the next seq, a repeated seq with the same bytes
// answers the same ack, with other bytes 409.
import type { TVideoChunkAck } from '@opencourt/contracts';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openChunkStore, type StoredTrack } from './chunk-store.ts';
import { ChunkUploader, sha256Hex, UploadRefused, type ChunkTransport } from './chunk-uploader.ts';

class ChunkServer implements ChunkTransport {
  readonly chunks = new Map<string, string[]>();
  readonly finished = new Map<string, number>();
  /** Puts that fail with a network error before reaching the server, or after it stored the chunk. */
  failBefore = 0;
  failAfterStoring = 0;
  closed = false;
  puts = 0;

  async put(track: StoredTrack, seq: number, data: ArrayBuffer, sha256: string): Promise<TVideoChunkAck> {
    this.puts++;
    if (this.failBefore > 0) {
      this.failBefore--;
      throw new TypeError('network down');
    }
    if (this.closed) throw new UploadRefused('recording closed', 409);
    expect(await sha256Hex(data)).toBe(sha256);
    const list = this.chunks.get(track.trackId) ?? [];
    this.chunks.set(track.trackId, list);
    if (seq < list.length) {
      if (list[seq] !== sha256) throw new UploadRefused('different bytes for an acknowledged chunk', 409);
    } else if (seq === list.length) {
      list.push(sha256);
    } else {
      throw new UploadRefused(`expected chunk ${list.length}, got ${seq}`, 409);
    }
    const ack = { trackId: track.trackId, seq, sha256, bytes: data.byteLength, trackBytes: 0 };
    if (this.failAfterStoring > 0) {
      this.failAfterStoring--;
      throw new TypeError('connection reset before the answer');
    }
    return ack;
  }

  async finish(track: StoredTrack, chunks: number) {
    expect(chunks).toBe(this.chunks.get(track.trackId)?.length ?? 0);
    this.finished.set(track.trackId, chunks);
  }
}

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
const track = { trackId: 't1', roomId: 'r1', recordingId: 'rec1', contentType: 'video/webm' };
const noDelay = () => 0;

/** Waits (bounded) until the condition holds: the pump runs on its own. */
async function until(condition: () => boolean) {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}

async function setup(server = new ChunkServer(), factory = new IDBFactory()) {
  const store = await openChunkStore(factory, IDBKeyRange);
  const events: string[] = [];
  const uploader = new ChunkUploader(store, server, {
    onAck: (id, ack) => events.push(`ack ${id} ${ack.seq}`),
    onFinished: (id) => events.push(`finished ${id}`),
    onRefused: (id, err) => events.push(`refused ${id} ${err.status}`),
  }, noDelay);
  return { server, store, uploader, events, factory };
}

describe('ChunkUploader', () => {
  it('uploads chunks in order, forgets each after its ack and finishes the track with the count', async () => {
    const { server, store, uploader, events } = await setup();
    await uploader.begin(track);
    for (const text of ['a', 'b', 'c']) await uploader.add('t1', bytes(text));
    await uploader.end('t1');
    await uploader.settled('t1');
    expect(server.chunks.get('t1')).toEqual(await Promise.all(['a', 'b', 'c'].map((t) => sha256Hex(bytes(t)))));
    expect(server.finished.get('t1')).toBe(3);
    expect(events).toEqual(['ack t1 0', 'ack t1 1', 'ack t1 2', 'finished t1']);
    expect(await store.tracks()).toEqual([]);
  });

  it('retries after network failures without skipping or reordering a chunk', async () => {
    const { server, uploader } = await setup();
    server.failBefore = 3;
    server.failAfterStoring = 1; // the server kept chunk 0 but its ack was lost: it is sent again
    await uploader.begin(track);
    for (const text of ['a', 'b', 'c', 'd']) await uploader.add('t1', bytes(text));
    await uploader.end('t1');
    await uploader.settled('t1');
    expect(server.chunks.get('t1')).toHaveLength(4);
    expect(server.finished.get('t1')).toBe(4);
    expect(server.puts).toBe(4 + 3 + 1);
  });

  it('after a reload, sends what was kept in IndexedDB in order and finishes the orphaned track', async () => {
    const server = new ChunkServer();
    const first = await setup(server);
    await first.uploader.begin(track);
    await first.uploader.add('t1', bytes('a'));
    await until(() => server.chunks.get('t1')?.length === 1);
    // The network drops, two more chunks are recorded, then the page goes away.
    server.failBefore = Number.MAX_SAFE_INTEGER;
    await first.uploader.add('t1', bytes('b'));
    await first.uploader.add('t1', bytes('c'));
    first.uploader.stop();
    await first.uploader.settled('t1');
    expect(server.chunks.get('t1')).toHaveLength(1);

    server.failBefore = 0;
    const second = await setup(server, first.factory);
    expect(await second.store.countChunks('t1')).toBe(2);
    await second.uploader.resume();
    await second.uploader.settled('t1');
    expect(server.chunks.get('t1')).toEqual(await Promise.all(['a', 'b', 'c'].map((t) => sha256Hex(bytes(t)))));
    expect(server.finished.get('t1')).toBe(3);
    expect(await second.store.tracks()).toEqual([]);
  });

  it('stops a track the server refuses (recording closed) and reports it', async () => {
    const { server, store, uploader, events } = await setup();
    await uploader.begin(track);
    await uploader.add('t1', bytes('a'));
    await until(() => events.length === 1);
    server.closed = true;
    await uploader.add('t1', bytes('b'));
    await uploader.settled('t1');
    expect(events).toEqual(['ack t1 0', 'refused t1 409']);
    expect(await store.tracks()).toEqual([]);
    expect(server.finished.size).toBe(0);
  });

  it('keeps tracks apart: each has its own sequence', async () => {
    const { server, uploader } = await setup();
    await uploader.begin(track);
    await uploader.begin({ ...track, trackId: 't2' });
    await uploader.add('t1', bytes('a'));
    await uploader.add('t2', bytes('x'));
    await uploader.add('t1', bytes('b'));
    await uploader.end('t1');
    await uploader.end('t2');
    await Promise.all([uploader.settled('t1'), uploader.settled('t2')]);
    expect(server.finished.get('t1')).toBe(2);
    expect(server.finished.get('t2')).toBe(1);
  });
});
