// Snapshots: a host stores a still of a participant's video (PNG or JPEG, judged by its bytes) as a
// file of the matter, so it gets a ledger receipt like any stored file.
import type { TVideoSnapshot } from '@opencourt/contracts';
import { can, isStaff, type Actor } from '../../../platform/auth/index.ts';
import type { FileService, MatterAccess, ReceivedUpload } from '../../../platform/blobs/index.ts';
import type { Clock, IdGenerator } from '../../../platform/clock/index.ts';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { appendEvent } from '../../../platform/events/index.ts';
import { RecordingErrors as E } from './recording.errors.ts';
import { isHost, mayViewMedia } from './recording.rules.ts';
import { recordingStore as store } from './recording.store.ts';
import { snapshotView } from './recording.views.ts';

export type SnapshotDeps = { db: Db; clock: Clock; id: IdGenerator; files: FileService; matters: MatterAccess };

export function createSnapshotService(deps: SnapshotDeps) {
  const { db, clock, id, files, matters } = deps;

  async function access(actor: Actor, roomId: string) {
    const found = await store.roomWithMe(db, roomId, actor.userId);
    if (!found) throw E.VIDEO_ROOM_NOT_FOUND();
    const facts = await matters.factsOf(found.room.matterId);
    const staffUpdate = !!facts && isStaff(actor.roles) && can(actor, 'matter.update', facts);
    if (!found.me && !staffUpdate) throw E.VIDEO_ROOM_NOT_FOUND();
    return { ...found, staffUpdate };
  }

  return {
    /** Checked before the upload is read: only a host takes snapshots. */
    async authorize(actor: Actor, roomId: string): Promise<{ matterId: string }> {
      const { room, me } = await access(actor, roomId);
      if (!isHost(me)) throw E.VIDEO_NOT_HOST();
      return { matterId: room.matterId };
    },

    /** Refuses what is not a PNG or JPEG still before anything is stored. */
    checkImage(upload: ReceivedUpload) {
      if (upload.kind !== 'png' && upload.kind !== 'jpeg') throw E.VIDEO_SNAPSHOT_TYPE_REFUSED(undefined, { fields: [{ pointer: '/body/file', detail: '须为 PNG 或 JPEG 图片' }] });
    },

    /** Stores the still and its snapshot row in one transaction (the caller's idempotency wrapper). */
    async take<R>(actor: Actor, roomId: string, participantId: string, upload: ReceivedUpload, transact: (work: (tx: Tx) => Promise<TVideoSnapshot>) => Promise<R>): Promise<R> {
      let matterId: string;
      try {
        ({ matterId } = await this.authorize(actor, roomId));
        this.checkImage(upload);
        if (!(await store.participant(db, roomId, participantId))) {
          throw E.VIDEO_PARTICIPANT_NOT_FOUND(undefined, { fields: [{ pointer: '/body/participantId', detail: '不是该房间的参与人' }] });
        }
      } catch (err) {
        await files.discard(upload);
        throw err;
      }
      return files.store(actor, upload, { matterId }, (storeFile) =>
        transact(async (tx) => {
          const file = await storeFile(tx);
          const row = await store.insertSnapshot(tx, { id: id(), roomId, participantId, fileId: file.id, sha256: file.sha256, takenBy: actor.userId, takenAt: clock.now() });
          await appendEvent(tx, { type: 'video.snapshot.taken', aggregateType: 'video_room', aggregateId: roomId, actorId: actor.userId, payload: { roomId, snapshotId: row.id, participantId, fileId: file.id, sha256: file.sha256 } });
          return snapshotView(row);
        }),
      );
    },

    async list(actor: Actor, roomId: string): Promise<{ items: TVideoSnapshot[] }> {
      const { me, staffUpdate } = await access(actor, roomId);
      if (!mayViewMedia(me, staffUpdate)) throw E.VIDEO_NOT_HOST('只有主持人和承办人员可以查看截图');
      return { items: (await store.listSnapshots(db, roomId)).map(snapshotView) };
    },
  };
}

export type SnapshotService = ReturnType<typeof createSnapshotService>;
