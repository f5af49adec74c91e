import { bigint, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { bytea, createdAt } from '../db/columns.ts';

/** One stored object per distinct content (SHA-256 of the plaintext), encrypted with its own key. */
export const blob = pgTable('blob', {
  sha256: text('sha256').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mediaType: text('media_type').notNull(),
  storageKey: text('storage_key').notNull(),
  /** The per-file AES-256-GCM key, wrapped by the master key. */
  wrappedKey: bytea('wrapped_key').notNull(),
  iv: bytea('iv').notNull(),
  authTag: bytea('auth_tag').notNull(),
  createdAt: createdAt(),
});

/** A file as someone uploaded it: a name and an owner over shared content. */
export const storedFile = pgTable(
  'stored_file',
  {
    id: uuid('id').primaryKey(),
    sha256: text('sha256')
      .notNull()
      .references(() => blob.sha256),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    uploadedBy: uuid('uploaded_by'),
    matterId: uuid('matter_id'),
    createdAt: createdAt(),
  },
  (t) => [index('stored_file_matter_idx').on(t.matterId), index('stored_file_sha_idx').on(t.sha256)],
);
