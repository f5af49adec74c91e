// One WebRTC connection to one remote participant's connection, negotiated with the "perfect
// negotiation" pattern (W3C WebRTC examples): either side may offer at any time; on a collision the
// polite side rolls its own offer back and the impolite side ignores the other's.
import type { TVideoSignalUp } from '@opencourt/contracts';
import { lossBetween, qualityOf, sampleOf, type Quality, type QualitySample } from './connection-quality.ts';

export type Signal = TVideoSignalUp['signal'];
export type RemoteMedia = { audio: boolean; video: boolean; screen: boolean };

export type PeerLinkOptions = {
  participantId: string;
  connectionId: string;
  polite: boolean;
  iceServers: RTCIceServer[];
  /** The tracks to send now (camera or screen video, microphone audio). */
  localTracks: () => { audio: MediaStreamTrack | null; video: MediaStreamTrack | null; stream: MediaStream | null };
  send: (signal: Signal) => void;
  onChange: () => void;
  /** The connection failed and an ICE restart did not bring it back. */
  onFailed: () => void;
};

const RESTART_GRACE_MS = 10_000;

export class PeerLink {
  readonly pc: RTCPeerConnection;
  readonly remoteStream = new MediaStream();
  readonly createdAt = Date.now();
  remoteMedia: RemoteMedia = { audio: true, video: true, screen: false };
  quality: Quality = 'unknown';
  rttMs: number | null = null;
  loss = 0;
  private makingOffer = false;
  private ignoreOffer = false;
  private settingRemoteAnswer = false;
  private queue: Promise<void> = Promise.resolve();
  private lastSample: QualitySample | null = null;
  private failTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly senders: { audio: RTCRtpSender; video: RTCRtpSender };

  constructor(private readonly opts: PeerLinkOptions) {
    this.pc = new RTCPeerConnection({ iceServers: opts.iceServers });
    const local = opts.localTracks();
    // A transceiver per kind even without a local track, so that we always receive the peer's media.
    const add = (kind: 'audio' | 'video', track: MediaStreamTrack | null) =>
      track && local.stream ? this.pc.addTrack(track, local.stream) : this.pc.addTransceiver(kind, { direction: 'sendrecv' }).sender;
    this.senders = { audio: add('audio', local.audio), video: add('video', local.video) };

    this.pc.ontrack = ({ track }) => {
      for (const old of this.remoteStream.getTracks()) if (old.kind === track.kind && old !== track) this.remoteStream.removeTrack(old);
      this.remoteStream.addTrack(track);
      opts.onChange();
    };
    this.pc.onnegotiationneeded = async () => {
      try {
        this.makingOffer = true;
        await this.pc.setLocalDescription();
        this.sendDescription();
      } catch (err) {
        console.warn('video: offer failed', err);
      } finally {
        this.makingOffer = false;
      }
    };
    this.pc.onicecandidate = ({ candidate }) => {
      if (!candidate) return;
      const { candidate: c, sdpMid, sdpMLineIndex, usernameFragment } = candidate.toJSON();
      if (c) opts.send({ kind: 'candidate', candidate: { candidate: c, sdpMid: sdpMid ?? null, sdpMLineIndex: sdpMLineIndex ?? null, usernameFragment: usernameFragment ?? null } });
    };
    this.pc.onconnectionstatechange = () => this.watchState();
  }

  get participantId() {
    return this.opts.participantId;
  }
  get connectionId() {
    return this.opts.connectionId;
  }
  get state(): RTCPeerConnectionState {
    return this.pc.connectionState;
  }

  /** Signals are handled one at a time, in the order they came. */
  receive(signal: Signal) {
    this.queue = this.queue.then(() => this.handle(signal)).catch((err) => console.warn('video: signal failed', err));
  }

  /** Sends another video track (screen or camera) without renegotiating. */
  async replaceVideo(track: MediaStreamTrack | null) {
    await this.senders.video.replaceTrack(track);
  }
  async replaceAudio(track: MediaStreamTrack | null) {
    await this.senders.audio.replaceTrack(track);
  }

  async sampleQuality(): Promise<QualitySample> {
    const report = await this.pc.getStats();
    const sample = sampleOf(report.values() as Iterable<{ type: string }>);
    this.loss = lossBetween(this.lastSample, sample);
    this.rttMs = sample.rttMs;
    this.quality = this.state === 'connected' ? qualityOf(sample.rttMs, this.loss) : 'unknown';
    this.lastSample = sample;
    return sample;
  }

  close() {
    this.closed = true;
    if (this.failTimer) clearTimeout(this.failTimer);
    this.pc.ontrack = this.pc.onnegotiationneeded = this.pc.onicecandidate = this.pc.onconnectionstatechange = null;
    this.pc.close();
    for (const t of this.remoteStream.getTracks()) this.remoteStream.removeTrack(t);
  }

  private sendDescription() {
    const d = this.pc.localDescription;
    if (d) this.opts.send({ kind: 'description', description: { type: d.type, sdp: d.sdp } });
  }

  private async handle(signal: Signal) {
    if (this.closed) return;
    if (signal.kind === 'media') {
      this.remoteMedia = { audio: signal.audio, video: signal.video, screen: signal.screen };
      this.opts.onChange();
      return;
    }
    if (signal.kind === 'candidate') {
      if (!signal.candidate) return;
      try {
        await this.pc.addIceCandidate(signal.candidate);
      } catch (err) {
        if (!this.ignoreOffer) throw err;
      }
      return;
    }
    const { description } = signal;
    const readyForOffer = !this.makingOffer && (this.pc.signalingState === 'stable' || this.settingRemoteAnswer);
    const collision = description.type === 'offer' && !readyForOffer;
    this.ignoreOffer = !this.opts.polite && collision;
    if (this.ignoreOffer) return;
    this.settingRemoteAnswer = description.type === 'answer';
    await this.pc.setRemoteDescription(description as RTCSessionDescriptionInit);
    this.settingRemoteAnswer = false;
    if (description.type === 'offer') {
      await this.pc.setLocalDescription();
      this.sendDescription();
    }
  }

  private watchState() {
    const state = this.pc.connectionState;
    this.opts.onChange();
    if (state === 'connected') {
      if (this.failTimer) clearTimeout(this.failTimer);
      this.failTimer = null;
      return;
    }
    if ((state === 'failed' || state === 'disconnected') && !this.failTimer) {
      if (state === 'failed') this.pc.restartIce();
      this.failTimer = setTimeout(() => {
        this.failTimer = null;
        if (!this.closed && this.pc.connectionState !== 'connected') this.opts.onFailed();
      }, RESTART_GRACE_MS);
    }
  }
}
