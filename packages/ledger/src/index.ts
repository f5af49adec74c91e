/**
 * @opencourt/ledger: the maths of the evidence ledger, with no server dependencies, for Node
 * and browsers. RFC 6962 / RFC 9162 Merkle trees and proofs (SHA-256 or SM3), C2SP signed notes,
 * tlog checkpoints and cosignatures, and offline-verifiable receipts.
 */
export * from './errors.ts';
export { bytesEqual, fromBase64, fromHex, toBase64, toHex, utf8 } from './bytes.ts';
export * from './hash-suite.ts';
export { sm3 } from './sm3.ts';
export * from './rfc6962.ts';
export * from './tree-layout.ts';
export { foldRight, hashFromNodes, rootFromReader, treeRoot } from './tree-hash.ts';
export * from './compact-range.ts';
export * from './proof-generate.ts';
export * from './proof-verify.ts';
export * from './note-keys.ts';
export * from './signed-note.ts';
export * from './note-sign.ts';
export * from './cosignature.ts';
export * from './checkpoint.ts';
export * from './witnessed-checkpoint.ts';
export * from './receipt.ts';
