// Recording chunks not yet acknowledged by the server, kept in IndexedDB so that a dropped network or
// a reloaded page loses none: a chunk is written here before it is uploaded and deleted after the ack.

export type StoredTrack = {
  trackId: string;
  roomId: string;
  recordingId: string;
  /** Content-Type of the chunks (video/webm or audio/webm). */
  contentType: string;
  /** The seq the next recorded chunk gets. */
  nextSeq: number;
  /** No more chunks will come: finish the track once all are acknowledged. */
  ended: boolean;
};
export type StoredChunk = { trackId: string; seq: number; data: ArrayBuffer };

export type ChunkStore = {
  putTrack(track: StoredTrack): Promise<void>;
  getTrack(trackId: string): Promise<StoredTrack | undefined>;
  tracks(): Promise<StoredTrack[]>;
  deleteTrack(trackId: string): Promise<void>;
  /** Writes the chunk and advances the track's nextSeq in one transaction. */
  appendChunk(trackId: string, data: ArrayBuffer): Promise<number>;
  /** The first chunk still to upload (lowest seq), if any. */
  firstChunk(trackId: string): Promise<StoredChunk | undefined>;
  countChunks(trackId: string): Promise<number>;
  deleteChunk(trackId: string, seq: number): Promise<void>;
};

const DB_NAME = 'oc-video-recording';
const TRACKS = 'tracks';
const CHUNKS = 'chunks';

const done = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

const committed = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });

function openDb(factory: IDBFactory): Promise<IDBDatabase> {
  const req = factory.open(DB_NAME, 1);
  req.onupgradeneeded = () => {
    const db = req.result;
    db.createObjectStore(TRACKS, { keyPath: 'trackId' });
    db.createObjectStore(CHUNKS, { keyPath: ['trackId', 'seq'] });
  };
  return done(req);
}

/** The store over IndexedDB (`factory` is `window.indexedDB`, or fake-indexeddb's in tests). */
export async function openChunkStore(factory: IDBFactory, keyRange: typeof IDBKeyRange): Promise<ChunkStore> {
  const db = await openDb(factory);
  const rangeOf = (trackId: string) => keyRange.bound([trackId, 0], [trackId, Number.MAX_SAFE_INTEGER]);
  const store = (name: string, mode: IDBTransactionMode = 'readonly') => db.transaction(name, mode).objectStore(name);

  return {
    async putTrack(track) {
      await done(store(TRACKS, 'readwrite').put(track));
    },
    getTrack: (trackId) => done(store(TRACKS).get(trackId) as IDBRequest<StoredTrack | undefined>),
    tracks: () => done(store(TRACKS).getAll() as IDBRequest<StoredTrack[]>),
    async deleteTrack(trackId) {
      const tx = db.transaction([TRACKS, CHUNKS], 'readwrite');
      tx.objectStore(CHUNKS).delete(rangeOf(trackId));
      tx.objectStore(TRACKS).delete(trackId);
      await committed(tx);
    },
    async appendChunk(trackId, data) {
      const tx = db.transaction([TRACKS, CHUNKS], 'readwrite');
      const tracks = tx.objectStore(TRACKS);
      const track = (await done(tracks.get(trackId))) as StoredTrack | undefined;
      if (!track) {
        tx.abort();
        throw new Error(`no stored track ${trackId}`);
      }
      const seq = track.nextSeq;
      tx.objectStore(CHUNKS).put({ trackId, seq, data } satisfies StoredChunk);
      tracks.put({ ...track, nextSeq: seq + 1 });
      await committed(tx);
      return seq;
    },
    async firstChunk(trackId) {
      const cursor = await done(store(CHUNKS).openCursor(rangeOf(trackId)));
      return (cursor?.value as StoredChunk | undefined) ?? undefined;
    },
    countChunks: (trackId) => done(store(CHUNKS).count(rangeOf(trackId))),
    async deleteChunk(trackId, seq) {
      await done(store(CHUNKS, 'readwrite').delete([trackId, seq]));
    },
  };
}
