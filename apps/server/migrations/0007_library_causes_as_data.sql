-- The cause-of-action links are data, loaded with the library (library.causes.ts), not by a migration:
-- rows a migration inserts would collide with the same rows when a backup is restored into a freshly
-- migrated database.
DELETE FROM "library_cause_article";--> statement-breakpoint
DELETE FROM "library_cause";
