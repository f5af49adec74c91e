// A witness's data directory: its key (generated on first start, mode 0600), the logs it follows,
// and one small JSON file per log with the checkpoint it last cosigned, replaced atomically
// (write, fsync, rename) so a crash leaves the old state or the new, never half of one.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fromBase64, generateKeyPair, isValidKeyName, NOTE_KEY_TYPE, parseSignerKey, parseVerifierKey, toBase64 } from '@opencourt/ledger';
import { z } from 'zod';
import type { CosignedState, KnownLog, WitnessStateStore } from './witness.ts';

const KEY_FILE = 'witness.key';
const LOGS_FILE = 'logs.json';

const fileOf = (dir: string, origin: string) => path.join(dir, 'state', `${createHash('sha256').update(origin).digest('hex').slice(0, 32)}.json`);

async function writeAtomically(file: string, content: string, mode = 0o644): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.promises.open(temp, 'wx', mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.promises.rename(temp, file);
  // The rename itself is durable once the directory is synced.
  const dirHandle = await fs.promises.open(path.dirname(file), 'r');
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
}

const ZStateFile = z.object({ origin: z.string(), size: z.number().int().nonnegative(), rootHash: z.string(), note: z.string(), cosignedAt: z.string() });

export function createFileStateStore(dir: string): WitnessStateStore {
  return {
    async get(origin) {
      let raw: string;
      try {
        raw = await fs.promises.readFile(fileOf(dir, origin), 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
      const saved = ZStateFile.parse(JSON.parse(raw));
      if (saved.origin !== origin) throw new Error(`witness state file for ${origin} names ${saved.origin}`);
      return { size: saved.size, rootHash: fromBase64(saved.rootHash), note: saved.note, cosignedAt: saved.cosignedAt };
    },
    async put(origin, state: CosignedState) {
      const saved = { origin, size: state.size, rootHash: toBase64(state.rootHash), note: state.note, cosignedAt: state.cosignedAt };
      await writeAtomically(fileOf(dir, origin), `${JSON.stringify(saved, null, 2)}\n`);
    },
    async keepEvidence(origin, reason, body) {
      const at = new Date().toISOString().replace(/[:.]/g, '-');
      const file = path.join(dir, 'evidence', `${at}-${reason}-${randomBytes(3).toString('hex')}.txt`);
      await writeAtomically(file, `origin: ${origin}\nreason: ${reason}\n\n${body}`);
    },
  };
}

/** The witness's signer key from its data directory, generated there on first start. */
export async function loadOrCreateWitnessKey(dir: string, name?: string): Promise<string> {
  const file = path.join(dir, KEY_FILE);
  if (!fs.existsSync(file)) {
    const keyName = name ?? `opencourt-witness-${randomBytes(4).toString('hex')}`;
    if (!isValidKeyName(keyName)) throw new Error(`invalid witness name "${keyName}": no spaces or "+"`);
    await fs.promises.mkdir(dir, { recursive: true });
    try {
      await fs.promises.writeFile(file, `${generateKeyPair(keyName, NOTE_KEY_TYPE.cosignatureV1).signerKey}\n`, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const signerKey = (await fs.promises.readFile(file, 'utf8')).trim();
  const parsed = parseSignerKey(signerKey);
  if (name !== undefined && parsed.name !== name) {
    throw new Error(`this witness is named ${parsed.name} (its key in ${file}); a witness's name cannot change`);
  }
  return signerKey;
}

const ZKnownLogs = z.array(z.object({ origin: z.string().min(1), verifierKey: z.string().min(1), hashSuite: z.enum(['sha256', 'sm3']) }));

/** The logs the witness follows: those saved in its data directory, updated with any given now. */
export async function loadKnownLogs(dir: string, added: readonly KnownLog[]): Promise<KnownLog[]> {
  const file = path.join(dir, LOGS_FILE);
  const saved = fs.existsSync(file) ? ZKnownLogs.parse(JSON.parse(await fs.promises.readFile(file, 'utf8'))) : [];
  for (const log of added) parseVerifierKey(log.verifierKey); // refuse a malformed key before saving it
  const logs = [...saved.filter((s) => !added.some((a) => a.origin === s.origin)), ...added];
  if (added.length) await writeAtomically(file, `${JSON.stringify(logs, null, 2)}\n`);
  return logs;
}

/** One witness process per data directory: two would each think they hold the latest state. */
export async function lockDataDir(dir: string): Promise<() => void> {
  const file = path.join(dir, 'witness.pid');
  await fs.promises.mkdir(dir, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.promises.writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number((await fs.promises.readFile(file, 'utf8')).trim());
      let alive = false;
      try {
        process.kill(pid, 0);
        alive = pid !== process.pid;
      } catch {
        alive = false;
      }
      if (alive) throw new Error(`another witness (pid ${pid}) is using ${dir}`);
      await fs.promises.rm(file, { force: true }); // left by a process that died
    }
  }
  throw new Error(`cannot lock ${dir}`);
}
