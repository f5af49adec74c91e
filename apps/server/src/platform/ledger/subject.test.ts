import { createHash } from 'node:crypto';
import { hashLeaf, SHA256, SM3, utf8 } from '@opencourt/ledger';
import { describe, expect, it } from 'vitest';
import { leafHashOf, serverHashSuite } from './hash.ts';
import { entriesOf } from './ledger.consumer.ts';
import { canonicalJson, eventSubject, eventSubjectDigest, fileEntry } from './subject.ts';

const event = {
  id: 42,
  txId: '1000',
  type: 'file.stored',
  aggregateType: 'file',
  aggregateId: 'f1b2c3d4-0000-4000-8000-000000000001',
  actorId: '00000000-0000-4000-8000-000000000002',
  payload: { sha256: 'ab'.repeat(32), size: 12, mediaType: 'application/pdf', fileId: 'f1b2c3d4-0000-4000-8000-000000000001' },
  occurredAt: new Date('2026-11-25T08:00:00.123Z'),
};

describe('subject digests', () => {
  it('writes canonical JSON: keys sorted at every level, undefined dropped', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true }, u: undefined })).toBe('{"a":{"c":true,"d":[1,"x",null]},"b":1}');
    expect(canonicalJson({ 中: '文', a: 'é' })).toBe('{"a":"é","中":"文"}');
  });

  it("hashes an event's ids, times and payload hash, never the payload itself", () => {
    const subject = eventSubject(event);
    expect(subject).toEqual({
      eventId: '42',
      type: 'file.stored',
      aggregateType: 'file',
      aggregateId: event.aggregateId,
      occurredAt: '2026-11-25T08:00:00.123Z',
      payloadSha256: createHash('sha256').update(canonicalJson(event.payload)).digest('hex'),
    });
    expect(JSON.stringify(subject)).not.toContain('application/pdf');
    const expected = createHash('sha256')
      .update(`{"aggregateId":"${event.aggregateId}","aggregateType":"file","eventId":"42","occurredAt":"2026-11-25T08:00:00.123Z","payloadSha256":"${subject.payloadSha256}","type":"file.stored"}`)
      .digest();
    expect(eventSubjectDigest(event).equals(expected)).toBe(true);
    // The payload's key order does not matter; its content does.
    expect(eventSubjectDigest({ ...event, payload: Object.fromEntries(Object.entries(event.payload).reverse()) }).equals(expected)).toBe(true);
    expect(eventSubjectDigest({ ...event, payload: { ...event.payload, size: 13 } }).equals(expected)).toBe(false);
  });

  it("queues a stored file's content hash as well as its event", () => {
    expect(entriesOf(event).map((e) => [e.kind, e.ref])).toEqual([['event', '42'], ['file', 'ab'.repeat(32)]]);
    expect(entriesOf({ ...event, type: 'matter.created', payload: {} }).map((e) => e.kind)).toEqual(['event']);
    expect(entriesOf({ ...event, payload: { sha256: 'not-a-hash' } }).map((e) => e.kind)).toEqual(['event']);
    expect(() => fileEntry('AB'.repeat(32))).toThrow();
  });

  it('hashes natively exactly as the library does, for SHA-256 and SM3', () => {
    for (const [name, suite] of [['sha256', SHA256], ['sm3', SM3]] as const) {
      const native = serverHashSuite(name);
      for (const data of [new Uint8Array(0), utf8('abc'), new Uint8Array(1000).fill(7)]) expect(new Uint8Array(native.hash(data))).toEqual(suite.hash(data));
      const digest = new Uint8Array(32).fill(9);
      expect(new Uint8Array(leafHashOf(native, digest))).toEqual(hashLeaf(suite, digest));
    }
  });
});
