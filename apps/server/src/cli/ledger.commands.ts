// `opencourt ledger …` (the ledger's maths and checks for administrators) and `opencourt witness`
// (a witness process). They call platform/ledger and print JSON; none holds rules of its own.
import fs from 'node:fs';
import path from 'node:path';
import { EMPTY_COMPACT_RANGE, appendLeaves, compactRangeRoot, getHashSuite, hashLeaf, toHex } from '@opencourt/ledger';
import { createLedgerService, readLogIdentity, startWitness, verifyLog, type KnownLog } from '../platform/ledger/index.ts';
import type { Command } from './commands.ts';
import { UsageError } from './commands.ts';
import { withPlatform } from './platform.ts';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const HEX = /^(?:[0-9a-fA-F]{2})*$/;
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

function hashSuiteOption(value: unknown): 'sha256' | 'sm3' {
  const name = typeof value === 'string' ? value : 'sha256';
  if (name !== 'sha256' && name !== 'sm3') throw new UsageError(`--hash 只能是 sha256 或 sm3 / --hash must be sha256 or sm3, not ${name}`);
  return name;
}

/** The RFC 6962 root of the given leaf data (hex, before leaf hashing). */
export function ledgerRoot(leafDataHex: readonly string[], hashName: 'sha256' | 'sm3') {
  const suite = getHashSuite(hashName);
  const leaves = leafDataHex.map((hex, i) => {
    if (!HEX.test(hex)) throw new UsageError(`第 ${i + 1} 个叶子不是偶数位的十六进制 / leaf ${i + 1} is not hex with an even number of digits: ${hex.slice(0, 40)}`);
    return hashLeaf(suite, Buffer.from(hex, 'hex'));
  });
  const { range } = appendLeaves(suite, EMPTY_COMPACT_RANGE, leaves);
  return { hashSuite: suite.name, size: leaves.length, rootHash: toHex(compactRangeRoot(suite, range)) };
}

const hasMasterKey = (config: { masterKey?: string; dataDir: string }) => Boolean(config.masterKey) || fs.existsSync(path.join(config.dataDir, 'master.key'));

export const LEDGER_COMMANDS: Record<string, Command> = {
  ledger: {
    summary: '证据账本：计算树根、全量校验、打印收据 / evidence ledger: root, verify, receipt',
    usage: [
      'opencourt ledger root [<hex-leaf-data>...] [--hash sha256|sm3]   RFC 6962 root of the leaves (data before leaf hashing)',
      '       opencourt ledger verify                                        re-read and recompute the whole log; exit 1 at the first mismatch',
      '       opencourt ledger receipt <sha256>                              the receipt of a recorded file or event digest',
    ].join('\n'),
    options: { hash: { type: 'string' }, batch: { type: 'string' } },
    positionals: { min: 1 },
    async run({ positionals, values }, config, io) {
      const [sub, ...rest] = positionals as [string, ...string[]];
      if (sub === 'root') {
        io.out(json(ledgerRoot(rest, hashSuiteOption(values.hash))));
        return 0;
      }
      if (values.hash !== undefined) throw new UsageError('--hash 只用于 ledger root / --hash is for ledger root only');
      if (sub === 'verify') {
        if (rest.length) throw new UsageError('ledger verify 不接受参数 / takes no arguments');
        const batchSize = values.batch === undefined ? undefined : Number(values.batch);
        if (batchSize !== undefined && (!Number.isSafeInteger(batchSize) || batchSize < 1)) throw new UsageError('--batch 应为正整数 / --batch must be a positive integer');
        return withPlatform(config, io.err, {}, async ({ database, keyring }) => {
          const report = await verifyLog(database.pool, {
            keyring: hasMasterKey(config) ? keyring() : undefined,
            batchSize,
            witnesses: config.ledger.witnesses,
            quorum: config.ledger.quorum,
          });
          io.out(json(report));
          if (!report.ok) io.err(`账本校验失败 / ledger verification failed: ${report.mismatch.message}\n`);
          return report.ok ? 0 : 1;
        });
      }
      if (sub === 'receipt') {
        if (rest.length !== 1 || !SHA256_HEX.test(rest[0]!)) throw new UsageError('需要一个 64 位十六进制哈希 / expects one 64-digit hex hash');
        return withPlatform(config, io.err, {}, async ({ database }) => {
          const service = createLedgerService({
            pool: database.pool,
            identity: () => readLogIdentity(database.pool),
            courtName: config.ledger.courtName,
            witnesses: config.ledger.witnesses,
            quorum: config.ledger.quorum,
          });
          io.out(json((await service.receiptFor(rest[0]!)).receipt));
          return 0;
        });
      }
      throw new UsageError(`未知的子命令 / unknown subcommand: ${sub}`);
    },
  },

  witness: {
    summary: '运行见证人（C2SP tlog-witness）/ run a witness (C2SP tlog-witness)',
    usage:
      'opencourt witness --port <p> --data <dir> [--host <h>] [--name <witness name>] [--log-key <verifier key> --origin <origin> [--hash sha256|sm3]]...\n' +
      '  The key is generated into <dir> on first start; logs given here are remembered there.',
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      host: { type: 'string' },
      name: { type: 'string' },
      'log-key': { type: 'string', multiple: true },
      origin: { type: 'string', multiple: true },
      hash: { type: 'string', multiple: true },
    },
    positionals: 0,
    async run({ values }, _config, io) {
      const port = Number(values.port);
      if (values.port === undefined || !Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port 应为 0–65535 的端口号 / --port is required (0–65535)');
      if (typeof values.data !== 'string' || !values.data) throw new UsageError('--data 为必填的数据目录 / --data <dir> is required');
      const keys = (values['log-key'] as string[] | undefined) ?? [];
      const origins = (values.origin as string[] | undefined) ?? [];
      const hashes = (values.hash as string[] | undefined) ?? [];
      if (keys.length !== origins.length || hashes.length > keys.length) {
        throw new UsageError('--log-key 与 --origin 须成对出现 / give --log-key and --origin in pairs (and at most one --hash per pair)');
      }
      const addLogs: KnownLog[] = keys.map((verifierKey, i) => ({ origin: origins[i]!, verifierKey, hashSuite: hashSuiteOption(hashes[i]) }));
      const witness = await startWitness({
        dir: path.resolve(values.data),
        port,
        host: typeof values.host === 'string' ? values.host : undefined,
        name: typeof values.name === 'string' ? values.name : undefined,
        addLogs,
        onError: (err) => io.err(`witness error: ${(err as Error).message}\n`),
      });
      io.out(`${JSON.stringify({ url: witness.url, name: witness.name, verifierKey: witness.verifierKey, logs: witness.logs.map((l) => l.origin) })}\n`);
      if (!witness.logs.length) io.err('注意：尚未配置任何账本（--log-key 与 --origin）/ note: no logs configured yet (--log-key and --origin)\n');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await witness.close();
      return 0;
    },
  },
};
