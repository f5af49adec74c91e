CREATE TABLE "matter_agent" (
	"id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"party_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"licence_no" text,
	"law_firm" text,
	"phone_sealed" "bytea",
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matter_claim" (
	"id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"amount_fen" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matter_deadline" (
	"id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"party_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matter_document" (
	"id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"category" text NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"document_date" date NOT NULL,
	"pages" integer,
	"visibility" text NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matter_party" (
	"id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"type" text NOT NULL,
	"side" text NOT NULL,
	"name" text NOT NULL,
	"id_kind" text,
	"id_number_sealed" "bytea",
	"id_number_lookup" text,
	"uscc" text,
	"legal_representative" text,
	"phone_sealed" "bytea",
	"address_sealed" "bytea",
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "matter" ADD COLUMN "cause_version" text;--> statement-breakpoint
ALTER TABLE "matter" ADD COLUMN "cause_code" text;--> statement-breakpoint
ALTER TABLE "matter" ADD COLUMN "area_code" text;--> statement-breakpoint
ALTER TABLE "matter_agent" ADD CONSTRAINT "matter_agent_matter_id_matter_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_agent" ADD CONSTRAINT "matter_agent_party_id_matter_party_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."matter_party"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_claim" ADD CONSTRAINT "matter_claim_matter_id_matter_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_deadline" ADD CONSTRAINT "matter_deadline_matter_id_matter_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_deadline" ADD CONSTRAINT "matter_deadline_party_id_matter_party_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."matter_party"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_document" ADD CONSTRAINT "matter_document_matter_id_matter_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_party" ADD CONSTRAINT "matter_party_matter_id_matter_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matter_agent_matter_idx" ON "matter_agent" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "matter_claim_matter_idx" ON "matter_claim" USING btree ("matter_id","ordinal");--> statement-breakpoint
CREATE INDEX "matter_deadline_matter_idx" ON "matter_deadline" USING btree ("matter_id","due_at");--> statement-breakpoint
CREATE INDEX "matter_deadline_open_idx" ON "matter_deadline" USING btree ("due_at") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "matter_document_matter_idx" ON "matter_document" USING btree ("matter_id","category","document_date");--> statement-breakpoint
CREATE UNIQUE INDEX "matter_document_file_idx" ON "matter_document" USING btree ("matter_id","file_id");--> statement-breakpoint
CREATE INDEX "matter_party_matter_idx" ON "matter_party" USING btree ("matter_id","ordinal");--> statement-breakpoint
CREATE INDEX "matter_party_lookup_idx" ON "matter_party" USING btree ("id_number_lookup");--> statement-breakpoint
CREATE INDEX "matter_party_user_idx" ON "matter_party" USING btree ("user_id");