// One participant's session in a room, outside React: joins over REST, listens on the realtime room
// `video:<roomId>`, keeps one PeerLink per peer of the same sub-room, relays signaling, reacts to the
// host's controls, records while the room's recording is on, and rejoins after a drop (a new join
// gives a new connectionId, so every peer connection is rebuilt). React reads `snapshot`.
import {
  videoRoom,
  type TRealtimeEvent,
  type TVideoChatMessage,
  type TVideoParticipant,
  type TVideoRoom,
  type TVideoSignalUp,
} from '@opencourt/contracts';
import type { RealtimeClient } from '../../../shared/realtime/realtime-client.ts';
import { CameraRecorder } from '../recording/camera-recorder.ts';
import { videoApi } from '../video.api.ts';
import { diffPeers, isPolite, isRecordingOn, wantedPeers } from './mesh-rules.ts';
import { PeerLink, type RemoteMedia, type Signal } from './peer-link.ts';

export type SessionPhase = 'joining' | 'lobby' | 'room' | 'refused' | 'removed' | 'ended' | 'left' | 'error';
export type LocalMedia = { audio: boolean; video: boolean; screen: boolean };
export type PeerView = {
  participantId: string;
  displayName: string;
  stream: MediaStream;
  media: RemoteMedia;
  state: RTCPeerConnectionState;
  quality: PeerLink['quality'];
  rttMs: number | null;
  loss: number;
};
export type SessionSnapshot = {
  phase: SessionPhase;
  room: TVideoRoom | null;
  me: TVideoParticipant | null;
  peers: PeerView[];
  chat: TVideoChatMessage[];
  local: LocalMedia;
  /** The host asked this participant to unmute. */
  askedToUnmute: boolean;
  /** The host muted everyone (or this participant). */
  mutedByHost: boolean;
  reconnecting: boolean;
  recordingError: string | null;
  error: unknown;
};

const QUALITY_EVERY_MS = 2000;

export class RoomSession {
  private readonly channel: string;
  private readonly links = new Map<string, PeerLink>();
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];
  private iceServers: RTCIceServer[] = [];
  private roomFetchedAt = 0;
  /** The connection our latest join got; room data showing another one was read before it (stale). */
  private myConnectionId: string | null = null;
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  private rejoining: Promise<void> | null = null;
  private recorder: CameraRecorder | null = null;
  private qualityTimer: ReturnType<typeof setInterval> | null = null;
  private screenTrack: MediaStreamTrack | null = null;
  private wasOpen = false;
  private chatCaucus: string | null | undefined = undefined;
  snapshot: SessionSnapshot;

  constructor(
    readonly roomId: string,
    private readonly localStream: MediaStream | null,
    private readonly rt: RealtimeClient,
  ) {
    this.channel = videoRoom(roomId);
    this.snapshot = {
      phase: 'joining',
      room: null,
      me: null,
      peers: [],
      chat: [],
      local: { audio: !!localStream?.getAudioTracks()[0], video: !!localStream?.getVideoTracks()[0], screen: false },
      askedToUnmute: false,
      mutedByHost: false,
      reconnecting: false,
      recordingError: null,
      error: null,
    };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getSnapshot = () => this.snapshot;

  async start() {
    try {
      await this.join();
    } catch (error) {
      this.update({ phase: 'error', error });
      return;
    }
    this.cleanups.push(this.rt.subscribe(this.channel, (event) => this.onEvent(event)));
    this.cleanups.push(
      this.rt.onSubscribed((room) => {
        if (room === this.channel) void this.refresh();
      }),
    );
    this.cleanups.push(
      this.rt.onStatus((status) => {
        if (status === 'open' && this.wasOpen && this.snapshot.reconnecting) void this.rejoin();
        if (status === 'open') this.wasOpen = true;
        if (status === 'closed' && this.wasOpen && this.active) this.update({ reconnecting: true });
      }),
    );
    if (this.rt.status === 'open') this.wasOpen = true;
    this.qualityTimer = setInterval(() => void this.sampleQuality(), QUALITY_EVERY_MS);
    exposeDebugHooks(this, this.rt);
  }

  /** Leaves on purpose (the server is told), and stops everything. */
  async leave() {
    const wasIn = this.active;
    this.teardown('left');
    if (wasIn) await videoApi.leave(this.roomId).catch(() => undefined);
  }

  /** Stops everything without telling the server (the page goes away; presence ends with the socket). */
  dispose() {
    if (this.active) this.teardown('left');
  }

  get active() {
    return this.snapshot.phase === 'lobby' || this.snapshot.phase === 'room' || this.snapshot.phase === 'joining';
  }

  // ---- media controls ----

  setAudio(on: boolean) {
    for (const t of this.localStream?.getAudioTracks() ?? []) t.enabled = on;
    this.update({ local: { ...this.snapshot.local, audio: on }, askedToUnmute: false, mutedByHost: on ? false : this.snapshot.mutedByHost });
    this.broadcastMedia();
  }

  setVideo(on: boolean) {
    for (const t of this.localStream?.getVideoTracks() ?? []) t.enabled = on;
    this.update({ local: { ...this.snapshot.local, video: on } });
    this.broadcastMedia();
  }

  async shareScreen() {
    const display = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    const track = display.getVideoTracks()[0];
    if (!track) return;
    this.screenTrack = track;
    track.addEventListener('ended', () => void this.stopScreen());
    await Promise.all([...this.links.values()].map((l) => l.replaceVideo(track)));
    this.update({ local: { ...this.snapshot.local, screen: true } });
    this.broadcastMedia();
  }

  async stopScreen() {
    if (!this.screenTrack) return;
    this.screenTrack.stop();
    this.screenTrack = null;
    const camera = this.localStream?.getVideoTracks()[0] ?? null;
    await Promise.all([...this.links.values()].map((l) => l.replaceVideo(camera)));
    this.update({ local: { ...this.snapshot.local, screen: false } });
    this.broadcastMedia();
  }

  dismissUnmutePrompt() {
    this.update({ askedToUnmute: false });
  }

  /** After a host action: show its result at once instead of waiting for the event. */
  applyRoom(room: TVideoRoom | undefined) {
    // A control's answer may not carry the recording: keep the one we know until the next refresh.
    if (room) this.setRoom({ ...room, recording: room.recording ?? this.snapshot.room?.recording ?? null }, Date.now());
  }

  /** The RTCPeerConnections by participant (for stats in tests and the quality indicator). */
  connections(): [participantId: string, pc: RTCPeerConnection][] {
    return [...this.links].map(([pid, link]) => [pid, link.pc]);
  }

  async sendChat(text: string) {
    const message = await videoApi.postChat(this.roomId, text);
    this.addChat(message);
  }

  // ---- joining and the room's state ----

  private async join() {
    const joined = await videoApi.join(this.roomId);
    this.myConnectionId = joined.me.connectionId;
    this.iceServers = joined.iceServers as RTCIceServer[];
    this.setRoom(await this.withRecording({ ...joined.room, me: joined.me }), Date.now());
  }

  private rejoin(): Promise<void> {
    if (!this.active) return Promise.resolve();
    this.rejoining ??= (async () => {
      this.closeLinks();
      try {
        await this.join();
        this.update({ reconnecting: false });
      } catch (error) {
        // Still offline: the socket's next reconnect tries again.
        this.update({ reconnecting: true, error });
      } finally {
        this.rejoining = null;
      }
    })();
    return this.rejoining;
  }

  /** Refetches the room; calls during a fetch coalesce into one more fetch after it. */
  private refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        const startedAt = Date.now();
        try {
          const room = await this.withRecording(await videoApi.room(this.roomId));
          if (!room.me || room.me.connectionId === this.myConnectionId) this.setRoom(room, startedAt);
        } catch (error) {
          console.warn('video: room refresh failed', error);
        }
      } while (this.refreshAgain && this.active);
      this.refreshing = null;
    })();
    return this.refreshing;
  }

  /**
   * The room's view may leave `recording` empty while one is on (the server fills it only when its
   * recording part is wired in): then the recordings list tells, which admitted participants may read.
   */
  private async withRecording(room: TVideoRoom): Promise<TVideoRoom> {
    if (room.recording || room.status !== 'open' || room.me?.state !== 'admitted') return room;
    try {
      const { items } = await videoApi.recordings(room.id);
      return { ...room, recording: items.find((r) => isRecordingOn(r)) ?? null };
    } catch {
      return room;
    }
  }

  private setRoom(room: TVideoRoom, fetchedAt: number) {
    if (!this.active) return;
    this.roomFetchedAt = Math.max(this.roomFetchedAt, fetchedAt);
    const me = room.me;
    let phase: SessionPhase = this.snapshot.phase;
    if (room.status === 'ended') phase = 'ended';
    else if (!me) phase = 'error';
    else if (me.state === 'admitted') phase = 'room';
    else if (me.state === 'waiting' || me.state === 'invited') phase = 'lobby';
    else if (me.state === 'refused') phase = 'refused';
    else if (me.state === 'removed') phase = 'removed';
    else if (me.state === 'left') phase = 'left';
    this.update({ room, me });
    if (phase !== 'lobby' && phase !== 'room') {
      this.teardown(phase);
      return;
    }
    this.update({ phase });
    this.reconcilePeers();
    this.syncRecording();
    if (phase === 'room' && me && this.chatCaucus !== me.caucus) void this.loadChat(me.caucus);
  }

  private reconcilePeers() {
    const { room, me } = this.snapshot;
    if (!room || !me) return;
    const have = new Map([...this.links].map(([pid, l]) => [pid, { connectionId: l.connectionId, createdAt: l.createdAt }]));
    const change = diffPeers(have, wantedPeers(room, me), this.roomFetchedAt);
    for (const pid of change.close) this.closeLink(pid);
    for (const [pid, connectionId] of change.open) this.openLink(pid, connectionId);
    this.emitPeers();
  }

  private openLink(participantId: string, connectionId: string): PeerLink {
    const me = this.snapshot.me!;
    const link = new PeerLink({
      participantId,
      connectionId,
      polite: isPolite(me.id, participantId),
      iceServers: this.iceServers,
      localTracks: () => ({
        audio: this.localStream?.getAudioTracks()[0] ?? null,
        video: this.screenTrack ?? this.localStream?.getVideoTracks()[0] ?? null,
        stream: this.localStream,
      }),
      send: (signal) => this.sendSignal(participantId, connectionId, signal),
      onChange: () => this.emitPeers(),
      onFailed: () => void this.rejoin(),
    });
    this.links.set(participantId, link);
    this.sendSignal(participantId, connectionId, this.mediaSignal());
    return link;
  }

  private closeLink(participantId: string) {
    this.links.get(participantId)?.close();
    this.links.delete(participantId);
  }

  private closeLinks() {
    for (const pid of [...this.links.keys()]) this.closeLink(pid);
    this.emitPeers();
  }

  private sendSignal(to: string, toConnection: string, signal: Signal) {
    const body: TVideoSignalUp = { type: 'signal', to, toConnection, id: crypto.randomUUID(), sentAt: Date.now(), signal };
    this.rt.send(this.channel, body);
  }

  private mediaSignal(): Signal {
    const { audio, video, screen } = this.snapshot.local;
    return { kind: 'media', audio, video, screen };
  }

  private broadcastMedia() {
    const signal = this.mediaSignal();
    for (const link of this.links.values()) this.sendSignal(link.participantId, link.connectionId, signal);
  }

  private onEvent(event: TRealtimeEvent) {
    if (!this.active) return;
    switch (event.type) {
      case 'video.signal': {
        const me = this.snapshot.me;
        if (!me || event.to !== me.id || this.snapshot.phase !== 'room') return;
        // Meant for another connection of mine (an earlier join, another tab).
        if (event.toConnection && event.toConnection !== me.connectionId) return;
        let link = this.links.get(event.from);
        if (link && link.connectionId !== event.fromConnection) {
          // The peer rejoined: its new connection replaces the old one.
          this.closeLink(event.from);
          link = undefined;
        }
        link ??= this.openLink(event.from, event.fromConnection);
        link.receive(event.signal);
        return;
      }
      case 'video.room':
        void this.refresh();
        return;
      case 'video.chat':
        this.addChat(event.message);
        return;
      case 'video.control': {
        const me = this.snapshot.me;
        if (event.participantId && event.participantId !== me?.id) return;
        if (event.action === 'mute') {
          this.setAudio(false);
          this.update({ mutedByHost: true });
        } else if (event.action === 'ask-unmute') {
          if (!this.snapshot.local.audio) this.update({ askedToUnmute: true });
        } else {
          this.teardown(event.action === 'removed' ? 'removed' : 'ended');
        }
        return;
      }
      default:
        return;
    }
  }

  // ---- chat ----

  private async loadChat(caucus: string | null) {
    this.chatCaucus = caucus;
    try {
      const page = await videoApi.chat(this.roomId);
      if (this.chatCaucus === caucus) this.update({ chat: page.items });
    } catch (error) {
      console.warn('video: chat not loaded', error);
    }
  }

  private addChat(message: TVideoChatMessage) {
    if (message.roomId !== this.roomId || this.snapshot.chat.some((m) => m.id === message.id)) return;
    const me = this.snapshot.me;
    // Chat is kept per sub-room: what another sub-room says is not shown here.
    if ((message.caucus ?? null) !== (me?.caucus ?? null)) return;
    this.update({ chat: [...this.snapshot.chat, message] });
  }

  // ---- recording ----

  private syncRecording() {
    const rec = this.snapshot.room?.recording;
    const on = isRecordingOn(rec) && this.snapshot.phase === 'room' && !!this.localStream;
    if (this.recorder && (!on || this.recorder.recording.id !== rec?.id)) {
      void this.recorder.stop();
      this.recorder = null;
    }
    if (on && !this.recorder && rec) {
      const recorder = new CameraRecorder(this.roomId, rec, this.localStream!);
      this.recorder = recorder;
      recorder.start().catch((err: unknown) => {
        console.warn('video: recording did not start', err);
        this.update({ recordingError: err instanceof Error ? err.message : String(err) });
      });
    }
  }

  // ---- stats ----

  private async sampleQuality() {
    await Promise.all([...this.links.values()].map((l) => l.sampleQuality().catch(() => undefined)));
    this.emitPeers();
  }

  private emitPeers() {
    const names = new Map(this.snapshot.room?.participants.map((p) => [p.id, p.displayName]) ?? []);
    const peers: PeerView[] = [...this.links.values()].map((l) => ({
      participantId: l.participantId,
      displayName: names.get(l.participantId) ?? '',
      stream: l.remoteStream,
      media: l.remoteMedia,
      state: l.state,
      quality: l.quality,
      rttMs: l.rttMs,
      loss: l.loss,
    }));
    this.update({ peers });
  }

  private teardown(phase: SessionPhase) {
    if (this.qualityTimer) clearInterval(this.qualityTimer);
    this.qualityTimer = null;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    void this.recorder?.stop();
    this.recorder = null;
    this.screenTrack?.stop();
    this.screenTrack = null;
    for (const pid of [...this.links.keys()]) this.closeLink(pid);
    this.update({ phase, peers: [], reconnecting: false });
  }

  private update(patch: Partial<SessionSnapshot>) {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }
}

/**
 * For end-to-end tests only (enabled by localStorage `oc.videoDebug` = 1): what each peer connection
 * decoded, and a way to drop the realtime socket as a network cut would.
 */
function exposeDebugHooks(session: RoomSession, rt: RealtimeClient) {
  let enabled = false;
  try {
    enabled = localStorage.getItem('oc.videoDebug') === '1';
  } catch {
    // No storage: no debug hook.
  }
  if (!enabled) return;
  const w = window as unknown as { __ocVideoStats?: () => Promise<unknown>; __ocRealtimeDrop?: () => void };
  w.__ocRealtimeDrop = () => rt.reconnect();
  w.__ocVideoStats = async () =>
    Promise.all(
      session.connections().map(async ([participantId, pc]) => {
        let framesDecoded = 0;
        let bytesReceived = 0;
        (await pc.getStats()).forEach((s: { type: string; kind?: string; framesDecoded?: number; bytesReceived?: number }) => {
          if (s.type === 'inbound-rtp' && s.kind === 'video') {
            framesDecoded += s.framesDecoded ?? 0;
            bytesReceived += s.bytesReceived ?? 0;
          }
        });
        return { participantId, state: pc.connectionState, framesDecoded, bytesReceived };
      }),
    );
}
