CREATE TABLE "filing_application" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid NOT NULL,
	"filer_id" uuid NOT NULL,
	"filer_role" text NOT NULL,
	"cause" text NOT NULL,
	"facts" text NOT NULL,
	"evidence" text NOT NULL,
	"claims_total_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"correction_items" jsonb,
	"correction_deadline" timestamp with time zone,
	"refusal_reasons" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"matter_id" uuid,
	"case_number" text,
	"fee_fen" bigint,
	"payment_order_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "filing_claim" (
	"application_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"description" text NOT NULL,
	"amount_fen" bigint,
	CONSTRAINT "filing_claim_application_id_seq_pk" PRIMARY KEY("application_id","seq")
);
--> statement-breakpoint
CREATE TABLE "filing_material" (
	"application_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	CONSTRAINT "filing_material_application_id_file_id_pk" PRIMARY KEY("application_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "filing_party" (
	"application_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"side" text NOT NULL,
	"name" text NOT NULL,
	"id_kind" text,
	"id_number_masked" text,
	"uscc" text,
	"sealed" "bytea" NOT NULL,
	CONSTRAINT "filing_party_application_id_seq_pk" PRIMARY KEY("application_id","seq")
);
--> statement-breakpoint
CREATE TABLE "filing_status_history" (
	"application_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"actor_id" uuid,
	"note" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "filing_status_history_application_id_version_pk" PRIMARY KEY("application_id","version")
);
--> statement-breakpoint
CREATE TABLE "preservation_application" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stage" text NOT NULL,
	"court_id" uuid NOT NULL,
	"applicant_id" uuid NOT NULL,
	"filing_id" uuid,
	"matter_id" uuid,
	"case_number" text,
	"respondent" text NOT NULL,
	"reasons" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"guarantee_kind" text NOT NULL,
	"guarantee_fen" bigint NOT NULL,
	"guarantee_description" text,
	"guarantee_exemption" text,
	"fee_fen" bigint NOT NULL,
	"payment_order_id" uuid,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"decision_reasons" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "preservation_property" (
	"application_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"location_sealed" "bytea" NOT NULL,
	"value_fen" bigint NOT NULL,
	CONSTRAINT "preservation_property_application_id_seq_pk" PRIMARY KEY("application_id","seq")
);
--> statement-breakpoint
ALTER TABLE "filing_claim" ADD CONSTRAINT "filing_claim_application_id_filing_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."filing_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_material" ADD CONSTRAINT "filing_material_application_id_filing_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."filing_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_party" ADD CONSTRAINT "filing_party_application_id_filing_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."filing_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "filing_status_history" ADD CONSTRAINT "filing_status_history_application_id_filing_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."filing_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preservation_application" ADD CONSTRAINT "preservation_application_filing_id_filing_application_id_fk" FOREIGN KEY ("filing_id") REFERENCES "public"."filing_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "preservation_property" ADD CONSTRAINT "preservation_property_application_id_preservation_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."preservation_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "filing_application_court_idx" ON "filing_application" USING btree ("court_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "filing_application_filer_idx" ON "filing_application" USING btree ("filer_id");--> statement-breakpoint
CREATE INDEX "filing_application_deadline_idx" ON "filing_application" USING btree ("status","correction_deadline");--> statement-breakpoint
CREATE INDEX "preservation_application_court_idx" ON "preservation_application" USING btree ("court_id","status");--> statement-breakpoint
CREATE INDEX "preservation_application_applicant_idx" ON "preservation_application" USING btree ("applicant_id");