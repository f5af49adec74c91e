// The body of a C2SP tlog-witness add-checkpoint request (https://c2sp.org/tlog-witness):
//   old <size>\n  <base64 proof hash>\n ...  \n  <signed checkpoint note>
// shared by the witness that parses it and the log that sends it.
import { fromBase64, toBase64 } from '@opencourt/ledger';

export const ADD_CHECKPOINT_PATH = '/add-checkpoint';
/** The spec's limit on consistency proof lines. */
export const MAX_PROOF_LINES = 63;
export const TLOG_SIZE_CONTENT_TYPE = 'text/x.tlog.size';

export type AddCheckpointRequest = { oldSize: number; proof: Uint8Array[]; note: string };

export class WitnessRequestError extends Error {
  override name = 'WitnessRequestError';
}

export function formatAddCheckpoint(request: AddCheckpointRequest): string {
  const proof = request.proof.map((hash) => `${toBase64(hash)}\n`).join('');
  return `old ${request.oldSize}\n${proof}\n${request.note}`;
}

export function parseAddCheckpoint(body: string): AddCheckpointRequest {
  const bad = (why: string): never => {
    throw new WitnessRequestError(why);
  };
  const blank = body.indexOf('\n\n');
  if (blank < 0) bad('the old size and proof must be followed by an empty line');
  const lines = body.slice(0, blank).split('\n');
  const sizeMatch = /^old (0|[1-9][0-9]*)$/.exec(lines[0]!);
  if (!sizeMatch) bad('the first line must be "old <size>" in decimal without leading zeros');
  const oldSize = Number(sizeMatch![1]);
  if (!Number.isSafeInteger(oldSize)) bad('the old size is too large');
  const proofLines = lines.slice(1);
  if (proofLines.length > MAX_PROOF_LINES) bad(`at most ${MAX_PROOF_LINES} consistency proof lines`);
  const proof = proofLines.map((line, i) => {
    try {
      return fromBase64(line);
    } catch {
      return bad(`proof line ${i + 1} is not base64`);
    }
  });
  return { oldSize, proof, note: body.slice(blank + 2) };
}

/** The size a witness reports in a 409 answer: one decimal line. */
export function parseTlogSize(body: string): number | undefined {
  const m = /^(0|[1-9][0-9]*)\n?$/.exec(body);
  const n = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(n) ? n : undefined;
}
