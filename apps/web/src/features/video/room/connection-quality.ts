// A connection-quality level per peer from RTCPeerConnection.getStats(): round-trip time of the
// selected candidate pair and the share of inbound packets lost since the previous sample.

export type QualitySample = { rttMs: number | null; packetsLost: number; packetsReceived: number; framesDecoded: number };
export type Quality = 'good' | 'fair' | 'poor' | 'unknown';

type Stat = { type: string; [key: string]: unknown };
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Sums what a stats report says about the link (works on the values of an RTCStatsReport). */
export function sampleOf(stats: Iterable<Stat>): QualitySample {
  const sample: QualitySample = { rttMs: null, packetsLost: 0, packetsReceived: 0, framesDecoded: 0 };
  for (const s of stats) {
    if (s.type === 'candidate-pair' && (s.nominated || s.selected) && s.state === 'succeeded' && typeof s.currentRoundTripTime === 'number') {
      sample.rttMs = Math.round(s.currentRoundTripTime * 1000);
    } else if (s.type === 'inbound-rtp') {
      sample.packetsLost += num(s.packetsLost);
      sample.packetsReceived += num(s.packetsReceived);
      sample.framesDecoded += num(s.framesDecoded);
    }
  }
  return sample;
}

/** Lost share of the packets between two samples (0 when nothing was expected). */
export function lossBetween(previous: QualitySample | null, current: QualitySample): number {
  const lost = current.packetsLost - (previous?.packetsLost ?? 0);
  const received = current.packetsReceived - (previous?.packetsReceived ?? 0);
  const expected = lost + received;
  return expected > 0 ? Math.max(0, lost) / expected : 0;
}

/** ITU-style thresholds for conversational video: under 150 ms and 2 % loss is good, past 400 ms or 10 % poor. */
export function qualityOf(rttMs: number | null, loss: number): Quality {
  if (rttMs === null && loss === 0) return 'unknown';
  const rtt = rttMs ?? 0;
  if (rtt > 400 || loss > 0.1) return 'poor';
  if (rtt > 150 || loss > 0.02) return 'fair';
  return 'good';
}
