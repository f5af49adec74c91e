import { fromBase64, toBase64 } from './bytes.ts';
import { LedgerError, isLedgerError } from './errors.ts';
import { SHA256, type HashSuite } from './hash-suite.ts';
import { assertNoteText } from './signed-note.ts';

/**
 * The note text of a C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint):
 *   <origin>\n<tree size in decimal>\n<base64 root hash>\n[<extension line>\n]...
 */
export type Checkpoint = {
  readonly origin: string;
  readonly size: number;
  readonly rootHash: Uint8Array;
  readonly extensions: readonly string[];
};

const malformed = (why: string): never => {
  throw new LedgerError('CHECKPOINT_MALFORMED', `malformed checkpoint: ${why}`);
};

function assertNoteRules(text: string): void {
  try {
    assertNoteText(text);
  } catch (error) {
    if (isLedgerError(error, 'NOTE_MALFORMED')) malformed(error.message);
    throw error;
  }
}

export function formatCheckpoint(checkpoint: Checkpoint, suite: HashSuite = SHA256): string {
  const { origin, size, rootHash, extensions } = checkpoint;
  if (!Number.isSafeInteger(size) || size < 0) malformed('tree size must be a non-negative safe integer');
  if (!(rootHash instanceof Uint8Array) || rootHash.length !== suite.size) malformed(`root hash must be ${suite.size} bytes`);
  for (const line of [origin, ...extensions]) {
    if (typeof line !== 'string' || line === '' || line.includes('\n')) malformed('origin and extension lines must be non-empty single lines');
  }
  const text = [origin, String(size), toBase64(rootHash), ...extensions].map((line) => `${line}\n`).join('');
  assertNoteRules(text);
  return text;
}

/** Parses and validates checkpoint text (the note text, without signatures). */
export function parseCheckpoint(text: string, suite: HashSuite = SHA256): Checkpoint {
  assertNoteRules(text);
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) malformed('needs origin, size and root hash lines');
  if (lines.some((line) => line === '')) malformed('lines must be non-empty');
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText)) malformed('tree size must be decimal without leading zeros');
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) malformed('tree size is too large');
  let rootHash: Uint8Array = new Uint8Array(0);
  try {
    rootHash = fromBase64(rootText);
  } catch {
    malformed('root hash is not valid base64');
  }
  if (rootHash.length !== suite.size) malformed(`root hash must be ${suite.size} bytes`);
  return { origin, size, rootHash, extensions };
}
