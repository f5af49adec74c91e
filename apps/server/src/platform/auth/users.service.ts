// Creating accounts (command line, demo seed and administrators).
import type { IdGenerator } from '../clock/index.ts';
import { normalisePhone, type Keyring } from '../crypto/index.ts';
import type { Executor } from '../db/database.ts';
import { AuthErrors } from './auth.errors.ts';
import { hashPassword, passwordWeakness } from './passwords.ts';
import { isStaff, type Role } from './roles.ts';
import { usersStore } from './users.store.ts';

export type CreateUserInput = {
  displayName: string;
  roles: Role[];
  organisationId?: string | null;
  username?: string;
  password?: string;
  phone?: string;
  email?: string;
};

export async function createUser(db: Executor, deps: { keyring: Keyring; id: IdGenerator }, input: CreateUserInput): Promise<string> {
  if (isStaff(input.roles)) {
    if (!input.username || !input.password) throw AuthErrors.AUTH_WEAK_PASSWORD('工作人员账号须有用户名和密码');
    const weakness = passwordWeakness(input.password);
    if (weakness) throw AuthErrors.AUTH_WEAK_PASSWORD(weakness, { fields: [{ pointer: '/body/password', detail: weakness }] });
  } else if (!input.phone) {
    throw AuthErrors.AUTH_WEAK_PASSWORD('当事人账号须有手机号码', { fields: [{ pointer: '/body/phone', detail: '请填写手机号码' }] });
  }
  if (input.username && (await usersStore.findUserByUsername(db, input.username))) throw AuthErrors.AUTH_USER_EXISTS();
  const phone = input.phone ? normalisePhone(input.phone) : undefined;
  if (phone && (await usersStore.findUserByPhone(db, deps.keyring.lookup(phone)))) throw AuthErrors.AUTH_USER_EXISTS();
  const userId = deps.id();
  await usersStore.insertUser(db, {
    id: userId,
    organisationId: input.organisationId ?? null,
    displayName: input.displayName,
    username: input.username ?? null,
    passwordHash: input.password ? await hashPassword(input.password) : null,
    phoneLookup: phone ? deps.keyring.lookup(phone) : null,
    phoneCipher: phone ? deps.keyring.seal(phone) : null,
    email: input.email ?? null,
    roles: input.roles,
  });
  return userId;
}
