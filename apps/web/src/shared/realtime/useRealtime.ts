import type { TRealtimeEvent } from '@opencourt/contracts';
import { useEffect, useRef, useState } from 'react';
import { realtime, type RealtimeStatus } from './realtime-client.ts';

/** Listens to a room's events while mounted (null: none). The latest `onEvent` is always called. */
export function useRealtimeRoom(room: string | null, onEvent: (event: TRealtimeEvent) => void) {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!room) return;
    return realtime().subscribe(room, (event) => handler.current(event));
  }, [room]);
}

export function useRealtimeStatus(): RealtimeStatus {
  const [status, setStatus] = useState<RealtimeStatus>(() => realtime().status);
  useEffect(() => realtime().onStatus(setStatus), []);
  return status;
}
