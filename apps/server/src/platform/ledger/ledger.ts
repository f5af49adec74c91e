// The ledger of one process: the log opened (or created) from the database, its sequencer and witness
// publisher run as one background loop, the outbox consumer that feeds it, and the service the
// routes and other modules use.
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import type { Clock } from '../clock/index.ts';
import type { Keyring } from '../crypto/index.ts';
import type { BackoffPolicy } from '../jobs/index.ts';
import { createLedgerConsumer } from './ledger.consumer.ts';
import { createLedgerService } from './ledger.service.ts';
import { openLog, type LedgerSettings, type OpenLog } from './log-setup.ts';
import { createPublisher, type Publisher, type PublisherOutcome } from './publisher.ts';
import { createSequencer, type Sequencer, type SequencerOutcome } from './sequencer.ts';
import type { ConfiguredWitness } from './witness-client.ts';

export type LedgerConfig = LedgerSettings & {
  courtName: string;
  witnesses: ConfiguredWitness[];
  /** Most entries in one batch. */
  batchMax: number;
  /** Pause between batches when the queue is empty. */
  intervalMs: number;
};

export type LedgerDeps = {
  pool: pg.Pool;
  keyring: Keyring;
  clock: Clock;
  log: FastifyBaseLogger;
  config: LedgerConfig;
  /** Tests: die inside a batch transaction, or retry witnesses sooner. */
  beforeCommit?: (size: number) => Promise<void>;
  witnessBackoff?: BackoffPolicy;
  fetch?: typeof fetch;
};

export function createLedger(deps: LedgerDeps) {
  const { pool, config, log } = deps;
  let opened: Promise<{ log: OpenLog; sequencer: Sequencer; publisher: Publisher }> | undefined;
  const open = () =>
    (opened ??= openLog({ pool, keyring: deps.keyring, clock: deps.clock, settings: config }).then((openLogged) => ({
      log: openLogged,
      sequencer: createSequencer({
        pool,
        log: openLogged,
        clock: deps.clock,
        logger: log,
        batchMax: config.batchMax,
        publishAtOnce: config.quorum === 0,
        beforeCommit: deps.beforeCommit,
      }),
      publisher: createPublisher({
        pool,
        log: openLogged,
        clock: deps.clock,
        logger: log,
        witnesses: config.witnesses,
        quorum: config.quorum,
        backoff: deps.witnessBackoff,
        fetch: deps.fetch,
      }),
    }))).catch((err: unknown) => {
      opened = undefined; // let a later call try again (e.g. the database was down)
      throw err;
    });

  const service = createLedgerService({
    pool,
    identity: async () => (await open()).log,
    courtName: config.courtName,
    witnesses: config.witnesses,
    quorum: config.quorum,
  });

  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  /** Sequences what is queued, then asks the witnesses; returns whether to go again at once. */
  async function step(): Promise<boolean> {
    const { sequencer, publisher } = await open();
    let again = false;
    try {
      const sequenced = await sequencer.runOnce();
      again = sequenced.outcome === 'integrated' && sequenced.full;
    } catch (err) {
      log.error({ err }, 'ledger sequencer batch failed; will retry');
    }
    try {
      await publisher.runOnce();
    } catch (err) {
      log.error({ err }, 'ledger witness round failed; will retry');
    }
    return again;
  }

  return {
    service,
    consumer: createLedgerConsumer(),
    /** Opens (on first start, creates) the log: its key, origin and the checkpoint of the empty tree. */
    open: async () => (await open()).log,

    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          let again = false;
          try {
            again = await step();
          } catch (err) {
            log.error({ err }, 'ledger could not run');
          }
          if (running && !again) await sleep(config.intervalMs);
        }
      })();
    },

    async stop() {
      running = false;
      wake?.();
      await loop;
      loop = undefined;
    },

    /** One sequencer batch here (tests and commands). */
    async sequenceOnce(): Promise<SequencerOutcome> {
      return (await open()).sequencer.runOnce();
    },

    /** One witness round here (tests and commands). */
    async publishOnce(): Promise<PublisherOutcome> {
      return (await open()).publisher.runOnce();
    },

    /** Sequences until nothing visible is left, then runs one witness round; returns the last outcomes. */
    async runOnce(): Promise<{ sequenced: SequencerOutcome; published: PublisherOutcome }> {
      const { sequencer, publisher } = await open();
      let sequenced: SequencerOutcome;
      do sequenced = await sequencer.runOnce();
      while (sequenced.outcome === 'integrated' && sequenced.full);
      return { sequenced, published: await publisher.runOnce() };
    },
  };
}

export type Ledger = ReturnType<typeof createLedger>;
