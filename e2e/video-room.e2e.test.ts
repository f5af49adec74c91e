// Journey: a mediated video session. The mediator opens a room for a matter and invites both parties;
// they get the invitation, pass the device check and the waiting room, and each browser decodes the
// others' video (fake camera). The mediator takes one party into a caucus (背对背) and back, records
// a few seconds, stops; the playback page shows the tracks, the stored media decodes with ffprobe,
// and each track's ledger receipt verifies.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyReceipt, fromHex } from '@opencourt/ledger';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { TVideoRecording, TVideoRoom } from '@opencourt/contracts';
import { expectAccessible } from './support/axe.ts';
import { PHONE, useJourney, VIDEO_ARGS } from './support/browser.ts';
import { expectNoHorizontalScroll, expectPage, HOME_HEADINGS, signInWithPassword, signInWithSms } from './support/pages.ts';
import { addToMatter, mattersForParty, partyAccounts, staffAccount } from './support/server.ts';

type PeerStat = { participantId: string; state: string; framesDecoded: number; bytesReceived: number };

const ROOM_TITLE = '民间借贷纠纷调解会';

/** The page's peer connections and what each decoded (the app's test hook, on with oc.videoDebug). */
const peerStats = (page: Page) => page.evaluate(() => (window as unknown as { __ocVideoStats?: () => Promise<PeerStat[]> }).__ocVideoStats?.() ?? []);

/** Waits until this page decodes video from exactly these participants. */
async function waitForVideoFrom(page: Page, participantIds: string[]) {
  await page.waitForFunction(
    async (ids) => {
      const hook = (window as unknown as { __ocVideoStats?: () => Promise<PeerStat[]> }).__ocVideoStats;
      if (!hook) return false;
      const stats = await hook();
      return stats.length === ids.length && ids.every((id) => stats.some((s) => s.participantId === id && s.framesDecoded > 0));
    },
    participantIds,
    { polling: 250, timeout: 45_000 },
  );
}

/** An API read from inside the page (with its session cookie). */
const apiGet = <T,>(page: Page, url: string) => page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;

async function waitFor<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function enterThroughDeviceCheck(page: Page) {
  await page.getByRole('heading', { level: 2, name: '设备检测' }).waitFor();
  await page.getByRole('status').filter({ hasText: '服务器往返' }).waitFor();
  const enter = page.getByRole('button', { name: '进入等候室' });
  await expect.poll(() => enter.isEnabled(), { timeout: 15_000 }).toBe(true);
  await expectAccessible(page, 'device check');
  await enter.click();
}

describe('a video mediation session', () => {
  const journey = useJourney({ chromiumArgs: VIDEO_ARGS, initScript: "try { localStorage.setItem('oc.videoDebug', '1') } catch {}" });

  it('lobby, mesh video, caucus and back, recording with playback, ffprobe and receipts', { timeout: 240_000 }, async () => {
    const { page: host, server } = journey;
    const [li, zhao] = partyAccounts(server);
    const { mine } = await mattersForParty(server, li!.phone);
    const matter = mine[0]!;
    // Both parties of the dispute take part in the matter.
    await addToMatter(server, matter.id, zhao!.phone, 'party');
    const mediator = staffAccount(server, 'mediator');

    const partyA = await journey.newPage();
    // One party joins from a phone.
    const partyB = await journey.newPage({ viewport: PHONE });
    await signInWithPassword(host, mediator.username, mediator.password);
    await expectPage(host, HOME_HEADINGS.mediator);
    await signInWithSms(partyA, server, li!.phone);
    await expectPage(partyA, HOME_HEADINGS.party);
    await signInWithSms(partyB, server, zhao!.phone);
    await expectPage(partyB, HOME_HEADINGS.party);

    // The mediator opens a room on the matter page and invites both parties with their sides.
    await host.goto(`/matters/${matter.id}`);
    await expectPage(host, matter.title);
    await host.getByRole('button', { name: '新建视频会议室' }).click();
    const drawer = host.getByRole('dialog');
    await drawer.getByLabel('会议室名称').fill(ROOM_TITLE);
    await expect(drawer.getByRole('checkbox', { name: `邀请 ${li!.name}` }).isChecked()).resolves.toBe(true);
    await expect(drawer.getByRole('checkbox', { name: `邀请 ${zhao!.name}` }).isChecked()).resolves.toBe(true);
    await drawer.getByLabel(`${li!.name} 所属一方`).fill('申请人');
    await drawer.getByLabel(`${zhao!.name} 所属一方`).fill('被申请人');
    await expectAccessible(host, 'create room form');
    await drawer.getByRole('button', { name: '创建并发送邀请' }).click();
    await host.waitForURL(/\/rooms\/[0-9a-f-]{36}$/);
    const roomId = host.url().split('/rooms/')[1]!;
    await expectPage(host, ROOM_TITLE);
    await enterThroughDeviceCheck(host);
    await host.getByRole('heading', { level: 2, name: '主持人控制' }).waitFor();

    // Each party follows the invitation from the notification bell, checks devices and waits.
    for (const party of [partyA, partyB]) {
      await party.getByRole('button', { name: /^通知/ }).click();
      await party.getByRole('button', { name: new RegExp(ROOM_TITLE) }).click();
      await party.waitForURL(`**/rooms/${roomId}`);
      await enterThroughDeviceCheck(party);
      await party.getByRole('heading', { name: '请稍候，主持人将允许您进入会议室' }).waitFor();
      await expectAccessible(party, 'waiting room');
      await expectNoHorizontalScroll(party, 'waiting room');
    }

    // The host sees both waiting (live) and admits them.
    await host.getByRole('heading', { name: '等候室（2）' }).waitFor();
    await expectAccessible(host, 'host with two waiting');
    await host.getByRole('button', { name: `允许进入 ${li!.name}` }).click();
    await host.getByRole('button', { name: `允许进入 ${zhao!.name}` }).click();

    const room = await waitFor('three admitted', async () => {
      const r = await apiGet<TVideoRoom>(host, `/api/v1/video-rooms/${roomId}`);
      return r.participants.filter((p) => p.state === 'admitted' && p.online).length === 3 ? r : undefined;
    });
    const idOf = (name: string) => room.participants.find((p) => p.displayName === name)!.id;
    const [hostId, aId, bId] = [idOf(mediator.name), idOf(li!.name), idOf(zhao!.name)];

    // Full mesh: everyone decodes everyone else's video.
    await waitForVideoFrom(host, [aId, bId]);
    await waitForVideoFrom(partyA, [hostId, bId]);
    await waitForVideoFrom(partyB, [hostId, aId]);
    await expectAccessible(partyA, 'in the room');
    await expectAccessible(partyB, 'in the room on a phone');
    await expectNoHorizontalScroll(partyB, 'the room on a phone');

    // Chat reaches everyone in the room.
    await partyA.getByLabel('消息内容').fill('我同意分期还款');
    await partyA.getByRole('button', { name: '发送' }).click();
    for (const p of [host, partyB]) await p.getByRole('list', { name: '文字交流' }).getByText('我同意分期还款').waitFor();

    // Host controls: mute all, ask one party to speak, take a still of a party's video.
    await host.getByRole('button', { name: '全体静音' }).click();
    for (const p of [partyA, partyB]) await p.getByText('主持人已将您静音').waitFor();
    await host.getByRole('button', { name: `请其发言 ${li!.name}` }).click();
    await partyA.getByRole('dialog', { name: '主持人请您发言' }).getByRole('button', { name: '取消静音' }).click();
    await partyA.getByRole('toolbar').getByRole('button', { name: /取消静音/ }).waitFor({ state: 'detached' });
    await host.locator(`figure[data-participant="${aId}"]`).getByRole('button', { name: '截图' }).click();
    await host.getByText(`已保存 ${li!.name} 的截图`).waitFor();
    const snapshots = await apiGet<{ items: { participantId: string }[] }>(host, `/api/v1/video-rooms/${roomId}/snapshots`);
    expect(snapshots.items.map((s) => s.participantId)).toEqual([aId]);

    // Caucus: 赵芳 goes into 被申请人's room alone; no media flows between the parties there.
    await host.getByRole('button', { name: `移入背对背 ${zhao!.name}` }).click();
    await partyB.getByText('背对背：被申请人').first().waitFor();
    await waitForVideoFrom(partyA, [hostId]);
    await waitForVideoFrom(host, [aId]);
    await expect.poll(async () => (await peerStats(partyB)).length, { timeout: 15_000 }).toBe(0);
    expect((await peerStats(partyA)).some((s) => s.participantId === bId)).toBe(false);

    // And back into the main room: the mesh is whole again.
    await host.getByRole('button', { name: `回到主会议室 ${zhao!.name}` }).click();
    await waitForVideoFrom(partyB, [hostId, aId]);
    await waitForVideoFrom(partyA, [hostId, bId]);

    // A network cut: 李明's socket drops; the page rejoins (a new connection) and the mesh is rebuilt.
    const before = (await apiGet<TVideoRoom>(partyA, `/api/v1/video-rooms/${roomId}`)).me!.connectionId;
    await partyA.evaluate(() => (window as unknown as { __ocRealtimeDrop: () => void }).__ocRealtimeDrop());
    await partyA.getByText('网络中断，正在重新连接…').waitFor();
    await partyA.getByText('网络中断，正在重新连接…').waitFor({ state: 'detached' });
    const after = (await apiGet<TVideoRoom>(partyA, `/api/v1/video-rooms/${roomId}`)).me!.connectionId;
    expect(after).not.toBe(before);
    await waitForVideoFrom(partyA, [hostId, bId]);
    await waitForVideoFrom(host, [aId, bId]);
    await waitForVideoFrom(partyB, [hostId, aId]);

    // Recording: everyone sees the banner; each browser uploads its own track.
    await host.getByRole('button', { name: '开始录制' }).click();
    for (const p of [host, partyA, partyB]) await p.getByText('录制中：本次会议正在录音录像').waitFor();
    const recordingUrl = `/api/v1/video-rooms/${roomId}/recordings`;
    await waitFor('three tracks with a few chunks each', async () => {
      const { items } = await apiGet<{ items: TVideoRecording[] }>(host, recordingUrl);
      const tracks = items[0]?.tracks ?? [];
      return tracks.length === 3 && tracks.every((t) => t.chunks >= 2) ? true : undefined;
    });
    await host.getByRole('button', { name: '停止录制' }).click();
    for (const p of [host, partyA, partyB]) await p.getByText('录制中：本次会议正在录音录像').waitFor({ state: 'detached' });
    const recording = await waitFor(
      'the recording processed',
      async () => {
        const { items } = await apiGet<{ items: TVideoRecording[] }>(host, recordingUrl);
        return items[0] && (items[0].status === 'ready' || items[0].status === 'failed') ? items[0] : undefined;
      },
      90_000,
    );
    expect(recording.error).toBeNull();
    expect(recording.status).toBe('ready');
    expect(recording.tracks).toHaveLength(3);

    // Playback: the three tracks side by side, each with its receipt checked in the browser.
    await host.getByRole('link', { name: /^回放/ }).click();
    await expectPage(host, `录像回放 · ${ROOM_TITLE}`);
    await expect.poll(() => host.locator('video[data-track]').count()).toBe(3);
    await expect.poll(() => host.getByText('已核验', { exact: true }).count(), { timeout: 30_000 }).toBe(3);
    await host.getByRole('button', { name: '播放' }).click();
    await host.getByRole('button', { name: '暂停' }).click();

    // What the server stored decodes, and its receipt verifies offline.
    const cookie = (await host.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const keys = (await (await fetch(`${server.baseUrl}/api/v1/ledger/keys`)).json()) as {
      origin: string;
      log: { verifierKey: string };
      witnesses: { verifierKey: string }[];
      quorum: number;
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oc-video-e2e-'));
    try {
      for (const track of recording.tracks) {
        const res = await fetch(`${server.baseUrl}${recordingUrl}/${recording.id}/tracks/${track.id}/media`, { headers: { cookie } });
        expect(res.status).toBe(200);
        const file = path.join(dir, `${track.id}.webm`);
        fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
        const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:stream=codec_type', '-of', 'json', file], { encoding: 'utf8' })) as {
          format: { duration?: string };
          streams: { codec_type: string }[];
        };
        expect(probe.streams.map((s) => s.codec_type)).toContain('video');
        expect(Number(probe.format.duration)).toBeGreaterThan(1);

        const receipt = await (await fetch(`${server.baseUrl}/api/v1/ledger/receipts/${track.sha256}`)).json();
        const verified = verifyReceipt(receipt, {
          logVerifierKey: keys.log.verifierKey,
          witnessVerifierKeys: keys.witnesses.map((w) => w.verifierKey),
          quorum: keys.quorum,
          origin: keys.origin,
          leafData: fromHex(track.sha256!),
        });
        expect(verified.ok).toBe(true);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }

    // The host ends the session for all: the parties are told.
    await host.goto(`/rooms/${roomId}`);
    await enterThroughDeviceCheck(host);
    await host.getByRole('button', { name: '结束会议' }).click();
    await host.getByRole('button', { name: /确\s*定|OK/ }).click();
    for (const p of [partyA, partyB]) await p.getByRole('heading', { name: '会议已结束' }).waitFor();
    await expectAccessible(partyA, 'session ended');
  });
});
