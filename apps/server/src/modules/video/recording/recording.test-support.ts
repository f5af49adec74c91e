// Test support for recording: real WebM made by Debian's ffmpeg (written live, as MediaRecorder does:
// no duration, no cues), cut into chunks at arbitrary byte boundaries, and a room set up on a matter.
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createOrganisations, createParty, createStaff, loginWithPassword, loginWithSms, type Session, type TestContext } from '../../../../test/harness.ts';
import { videoParticipant, videoRoom } from '../video.tables.ts';

/** A live-written WebM (VP8 + Opus) of `seconds` of test pattern and tone. */
export function makeWebm(seconds: number, opts: { size?: string; bitrate?: string } = {}): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-webm-'));
  const out = path.join(dir, 'source.webm');
  execFileSync('/usr/bin/ffmpeg', [
    '-v', 'error', '-nostdin',
    '-f', 'lavfi', '-i', `testsrc=size=${opts.size ?? '320x240'}:rate=15`,
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-t', String(seconds),
    '-c:v', 'libvpx', '-b:v', opts.bitrate ?? '300k', '-deadline', 'realtime', '-cpu-used', '8',
    '-c:a', 'libopus',
    '-live', '1', '-f', 'webm', out,
  ]);
  const bytes = fs.readFileSync(out);
  fs.rmSync(dir, { recursive: true, force: true });
  return bytes;
}

/** Cuts bytes into chunks of varied sizes, ignoring the container's structure (as MediaRecorder's timeslices do). */
export function cutChunks(bytes: Buffer, count: number): Buffer[] {
  const chunks: Buffer[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    const end = i === count - 1 ? bytes.length : Math.min(bytes.length, at + Math.floor((bytes.length / count) * (0.6 + ((i * 37) % 80) / 100)));
    chunks.push(bytes.subarray(at, end));
    at = end;
  }
  return chunks.filter((c) => c.length);
}

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** ffprobe's view of a file: container, duration, and how many packets each stream has. */
export function probe(file: string): { format: string; durationMs: number; packets: Record<string, number> } {
  const out = JSON.parse(
    execFileSync('/usr/bin/ffprobe', ['-v', 'error', '-count_packets', '-show_entries', 'format=format_name,duration:stream=codec_type,nb_read_packets', '-of', 'json', file], { encoding: 'utf8' }),
  ) as { format: { format_name: string; duration?: string }; streams: { codec_type: string; nb_read_packets: string }[] };
  return {
    format: out.format.format_name,
    durationMs: Math.round(Number(out.format.duration ?? 'NaN') * 1000),
    packets: Object.fromEntries(out.streams.map((s) => [s.codec_type, Number(s.nb_read_packets)])),
  };
}

export function probeBuffer(bytes: Buffer) {
  const file = path.join(os.tmpdir(), `oc-probe-${randomUUID()}.webm`);
  fs.writeFileSync(file, bytes);
  try {
    return probe(file);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

export type RoomFixture = {
  matterId: string;
  roomId: string;
  host: { session: Session; participantId: string; userId: string };
  parties: { session: Session; participantId: string; userId: string }[];
  stranger: Session;
  clerk: Session;
};

/**
 * A matter (created by a clerk over HTTP) with a mediator and two parties, and a room for it in which
 * the mediator hosts and both parties are admitted. The room rows are written directly: the rooms
 * and lobby are another part of this module.
 */
export async function setUpRoom(ctx: TestContext): Promise<RoomFixture> {
  const orgs = await createOrganisations(ctx);
  const clerkUser = await createStaff(ctx, 'clerk', orgs.courtId);
  const mediator = await createStaff(ctx, 'mediator', orgs.mediationOrgId);
  const partyUsers = [await createParty(ctx), await createParty(ctx)];
  const strangerUser = await createParty(ctx);
  const clerk = await loginWithPassword(ctx, clerkUser.username);
  const created = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/matters',
    headers: clerk.headers,
    payload: { title: '视频调解录像测试', courtId: orgs.courtId, participants: [{ userId: mediator.id, role: 'mediator' }, ...partyUsers.map((p) => ({ userId: p.id, role: 'party' }))] },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const matterId = created.json().id as string;
  const roomId = randomUUID();
  const db = ctx.database.db;
  await db.insert(videoRoom).values({ id: roomId, matterId, title: '调解室', purpose: 'mediation', createdBy: mediator.id });
  const people = [{ userId: mediator.id, role: 'host' }, ...partyUsers.map((p) => ({ userId: p.id, role: 'party' }))];
  const ids = people.map(() => randomUUID());
  await db.insert(videoParticipant).values(people.map((p, i) => ({ id: ids[i]!, roomId, userId: p.userId, role: p.role, state: 'admitted', joinedAt: new Date() })));
  return {
    matterId,
    roomId,
    host: { session: await loginWithPassword(ctx, mediator.username), participantId: ids[0]!, userId: mediator.id },
    parties: [
      { session: await loginWithSms(ctx, partyUsers[0]!.phone), participantId: ids[1]!, userId: partyUsers[0]!.id },
      { session: await loginWithSms(ctx, partyUsers[1]!.phone), participantId: ids[2]!, userId: partyUsers[1]!.id },
    ],
    stranger: await loginWithSms(ctx, strangerUser.phone),
    clerk,
  };
}
