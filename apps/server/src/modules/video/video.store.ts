// All of the video module's SQL (rooms, participants, chat, presence). Every method takes `db` or `tx`.
import { and, asc, desc, eq, gt, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import { appUser } from '../../platform/auth/auth.tables.ts';
import type { Executor } from '../../platform/db/database.ts';
import { videoChatMessage, videoParticipant, videoPresence, videoRoom } from './video.tables.ts';

export type RoomRow = typeof videoRoom.$inferSelect;
export type ParticipantRow = typeof videoParticipant.$inferSelect;
export type MemberRow = ParticipantRow & { displayName: string };
export type ChatRow = typeof videoChatMessage.$inferSelect & { displayName: string };

const memberColumns = {
  id: videoParticipant.id,
  roomId: videoParticipant.roomId,
  userId: videoParticipant.userId,
  role: videoParticipant.role,
  side: videoParticipant.side,
  state: videoParticipant.state,
  caucus: videoParticipant.caucus,
  connectionId: videoParticipant.connectionId,
  joinedAt: videoParticipant.joinedAt,
  updatedAt: videoParticipant.updatedAt,
  displayName: appUser.displayName,
};

export const videoStore = {
  async insertRoom(tx: Executor, room: typeof videoRoom.$inferInsert, participants: (typeof videoParticipant.$inferInsert)[]) {
    await tx.insert(videoRoom).values(room);
    await tx.insert(videoParticipant).values(participants);
  },

  async room(db: Executor, roomId: string): Promise<RoomRow | undefined> {
    const [row] = await db.select().from(videoRoom).where(eq(videoRoom.id, roomId));
    return row;
  },

  /** The room, locked until the transaction ends, so concurrent controls of one room apply one at a time. */
  async roomForUpdate(tx: Executor, roomId: string): Promise<RoomRow | undefined> {
    const [row] = await tx.select().from(videoRoom).where(eq(videoRoom.id, roomId)).for('update');
    return row;
  },

  async members(db: Executor, roomId: string): Promise<MemberRow[]> {
    return db
      .select(memberColumns)
      .from(videoParticipant)
      .innerJoin(appUser, eq(appUser.id, videoParticipant.userId))
      .where(eq(videoParticipant.roomId, roomId))
      .orderBy(asc(videoParticipant.joinedAt), asc(videoParticipant.id));
  },

  async roomsOfMatter(db: Executor, matterId: string): Promise<RoomRow[]> {
    return db.select().from(videoRoom).where(eq(videoRoom.matterId, matterId)).orderBy(desc(videoRoom.createdAt), desc(videoRoom.id)).limit(500);
  },

  /** The ids of the matter's rooms the user is invited to. */
  async roomIdsOfUser(db: Executor, matterId: string, userId: string): Promise<Set<string>> {
    const rows = await db
      .select({ id: videoRoom.id })
      .from(videoRoom)
      .innerJoin(videoParticipant, eq(videoParticipant.roomId, videoRoom.id))
      .where(and(eq(videoRoom.matterId, matterId), eq(videoParticipant.userId, userId)));
    return new Set(rows.map((r) => r.id));
  },

  async updateParticipant(tx: Executor, id: string, patch: Partial<Pick<ParticipantRow, 'state' | 'caucus' | 'connectionId' | 'joinedAt'>>, now: Date) {
    await tx
      .update(videoParticipant)
      .set({ ...patch, updatedAt: now })
      .where(eq(videoParticipant.id, id));
  },

  async updateRoom(tx: Executor, id: string, patch: Partial<Pick<RoomRow, 'locked' | 'status' | 'endedAt'>>) {
    await tx.update(videoRoom).set(patch).where(eq(videoRoom.id, id));
  },

  async insertChat(tx: Executor, row: typeof videoChatMessage.$inferInsert) {
    await tx.insert(videoChatMessage).values(row);
  },

  /** Oldest first. `visibleTo` limits a participant to the main room, their caucus and their own messages. */
  async chat(
    db: Executor,
    roomId: string,
    visibleTo: { caucus: string | null; participantId: string | null } | null,
    after: { createdAt: string; id: string } | undefined,
    limit: number,
  ): Promise<ChatRow[]> {
    const where: (SQL | undefined)[] = [eq(videoChatMessage.roomId, roomId)];
    if (visibleTo) {
      where.push(
        or(
          isNull(videoChatMessage.caucus),
          visibleTo.caucus === null ? undefined : eq(videoChatMessage.caucus, visibleTo.caucus),
          visibleTo.participantId ? eq(videoChatMessage.participantId, visibleTo.participantId) : undefined,
        ),
      );
    }
    if (after) {
      where.push(
        or(
          gt(videoChatMessage.createdAt, new Date(after.createdAt)),
          and(eq(videoChatMessage.createdAt, new Date(after.createdAt)), gt(videoChatMessage.id, after.id)),
        ),
      );
    }
    return db
      .select({ ...videoChatColumns, displayName: appUser.displayName })
      .from(videoChatMessage)
      .innerJoin(videoParticipant, eq(videoParticipant.id, videoChatMessage.participantId))
      .innerJoin(appUser, eq(appUser.id, videoParticipant.userId))
      .where(and(...where))
      .orderBy(asc(videoChatMessage.createdAt), asc(videoChatMessage.id))
      .limit(limit + 1);
  },

  // ---- presence: live sockets per room, refreshed by each process while they live ----

  async addPresence(db: Executor, row: { id: string; roomId: string; participantId: string; processId: string; seenAt: Date }) {
    await db.insert(videoPresence).values(row).onConflictDoUpdate({ target: videoPresence.id, set: { seenAt: row.seenAt } });
  },

  async removePresence(db: Executor, id: string) {
    await db.delete(videoPresence).where(eq(videoPresence.id, id));
  },

  async touchPresence(db: Executor, ids: string[], now: Date) {
    if (!ids.length) return;
    await db.update(videoPresence).set({ seenAt: now }).where(inArray(videoPresence.id, ids));
  },

  /** Rows a crashed process left behind. */
  async prunePresence(db: Executor, before: Date) {
    await db.delete(videoPresence).where(lt(videoPresence.seenAt, before));
  },

  /** Where each participant's live sockets are: participant id → the processes holding them. */
  async presenceOf(db: Executor, roomId: string, since: Date): Promise<Map<string, Set<string>>> {
    const rows = await db
      .select({ participantId: videoPresence.participantId, processId: videoPresence.processId })
      .from(videoPresence)
      .where(and(eq(videoPresence.roomId, roomId), gt(videoPresence.seenAt, since)));
    const out = new Map<string, Set<string>>();
    for (const r of rows) {
      let set = out.get(r.participantId);
      if (!set) out.set(r.participantId, (set = new Set()));
      set.add(r.processId);
    }
    return out;
  },

  async onlineParticipants(db: Executor, roomId: string, since: Date): Promise<Set<string>> {
    const rows = await db
      .selectDistinct({ id: videoPresence.participantId })
      .from(videoPresence)
      .where(and(eq(videoPresence.roomId, roomId), gt(videoPresence.seenAt, since)));
    return new Set(rows.map((r) => r.id));
  },
};

const videoChatColumns = {
  id: videoChatMessage.id,
  roomId: videoChatMessage.roomId,
  participantId: videoChatMessage.participantId,
  caucus: videoChatMessage.caucus,
  text: videoChatMessage.text,
  createdAt: videoChatMessage.createdAt,
};
