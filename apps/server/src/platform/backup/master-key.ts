import fs from 'node:fs';
import path from 'node:path';
import { loadMasterKey } from '../crypto/index.ts';

/**
 * The master key the data was written with: MASTER_KEY, or DATA_DIR/master.key. Unlike a first start,
 * a backup or restore never generates one: a new key could not read the files.
 */
export function loadExistingMasterKey(opts: { masterKey?: string; dataDir: string }): Buffer {
  if (!opts.masterKey && !fs.existsSync(path.join(opts.dataDir, 'master.key'))) {
    throw new Error(
      `找不到主密钥：请设置 MASTER_KEY，或把原来的 master.key 放到 ${opts.dataDir} / no master key: set MASTER_KEY or put the original master.key in DATA_DIR`,
    );
  }
  return loadMasterKey(opts);
}
