// HTTP for video rooms (the routes in packages/contracts video.ts, except recordings and snapshots,
// which modules/video/recording registers). Every unsafe route names its audit action, so refused
// requests (not invited, locked, not a host) are in the audit trail too.
import { ZVideoChatMessage, ZVideoChatPage, ZVideoChatPost, ZVideoJoin, ZVideoLock, ZVideoMove, ZVideoRoom, ZVideoRoomCreate, ZVideoRoomSummary } from '@opencourt/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../platform/auth/index.ts';
import type { Db } from '../../platform/db/database.ts';
import { runIdempotent, ZPageQuery } from '../../platform/http/index.ts';
import type { VideoService } from './video.service.ts';

const ZRoomParams = z.object({ roomId: z.uuid() });
const ZParticipantParams = z.object({ roomId: z.uuid(), pid: z.uuid() });

export async function videoRoutes(app: FastifyInstance, opts: { db: Db; video: VideoService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { video } = opts;
  const tags = ['video'];
  const room = (request: { params: { roomId: string } }) => ({ type: 'video_room', id: request.params.roomId });

  r.post('/matters/:matterId/video-rooms', {
    schema: { tags, summary: '为案件开设视频房间并邀请参与人', params: z.object({ matterId: z.uuid() }), body: ZVideoRoomCreate, response: { 201: ZVideoRoom } },
    config: { audit: { action: 'video_room.create', detail: (req) => ({ matterId: (req.params as { matterId: string }).matterId }) } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const result = await runIdempotent(opts.db, request, actor.userId, 201, (tx) => video.createRoom(actor, request.params.matterId, request.body, tx));
    request.auditResource = { type: 'video_room', id: result.body.id };
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send(result.body);
  });

  r.get('/matters/:matterId/video-rooms', {
    schema: { tags, summary: '案件的视频房间', params: z.object({ matterId: z.uuid() }), response: { 200: z.object({ items: z.array(ZVideoRoomSummary) }) } },
  }, async (request) => video.listRooms(requireActor(request), request.params.matterId));

  r.get('/video-rooms/:roomId', {
    schema: { tags, summary: '视频房间详情', params: ZRoomParams, response: { 200: ZVideoRoom } },
  }, async (request) => video.getRoom(requireActor(request), request.params.roomId));

  r.post('/video-rooms/:roomId/join', {
    schema: { tags, summary: '加入视频房间（进入等候室，或直接进入）', params: ZRoomParams, response: { 200: ZVideoJoin } },
    config: { audit: { action: 'video_room.join' } },
  }, async (request) => {
    request.auditResource = room(request);
    return video.join(requireActor(request), request.params.roomId);
  });

  r.post('/video-rooms/:roomId/leave', {
    schema: { tags, summary: '离开视频房间', params: ZRoomParams, response: { 204: z.null() } },
    config: { audit: { action: 'video_room.leave' } },
  }, async (request, reply) => {
    request.auditResource = room(request);
    await video.leave(requireActor(request), request.params.roomId);
    return reply.code(204).send(null);
  });

  const participantControl = (action: 'admit' | 'refuse' | 'remove', summary: string) =>
    r.post(`/video-rooms/:roomId/participants/:pid/${action}`, {
      schema: { tags, summary, params: ZParticipantParams, response: { 200: ZVideoRoom } },
      config: { audit: { action: `video_room.${action}`, detail: (req) => ({ participantId: (req.params as { pid: string }).pid }) } },
    }, async (request) => {
      request.auditResource = room(request);
      return video[action](requireActor(request), request.params.roomId, request.params.pid);
    });
  participantControl('admit', '主持人准许等候的参与人进入');
  participantControl('refuse', '主持人拒绝等候的参与人');
  participantControl('remove', '主持人将参与人移出房间');

  r.post('/video-rooms/:roomId/participants/:pid/ask-unmute', {
    schema: { tags, summary: '主持人请参与人打开麦克风', params: ZParticipantParams, response: { 204: z.null() } },
    config: { audit: { action: 'video_room.ask_unmute', detail: (req) => ({ participantId: (req.params as { pid: string }).pid }) } },
  }, async (request, reply) => {
    request.auditResource = room(request);
    await video.askUnmute(requireActor(request), request.params.roomId, request.params.pid);
    return reply.code(204).send(null);
  });

  r.post('/video-rooms/:roomId/participants/:pid/move', {
    schema: { tags, summary: '主持人将参与人移入分组会谈室（背对背）或移回主房间', params: ZParticipantParams, body: ZVideoMove, response: { 200: ZVideoRoom } },
    config: { audit: { action: 'video_room.move', detail: (req) => ({ participantId: (req.params as { pid: string }).pid }) } },
  }, async (request) => {
    request.auditResource = room(request);
    return video.move(requireActor(request), request.params.roomId, request.params.pid, request.body.caucus);
  });

  r.post('/video-rooms/:roomId/mute-all', {
    schema: { tags, summary: '主持人全体静音', params: ZRoomParams, response: { 204: z.null() } },
    config: { audit: { action: 'video_room.mute_all' } },
  }, async (request, reply) => {
    request.auditResource = room(request);
    await video.muteAll(requireActor(request), request.params.roomId);
    return reply.code(204).send(null);
  });

  r.post('/video-rooms/:roomId/lock', {
    schema: { tags, summary: '主持人锁定或解锁房间', params: ZRoomParams, body: ZVideoLock, response: { 200: ZVideoRoom } },
    config: { audit: { action: 'video_room.lock', detail: (req) => ({ locked: (req.body as { locked?: boolean } | undefined)?.locked }) } },
  }, async (request) => {
    request.auditResource = room(request);
    return video.lock(requireActor(request), request.params.roomId, request.body.locked);
  });

  r.post('/video-rooms/:roomId/end', {
    schema: { tags, summary: '主持人结束会议（所有人退出）', params: ZRoomParams, response: { 200: ZVideoRoom } },
    config: { audit: { action: 'video_room.end' } },
  }, async (request) => {
    request.auditResource = room(request);
    return video.end(requireActor(request), request.params.roomId);
  });

  r.get('/video-rooms/:roomId/chat', {
    schema: { tags, summary: '房间聊天记录（按时间先后）', params: ZRoomParams, querystring: ZPageQuery, response: { 200: ZVideoChatPage } },
  }, async (request) => video.listChat(requireActor(request), request.params.roomId, request.query));

  r.post('/video-rooms/:roomId/chat', {
    schema: { tags, summary: '在房间（或所在分组会谈室）发送聊天消息', params: ZRoomParams, body: ZVideoChatPost, response: { 201: ZVideoChatMessage } },
    config: { audit: { action: 'video_room.chat' } },
  }, async (request, reply) => {
    request.auditResource = room(request);
    return reply.code(201).send(await video.postChat(requireActor(request), request.params.roomId, request.body.text));
  });
}
