import { concatBytes, fromBase64, fromUtf8, isWellFormedUnicode, readUint32BE, toBase64, uint32BE } from './bytes.ts';
import { LedgerError } from './errors.ts';
import { isValidKeyName } from './note-keys.ts';

/**
 * The syntax of C2SP signed notes (https://c2sp.org/signed-note): a text ending in a newline,
 * a blank line, then lines "— <key name> base64(key ID || signature)". Signatures are not
 * checked here; see note-sign.ts.
 *
 * Because the text ends in a newline and signature lines are never blank, the last blank line
 * of a message is always the separator, so texts may contain blank lines without ambiguity.
 */

export type NoteSignature = {
  readonly name: string;
  readonly keyId: number;
  /** The signature bytes after the 4-byte key ID. */
  readonly signature: Uint8Array;
};

export type SignedNote = { readonly text: string; readonly signatures: readonly NoteSignature[] };

/** Go's implementation accepts up to 100; the spec asks for at least 16. */
export const MAX_NOTE_SIGNATURES = 100;

const SIGNATURE_PREFIX = '\u2014 ';
// ASCII control characters other than newline are forbidden anywhere in a note.
const FORBIDDEN_CONTROL = /[\u0000-\u0009\u000b-\u001f]/;

const malformed = (why: string): never => {
  throw new LedgerError('NOTE_MALFORMED', `malformed note: ${why}`);
};

function assertNoteCharacters(text: string): void {
  if (!isWellFormedUnicode(text)) malformed('not valid Unicode');
  if (FORBIDDEN_CONTROL.test(text)) malformed('contains a control character other than newline');
}

/** Throws NOTE_MALFORMED unless `text` can be signed: valid UTF-8, ends in newline, no control characters. */
export function assertNoteText(text: string): void {
  if (typeof text !== 'string' || !text.endsWith('\n')) malformed('text must end with a newline');
  assertNoteCharacters(text);
}

function formatSignatureLine(sig: NoteSignature): string {
  if (!isValidKeyName(sig.name)) malformed(`invalid key name "${sig.name}"`);
  if (!Number.isInteger(sig.keyId) || sig.keyId < 0 || sig.keyId > 0xffffffff) malformed('key ID must be a uint32');
  if (sig.signature.length === 0) malformed('empty signature');
  return `${SIGNATURE_PREFIX}${sig.name} ${toBase64(concatBytes(uint32BE(sig.keyId), sig.signature))}\n`;
}

export function formatSignedNote(note: SignedNote): string {
  assertNoteText(note.text);
  if (note.signatures.length === 0) malformed('a signed note needs at least one signature');
  if (note.signatures.length > MAX_NOTE_SIGNATURES) malformed('too many signatures');
  return `${note.text}\n${note.signatures.map(formatSignatureLine).join('')}`;
}

function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(SIGNATURE_PREFIX)) malformed('signature lines start with an em dash and a space');
  const body = line.slice(SIGNATURE_PREFIX.length);
  const space = body.indexOf(' ');
  const name = space < 0 ? body : body.slice(0, space);
  const b64 = space < 0 ? '' : body.slice(space + 1);
  if (!isValidKeyName(name)) malformed(`invalid key name "${name}"`);
  let raw: Uint8Array = new Uint8Array(0);
  try {
    raw = fromBase64(b64);
  } catch {
    malformed('signature is not valid base64');
  }
  if (raw.length < 5) malformed('signature is too short');
  return { name, keyId: readUint32BE(raw, 0), signature: raw.slice(4) };
}

/** Parses a signed note (string, or bytes that must be valid UTF-8) without checking signatures. */
export function parseSignedNote(message: string | Uint8Array): SignedNote {
  let text: string;
  if (typeof message === 'string') {
    text = message;
  } else {
    try {
      text = fromUtf8(message);
    } catch {
      return malformed('not valid UTF-8');
    }
  }
  assertNoteCharacters(text);
  const split = text.lastIndexOf('\n\n');
  if (split < 0) malformed('no blank line before the signatures');
  const block = text.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) malformed('signature block must end with a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) malformed('too many signatures');
  return { text: text.slice(0, split + 1), signatures: lines.map(parseSignatureLine) };
}
