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
ALTER TABLE "matter_document" ADD CONSTRAINT "matter_document_matter_id_matter_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matter_document_matter_idx" ON "matter_document" USING btree ("matter_id","category","document_date");--> statement-breakpoint
CREATE UNIQUE INDEX "matter_document_file_idx" ON "matter_document" USING btree ("matter_id","file_id");