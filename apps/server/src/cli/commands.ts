// The `opencourt` commands. Each one parses its arguments, calls platform functions and prints the
// result; none holds business rules of its own.
import fs from 'node:fs';
import type { ParseArgsConfig } from 'node:util';
import { formatDemoAccounts, seedDemo } from '../demo/seed.ts';
import { createUser, ROLES, usersStore, type Role } from '../platform/auth/index.ts';
import { createBackup, listAppliedMigrations, restoreBackup } from '../platform/backup/index.ts';
import { uuid } from '../platform/clock/index.ts';
import { maskPhone, normalisePhone } from '../platform/crypto/index.ts';
import { migrateDatabase } from '../platform/db/index.ts';
import type { TConfig } from '../config.ts';
import { CHECK_COMMANDS } from './check.commands.ts';
import { FEE_COMMANDS } from './fees.commands.ts';
import { LEDGER_COMMANDS } from './ledger.commands.ts';
import { LIBRARY_COMMANDS } from './library.commands.ts';
import { withPlatform } from './platform.ts';

export type Io = { out(text: string): void; err(text: string): void; readStdin(): Promise<string> };

/** A mistake in how the command was called: exit code 2 and the command's usage. */
export class UsageError extends Error {}

export type ParsedArgs = { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };

export type Command = {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Exactly this many positional arguments, or at least `min`. */
  positionals: number | { min: number };
  /** Returns the exit code, when it is not 0. */
  run(args: ParsedArgs, config: TConfig, io: Io): Promise<void | number>;
};

const json = (io: Io, value: unknown) => io.out(`${JSON.stringify(value, null, 2)}\n`);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const KEY_WARNING =
  '注意：备份不含主密钥。恢复后需要同一个 MASTER_KEY（或原 DATA_DIR/master.key）才能读取文件和加密字段，请另行妥善保管。\n' +
  'Note: the master key is not in the backup. The same MASTER_KEY (or the original DATA_DIR/master.key) is needed to read files after a restore; keep it safe, apart from the backup.\n';

export const COMMANDS: Record<string, Command> = {
  migrate: {
    summary: '应用数据库迁移 / apply the database migrations',
    usage: 'opencourt migrate',
    options: {},
    positionals: 0,
    async run(_args, config, io) {
      await withPlatform(config, io.err, {}, async ({ database }) => {
        const before = (await listAppliedMigrations(database.pool)).length;
        await migrateDatabase(database.pool);
        const after = await listAppliedMigrations(database.pool);
        json(io, { applied: after.length - before, total: after.length });
      });
    },
  },

  'seed-demo': {
    summary: '载入演示法院和账号（仅限没有用户的数据库） / load the demo court and accounts into an empty database',
    usage: 'opencourt seed-demo',
    options: {},
    positionals: 0,
    async run(_args, config, io) {
      await withPlatform(config, io.err, {}, async ({ database, keyring }) => {
        await migrateDatabase(database.pool);
        const accounts = await seedDemo(database.db, { keyring: keyring(), id: uuid });
        if (accounts) io.out(formatDemoAccounts(accounts));
        else io.out('数据库中已有用户，未载入演示数据。 / The database already has users; no demo data loaded.\n');
      });
    },
  },

  'create-user': {
    summary: '创建账号 / create an account',
    usage:
      'opencourt create-user --role <role> (--username <u> (--password <p> | --password-stdin) | --phone <n>) --name <display name> [--org <organisation id>] [--email <e>]\n' +
      `  roles: ${ROLES.join(', ')} (--role may be repeated)`,
    options: {
      role: { type: 'string', multiple: true },
      username: { type: 'string' },
      password: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      phone: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      email: { type: 'string' },
    },
    positionals: 0,
    async run({ values }, config, io) {
      const roles = (values.role as string[] | undefined) ?? [];
      if (!roles.length) throw new UsageError('请用 --role 指定角色 / --role is required');
      const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (unknown.length) throw new UsageError(`未知角色 / unknown role: ${unknown.join(', ')}`);
      const name = str(values.name)?.trim();
      if (!name) throw new UsageError('请用 --name 指定显示名称 / --name is required');
      if (values.password && values['password-stdin']) throw new UsageError('--password 和 --password-stdin 只能用一个');
      const password = values['password-stdin'] ? (await io.readStdin()).replace(/\r?\n$/, '') : str(values.password);
      const org = str(values.org);
      await withPlatform(config, io.err, {}, async ({ database, keyring }) => {
        await database.db.transaction(async (tx) => {
          if (org && !(await usersStore.findOrganisation(tx, org))) throw new Error(`机构不存在 / no such organisation: ${org}`);
          const id = await createUser(tx, { keyring: keyring(), id: uuid }, {
            displayName: name,
            roles: roles as Role[],
            organisationId: org ?? null,
            username: str(values.username),
            password,
            phone: str(values.phone),
            email: str(values.email),
          });
          const phone = str(values.phone);
          json(io, { id, displayName: name, roles, username: str(values.username) ?? null, phone: phone ? maskPhone(normalisePhone(phone)) : null, organisationId: org ?? null });
        });
      });
    },
  },

  backup: {
    summary: '把数据库和文件一起备份为一个 .tar.gz / back up the database and files into one consistent .tar.gz',
    usage: 'opencourt backup <file.tar.gz>',
    options: {},
    positionals: 1,
    async run({ positionals }, config, io) {
      const file = positionals[0]!;
      await withPlatform(config, io.err, { existingKey: true }, async ({ database, keyring, blobs }) => {
        const manifest = await createBackup({ database, driver: blobs(), keyring: keyring() }, file);
        const rows = Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]));
        json(io, { file, createdAt: manifest.createdAt, size: fs.statSync(file).size, migrations: manifest.migrations.length, tables: rows, blobs: manifest.blobs });
        if (manifest.blobs.missing.length) io.err(`警告：存储中缺少 ${manifest.blobs.missing.length} 个文件，见 blobs.missing / warning: blobs missing from storage\n`);
        io.err(KEY_WARNING);
      });
    },
  },

  restore: {
    summary: '从备份恢复到空的数据库和数据目录 / restore a backup into an empty database and data directory',
    usage: 'opencourt restore <file.tar.gz> [--force]\n  --force  replace a database that already holds data (its tables are dropped)',
    options: { force: { type: 'boolean' } },
    positionals: 1,
    async run({ positionals, values }, config, io) {
      const file = positionals[0]!;
      await withPlatform(config, io.err, { existingKey: true }, async ({ database, keyring, blobs }) => {
        const manifest = await restoreBackup({ database, driver: blobs(), keyring: keyring() }, file, { force: values.force === true });
        json(io, {
          restored: file,
          createdAt: manifest.createdAt,
          tables: Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows])),
          blobs: manifest.blobs.count,
        });
        io.err(KEY_WARNING);
      });
    },
  },
  ...LEDGER_COMMANDS,
  ...FEE_COMMANDS,
  ...CHECK_COMMANDS,
  ...LIBRARY_COMMANDS,
};
