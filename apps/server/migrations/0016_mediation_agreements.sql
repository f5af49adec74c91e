CREATE TABLE "agreement_signatory" (
	"agreement_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"signed_at" timestamp with time zone,
	"signature_cipher" "bytea",
	"signature_sha256" text,
	CONSTRAINT "agreement_signatory_agreement_id_user_id_pk" PRIMARY KEY("agreement_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "mediation_agreement" (
	"id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"terms" jsonb NOT NULL,
	"drafted_by" uuid NOT NULL,
	"file_id" uuid,
	"sha256" text,
	"closed_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agreement_signatory" ADD CONSTRAINT "agreement_signatory_agreement_id_mediation_agreement_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."mediation_agreement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mediation_agreement_matter_idx" ON "mediation_agreement" USING btree ("matter_id");