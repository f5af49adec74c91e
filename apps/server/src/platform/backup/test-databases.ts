// Test support: an empty database on the test server (not cloned from the migrated template), for
// what must start from nothing: restores and the command line's `migrate`.
import { createTestDatabase, type TestDatabase } from '../../../test/harness.ts';

export type EmptyDatabase = TestDatabase;

export const createEmptyDatabase = (): Promise<EmptyDatabase> => createTestDatabase({ empty: true });
