// A witness as `opencourt witness` runs it: its data directory locked, its key loaded or generated,
// the logs it follows, and the HTTP server.
import { createFileStateStore, loadKnownLogs, loadOrCreateWitnessKey, lockDataDir } from './file-store.ts';
import { startWitnessServer } from './server.ts';
import { createWitness, type KnownLog } from './witness.ts';

export type StartedWitness = {
  url: string;
  name: string;
  verifierKey: string;
  logs: KnownLog[];
  close(): Promise<void>;
};

export async function startWitness(opts: {
  dir: string;
  port: number;
  host?: string;
  name?: string;
  addLogs?: KnownLog[];
  onError?: (err: unknown) => void;
}): Promise<StartedWitness> {
  const unlock = await lockDataDir(opts.dir);
  try {
    const signerKey = await loadOrCreateWitnessKey(opts.dir, opts.name);
    const logs = await loadKnownLogs(opts.dir, opts.addLogs ?? []);
    const witness = createWitness({ signerKey, logs, store: createFileStateStore(opts.dir) });
    const server = await startWitnessServer(witness, { port: opts.port, host: opts.host, onError: opts.onError });
    return {
      url: server.url,
      name: witness.name,
      verifierKey: witness.verifierKey,
      logs,
      async close() {
        await server.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}
