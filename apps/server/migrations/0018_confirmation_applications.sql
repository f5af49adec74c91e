CREATE TABLE "confirmation_applicant" (
	"application_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"applied_at" timestamp with time zone,
	CONSTRAINT "confirmation_applicant_application_id_user_id_pk" PRIMARY KEY("application_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "confirmation_application" (
	"id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"last_day" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "confirmation_applicant" ADD CONSTRAINT "confirmation_applicant_application_id_confirmation_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."confirmation_application"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "confirmation_application_agreement_key" ON "confirmation_application" USING btree ("agreement_id");