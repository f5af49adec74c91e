import { utf8 } from '../bytes.ts';
import { formatCheckpoint } from '../checkpoint.ts';
import { EMPTY_COMPACT_RANGE, appendLeaves, compactRangeRoot } from '../compact-range.ts';
import type { HashSuite } from '../hash-suite.ts';
import { NOTE_KEY_TYPE, generateKeyPair } from '../note-keys.ts';
import { addNoteSignatures, createNoteSigner, signNote } from '../note-sign.ts';
import { hashLeaf } from '../rfc6962.ts';
import type { NodeReader } from '../tree-layout.ts';

export const LOG_ORIGIN = 'court.example/evidence-ledger';
export const WITNESS_NAMES = ['witness.one.example', 'witness.two.example', 'witness.three.example'];

/** A small log as a server would run it: stored nodes, a log key and three witnesses' keys. */
export function makeTestLog(suite: HashSuite, entries: readonly string[]) {
  const log = generateKeyPair(LOG_ORIGIN);
  const witnesses = WITNESS_NAMES.map((name) => ({ name, ...generateKeyPair(name, NOTE_KEY_TYPE.cosignatureV1) }));
  const leafData = entries.map(utf8);
  const leafHashes = leafData.map((data) => hashLeaf(suite, data));
  const store = new Map<string, Uint8Array>();
  const { range, nodes } = appendLeaves(suite, EMPTY_COMPACT_RANGE, leafHashes);
  nodes.forEach((node) => store.set(`${node.level}/${node.index}`, node.hash));
  const read: NodeReader = (level, index) => store.get(`${level}/${index}`)!;
  const checkpointText = formatCheckpoint({ origin: LOG_ORIGIN, size: range.size, rootHash: compactRangeRoot(suite, range), extensions: [] }, suite);

  /** The checkpoint signed by the log and cosigned by the first `count` witnesses, a minute apart. */
  const cosigned = (count: number): string =>
    witnesses.slice(0, count).reduce(
      (note, witness, i) =>
        addNoteSignatures(note, [createNoteSigner(witness.signerKey, () => new Date(Date.UTC(2026, 4, 1, 8, i)))]),
      signNote(checkpointText, [createNoteSigner(log.signerKey)]),
    );

  return { log, witnesses, leafData, leafHashes, read, size: range.size, checkpointText, cosigned };
}
