// A process that starts a ledger batch and stops inside its transaction, to be killed there (-9) by
// sequencer.kill.test.ts. Reads LEDGER_TEST_DATABASE_URL and LEDGER_TEST_MASTER_KEY.
import { pino } from 'pino';
import { systemClock } from '../../clock/index.ts';
import { createKeyring } from '../../crypto/index.ts';
import { openDatabase } from '../../db/database.ts';
import { createLedger } from '../ledger.ts';
import { ledgerConfig } from './config.ts';

const database = openDatabase(process.env.LEDGER_TEST_DATABASE_URL!, 2);
const ledger = createLedger({
  pool: database.pool,
  keyring: createKeyring(Buffer.from(process.env.LEDGER_TEST_MASTER_KEY!, 'base64')),
  clock: systemClock,
  log: pino({ level: 'silent' }),
  config: ledgerConfig({ batchMax: 1000 }),
  beforeCommit: async (size) => {
    process.stdout.write(`IN_BATCH ${size}\n`);
    await new Promise(() => {}); // wait here until killed
  },
});
// The entries may be held for a while: another transaction anywhere in the cluster (CI shares one
// PostgreSQL among many test databases) keeps them invisible until it ends. Keep trying until the
// batch starts, where beforeCommit stops this process for good.
for (;;) {
  const outcome = await ledger.sequenceOnce();
  process.stdout.write(`OUTCOME ${outcome.outcome}\n`);
  await new Promise((r) => setTimeout(r, 25));
}
