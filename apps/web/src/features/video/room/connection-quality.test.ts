import { describe, expect, it } from 'vitest';
import { lossBetween, qualityOf, sampleOf } from './connection-quality.ts';

describe('connection quality', () => {
  it('reads the selected pair RTT and sums inbound RTP counters', () => {
    const sample = sampleOf([
      { type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.042 },
      { type: 'candidate-pair', nominated: false, state: 'waiting', currentRoundTripTime: 0.9 },
      { type: 'inbound-rtp', kind: 'video', packetsLost: 3, packetsReceived: 97, framesDecoded: 60 },
      { type: 'inbound-rtp', kind: 'audio', packetsLost: 0, packetsReceived: 100 },
      { type: 'outbound-rtp', packetsSent: 500 },
    ]);
    expect(sample).toEqual({ rttMs: 42, packetsLost: 3, packetsReceived: 197, framesDecoded: 60 });
  });

  it('computes loss over the interval between samples', () => {
    const a = { rttMs: 40, packetsLost: 10, packetsReceived: 990, framesDecoded: 0 };
    const b = { rttMs: 40, packetsLost: 20, packetsReceived: 1080, framesDecoded: 0 };
    expect(lossBetween(a, b)).toBeCloseTo(0.1);
    expect(lossBetween(b, b)).toBe(0);
  });

  it('grades the link', () => {
    expect(qualityOf(null, 0)).toBe('unknown');
    expect(qualityOf(40, 0.001)).toBe('good');
    expect(qualityOf(200, 0)).toBe('fair');
    expect(qualityOf(40, 0.05)).toBe('fair');
    expect(qualityOf(500, 0)).toBe('poor');
    expect(qualityOf(40, 0.2)).toBe('poor');
  });
});
