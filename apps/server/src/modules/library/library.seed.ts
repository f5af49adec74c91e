// The starting set shipped in the repository (seed/, excerpts of the shared corpus in its Markdown
// format and folder layout), so a fresh clone has a working library without the corpus. Importing the
// full corpus later replaces each excerpt with the whole document, as their paths are the same.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { uuid } from '../../platform/clock/index.ts';
import type { Executor } from '../../platform/db/database.ts';
import { CAUSE_LINKS } from './library.causes.ts';
import { folderSources, importLibrary, type ImportReport } from './library.import.ts';
import { libraryStore } from './library.store.ts';

export const LIBRARY_SEED_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'seed');

/**
 * Loads the starting set (in the caller's transaction, if given one). Documents already in the
 * library from the same paths are left alone, so the excerpts never replace full texts imported
 * before the first start; a second call changes nothing.
 */
export async function seedLibrary(db: Executor): Promise<ImportReport> {
  const report = await importLibrary(db, folderSources(LIBRARY_SEED_DIR), { id: uuid, keepExisting: true });
  await loadCauses(db);
  if (report.failed.length) throw new Error(`the library's seed files do not parse: ${report.failed.map((f) => `${f.path}: ${f.reason}`).join('; ')}`);
  return report;
}

/** The cause-of-action links (library.causes.ts) the library does not have yet; returns the causes added. */
export function loadCauses(db: Executor): Promise<string[]> {
  return libraryStore.insertMissingCauses(db, CAUSE_LINKS);
}
