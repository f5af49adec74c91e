// The notification wire format: batches and parts must come back as the envelopes that went in.
import { describe, expect, it } from 'vitest';
import { createAssembler, encodeEnvelope, MAX_REALTIME_PAYLOAD_BYTES, packPayloads, RealtimePayloadTooLargeError, splitPayload, type Envelope } from './bus.ts';

const envelope = (i: number, text = `第${i}条`): Envelope => ({
  room: `user:u${i}`,
  event: { type: 'notification.created', notification: { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, kind: 'x', title: text, link: null, createdAt: '2026-11-25T08:00:00.000Z' }, unreadCount: i },
});

const roundTrip = (envelopes: Envelope[]) => {
  const notifications = packPayloads(envelopes.map((e) => encodeEnvelope(e)));
  for (const n of notifications) expect(Buffer.byteLength(n)).toBeLessThan(MAX_REALTIME_PAYLOAD_BYTES + 1);
  const assembler = createAssembler();
  return { notifications, out: notifications.flatMap((n) => assembler.accept(n)), assembler };
};

describe('realtime wire format', () => {
  it('packs many small envelopes into few notifications, in order', () => {
    const input = Array.from({ length: 200 }, (_, i) => envelope(i));
    const { notifications, out } = roundTrip(input);
    expect(notifications.length).toBeLessThan(10);
    expect(out).toEqual(input);
  });

  it('sends a lone envelope as it is', () => {
    const { notifications, out } = roundTrip([envelope(1)]);
    expect(notifications[0]!.startsWith('{')).toBe(true);
    expect(out).toEqual([envelope(1)]);
  });

  it('splits an envelope too large for one notification and reassembles it, with multi-byte text and emoji', () => {
    const big = envelope(2, '调解'.repeat(3000) + '😀'.repeat(2000) + 'a"\\\n'.repeat(500));
    const { notifications, out, assembler } = roundTrip([envelope(1), big, envelope(3)]);
    expect(notifications.filter((n) => n.startsWith('~')).length).toBeGreaterThan(2);
    expect(out).toEqual([envelope(1), big, envelope(3)]);
    expect(assembler.pending()).toBe(0);
  });

  it('never cuts a surrogate pair', () => {
    const text = 'a' + '😀'.repeat(10_000);
    for (const part of splitPayload(text)) {
      const body = part.replace(/^~[0-9a-f]+:\d+:\d+:/, '');
      expect(Buffer.from(body, 'utf8').toString('utf8')).toBe(body);
      expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(body)).toBe(false);
    }
  });

  it('drops parts whose rest never came, after a while', () => {
    let now = 0;
    const assembler = createAssembler({ maxPendingMs: 1000, now: () => now });
    const parts = splitPayload(encodeEnvelope(envelope(1, '长'.repeat(5000))));
    expect(assembler.accept(parts[0]!)).toEqual([]);
    now = 5000;
    expect(assembler.accept(splitPayload(encodeEnvelope(envelope(2, '长'.repeat(5000))))[0]!)).toEqual([]);
    expect(assembler.pending()).toBe(1);
  });

  it('refuses an event beyond the realtime limit', () => {
    expect(() => encodeEnvelope(envelope(1, '长'.repeat(100_000)))).toThrow(RealtimePayloadTooLargeError);
  });
});
