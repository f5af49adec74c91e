// The one realtime WebSocket of the page (GET /api/v1/realtime, protocol in packages/contracts
// realtime.ts). Rooms are subscribed by reference count and subscribed again after every reconnect;
// the socket reconnects with a growing delay while anyone listens.
import type { TRealtimeClientMessage, TRealtimeEvent, TRealtimeServerMessage } from '@opencourt/contracts';

export type RealtimeStatus = 'connecting' | 'open' | 'closed';
type EventListener = (event: TRealtimeEvent) => void;
type StatusListener = (status: RealtimeStatus) => void;
/** A server error about a room (refused subscription, refused send). */
type ErrorListener = (error: Extract<TRealtimeServerMessage, { type: 'error' }>) => void;

const MAX_DELAY_MS = 10_000;

export function realtimeUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/realtime`;
}

/** Delay before reconnect attempt `n` (0-based): 0.5 s doubling to 10 s. */
export const reconnectDelay = (attempt: number) => Math.min(MAX_DELAY_MS, 500 * 2 ** attempt);

export class RealtimeClient {
  private socket: WebSocket | null = null;
  private readonly rooms = new Map<string, Set<EventListener>>();
  private readonly subscribed = new Set<string>();
  private readonly statusListeners = new Set<StatusListener>();
  private readonly errorListeners = new Set<ErrorListener>();
  private readonly subscribedListeners = new Set<(room: string) => void>();
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  status: RealtimeStatus = 'closed';

  constructor(private readonly url: () => string) {}

  /** Listen to a room's events; the returned function stops listening (and unsubscribes when last). */
  subscribe(room: string, listener: EventListener): () => void {
    let listeners = this.rooms.get(room);
    if (!listeners) {
      this.rooms.set(room, (listeners = new Set()));
      this.write({ type: 'subscribe', room });
    }
    listeners.add(listener);
    this.ensureOpen();
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0 || this.rooms.get(room) !== listeners) return;
      this.rooms.delete(room);
      this.subscribed.delete(room);
      this.write({ type: 'unsubscribe', room });
    };
  }

  isSubscribed = (room: string) => this.subscribed.has(room);

  /** A message to a subscribed room (e.g. video signaling); false when the socket is not open. */
  send(room: string, body: unknown): boolean {
    return this.write({ type: 'send', room, body });
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onError(listener: ErrorListener): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Called each time the server confirms a subscription (also after a reconnect). */
  onSubscribed(listener: (room: string) => void): () => void {
    this.subscribedListeners.add(listener);
    return () => this.subscribedListeners.delete(listener);
  }

  /** Drops the socket now (tests, sign-out); it reconnects if rooms are still wanted. */
  reconnect() {
    this.socket?.close();
  }

  private write(message: TRealtimeClientMessage): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  private setStatus(status: RealtimeStatus) {
    this.status = status;
    for (const l of this.statusListeners) l(status);
  }

  private ensureOpen() {
    if (this.socket || this.timer) return;
    const socket = new WebSocket(this.url());
    this.socket = socket;
    this.setStatus('connecting');
    socket.onmessage = (e) => this.receive(e.data);
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.subscribed.clear();
      this.setStatus('closed');
      if (this.rooms.size === 0) return;
      this.timer = setTimeout(() => {
        this.timer = null;
        this.ensureOpen();
      }, reconnectDelay(this.attempt++));
    };
  }

  private receive(data: unknown) {
    if (typeof data !== 'string') return;
    let msg: TRealtimeServerMessage;
    try {
      msg = JSON.parse(data) as TRealtimeServerMessage;
    } catch {
      return;
    }
    switch (msg.type) {
      case 'ready':
        this.attempt = 0;
        for (const room of this.rooms.keys()) this.write({ type: 'subscribe', room });
        this.setStatus('open');
        return;
      case 'subscribed':
        this.subscribed.add(msg.room);
        for (const l of this.subscribedListeners) l(msg.room);
        return;
      case 'error':
        for (const l of this.errorListeners) l(msg);
        return;
      case 'event':
        for (const l of [...(this.rooms.get(msg.room) ?? [])]) l(msg.event);
        return;
      default:
        return;
    }
  }
}

let shared: RealtimeClient | null = null;

/** The page's realtime client, created on first use. */
export function realtime(): RealtimeClient {
  shared ??= new RealtimeClient(() => realtimeUrl(window.location));
  return shared;
}
