CREATE TABLE "ledger_checkpoint" (
	"size" bigint PRIMARY KEY NOT NULL,
	"root_hash" "bytea" NOT NULL,
	"note" text NOT NULL,
	"cosigned_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ledger_cosignature" (
	"checkpoint_size" bigint NOT NULL,
	"witness" text NOT NULL,
	"line" text NOT NULL,
	"timestamp" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_cosignature_pkey" PRIMARY KEY("checkpoint_size","witness")
);
--> statement-breakpoint
CREATE TABLE "ledger_entry" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tx_id" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"subject_digest" "bytea" NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entry_kind_ref" UNIQUE("kind","ref"),
	CONSTRAINT "ledger_entry_kind_check" CHECK ("ledger_entry"."kind" in ('event', 'file')),
	CONSTRAINT "ledger_entry_digest_check" CHECK (length("ledger_entry"."subject_digest") = 32)
);
--> statement-breakpoint
CREATE TABLE "ledger_leaf" (
	"index" bigint PRIMARY KEY NOT NULL,
	"entry_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"subject_digest" "bytea" NOT NULL,
	"leaf_hash" "bytea" NOT NULL,
	"integrated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_node" (
	"level" smallint NOT NULL,
	"index" bigint NOT NULL,
	"hash" "bytea" NOT NULL,
	CONSTRAINT "ledger_node_pkey" PRIMARY KEY("level","index"),
	CONSTRAINT "ledger_node_level_check" CHECK ("ledger_node"."level" >= 1)
);
--> statement-breakpoint
CREATE TABLE "ledger_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"origin" text NOT NULL,
	"hash_suite" text NOT NULL,
	"size" bigint DEFAULT 0 NOT NULL,
	"root_hash" "bytea" NOT NULL,
	"last_tx_id" "xid8" DEFAULT '0'::xid8 NOT NULL,
	"last_entry_id" bigint DEFAULT 0 NOT NULL,
	"key_name" text NOT NULL,
	"verifier_key" text NOT NULL,
	"sealed_signer_key" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_state_singleton" CHECK ("ledger_state"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "ledger_witness" (
	"name" text PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"verifier_key" text NOT NULL,
	"known_size" bigint DEFAULT 0 NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"retry_at" timestamp with time zone,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "ledger_checkpoint_published_idx" ON "ledger_checkpoint" USING btree ("size") WHERE published_at is not null;--> statement-breakpoint
CREATE INDEX "ledger_entry_tx_idx" ON "ledger_entry" USING btree ("tx_id","id");--> statement-breakpoint
CREATE INDEX "ledger_entry_digest_idx" ON "ledger_entry" USING btree ("subject_digest");--> statement-breakpoint
CREATE INDEX "ledger_leaf_digest_idx" ON "ledger_leaf" USING btree ("subject_digest");--> statement-breakpoint
-- The log's entries, leaves and nodes are append-only: a change is refused here, and anything that
-- gets past this (a superuser, the files on disk) is caught by `opencourt ledger verify`, the
-- witnesses and every receipt.
CREATE OR REPLACE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entry_no_change BEFORE UPDATE OR DELETE ON ledger_entry FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
--> statement-breakpoint
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
--> statement-breakpoint
CREATE TRIGGER ledger_leaf_no_change BEFORE UPDATE OR DELETE ON ledger_leaf FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
--> statement-breakpoint
CREATE TRIGGER ledger_leaf_no_truncate BEFORE TRUNCATE ON ledger_leaf FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
--> statement-breakpoint
CREATE TRIGGER ledger_node_no_change BEFORE UPDATE OR DELETE ON ledger_node FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
--> statement-breakpoint
CREATE TRIGGER ledger_node_no_truncate BEFORE TRUNCATE ON ledger_node FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
