// The log's side of c2sp.org/tlog-witness: send a checkpoint with a consistency proof to one witness
// and read its answer. A cosignature is accepted only if it verifies with the witness's key.
import { createNoteVerifier, decodeTimestampedSignature, formatSignedNote, openNote, parseSignedNote, type NoteSignature } from '@opencourt/ledger';
import { ADD_CHECKPOINT_PATH, formatAddCheckpoint, parseTlogSize, TLOG_SIZE_CONTENT_TYPE } from './witness/protocol.ts';

export type ConfiguredWitness = { name: string; url: string; verifierKey: string };

export type WitnessAnswer =
  | { kind: 'cosigned'; signature: NoteSignature; line: string; timestamp: number }
  /** 409: the witness last cosigned `size` (not the old size we sent), or holds another tree of that size. */
  | { kind: 'conflict'; size: number }
  | { kind: 'refused'; status: number; message: string };

const REQUEST_TIMEOUT_MS = 10_000;

/** The one signature line of a signed note, as text. */
export const signatureLine = (text: string, signature: NoteSignature): string => formatSignedNote({ text, signatures: [signature] }).slice(text.length + 1);

export async function submitCheckpoint(
  witness: ConfiguredWitness,
  request: { oldSize: number; proof: Uint8Array[]; note: string },
  fetchImpl: typeof fetch = fetch,
): Promise<WitnessAnswer> {
  const url = new URL(ADD_CHECKPOINT_PATH.slice(1), witness.url.endsWith('/') ? witness.url : `${witness.url}/`);
  const res = await fetchImpl(url, {
    method: 'POST',
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: formatAddCheckpoint(request),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = await res.text();
  if (res.status === 409 && (res.headers.get('content-type') ?? '').startsWith(TLOG_SIZE_CONTENT_TYPE)) {
    const size = parseTlogSize(body);
    if (size !== undefined) return { kind: 'conflict', size };
  }
  if (res.status !== 200) return { kind: 'refused', status: res.status, message: body.trim().slice(0, 500) };

  // The answer is signature lines for the checkpoint text: check ours among them.
  const text = parseSignedNote(request.note).text;
  const verifier = createNoteVerifier(witness.verifierKey);
  let opened;
  try {
    opened = openNote(`${text}\n${body}`, [verifier]);
  } catch (err) {
    return { kind: 'refused', status: 502, message: `the witness's answer holds no valid cosignature by its key: ${(err as Error).message}` };
  }
  const signature = opened.verified[0]!;
  return { kind: 'cosigned', signature, line: signatureLine(text, signature), timestamp: decodeTimestampedSignature(signature.signature).timestamp };
}
