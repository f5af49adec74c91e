// The realtime client against a scripted socket: rooms are subscribed once however many listen, and
// subscribed again after a reconnect; events reach the listeners of their room only.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { realtimeUrl, reconnectDelay, RealtimeClient } from './realtime-client.ts';

class ScriptedSocket {
  static OPEN = 1;
  static all: ScriptedSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    ScriptedSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
  /** The server accepts the socket and says it is ready. */
  open() {
    this.readyState = ScriptedSocket.OPEN;
    this.receive({ type: 'ready', userId: 'u1' });
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

const roomEvent = (roomId: string) => ({ type: 'video.room', roomId, change: 'joined', participantId: null });

describe('RealtimeClient', () => {
  beforeEach(() => {
    ScriptedSocket.all = [];
    vi.stubGlobal('WebSocket', ScriptedSocket);
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('subscribes a room once for many listeners and delivers its events to them only', () => {
    const client = new RealtimeClient(() => 'ws://test/api/v1/realtime');
    const a: unknown[] = [];
    const b: unknown[] = [];
    const other: unknown[] = [];
    const stopA = client.subscribe('video:r1', (e) => a.push(e));
    client.subscribe('video:r1', (e) => b.push(e));
    client.subscribe('video:r2', (e) => other.push(e));
    const socket = ScriptedSocket.all[0]!;
    socket.open();
    expect(socket.sent).toEqual([
      { type: 'subscribe', room: 'video:r1' },
      { type: 'subscribe', room: 'video:r2' },
    ]);
    socket.receive({ type: 'event', room: 'video:r1', event: roomEvent('r1') });
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(other).toHaveLength(0);
    stopA();
    expect(socket.sent).toHaveLength(2); // b still listens
    expect(client.send('video:r1', { hello: 1 })).toBe(true);
    expect(socket.sent.at(-1)).toEqual({ type: 'send', room: 'video:r1', body: { hello: 1 } });
  });

  it('reconnects after a drop with a growing delay and subscribes its rooms again', () => {
    const client = new RealtimeClient(() => 'ws://test/api/v1/realtime');
    const statuses: string[] = [];
    client.onStatus((s) => statuses.push(s));
    client.subscribe('video:r1', () => undefined);
    ScriptedSocket.all[0]!.open();
    ScriptedSocket.all[0]!.close();
    expect(client.send('video:r1', {})).toBe(false);
    vi.advanceTimersByTime(reconnectDelay(0));
    const second = ScriptedSocket.all[1]!;
    expect(second).toBeDefined();
    second.open();
    expect(second.sent).toEqual([{ type: 'subscribe', room: 'video:r1' }]);
    expect(statuses).toEqual(['connecting', 'open', 'closed', 'connecting', 'open']);
  });

  it('stops reconnecting when nobody listens any more', () => {
    const client = new RealtimeClient(() => 'ws://test/api/v1/realtime');
    const stop = client.subscribe('video:r1', () => undefined);
    ScriptedSocket.all[0]!.open();
    stop();
    ScriptedSocket.all[0]!.close();
    vi.advanceTimersByTime(60_000);
    expect(ScriptedSocket.all).toHaveLength(1);
  });

  it('derives the socket URL and bounds the delay', () => {
    expect(realtimeUrl({ protocol: 'https:', host: 'court.example' })).toBe('wss://court.example/api/v1/realtime');
    expect(realtimeUrl({ protocol: 'http:', host: '127.0.0.1:8080' })).toBe('ws://127.0.0.1:8080/api/v1/realtime');
    expect(reconnectDelay(0)).toBe(500);
    expect(reconnectDelay(20)).toBe(10_000);
  });
});
