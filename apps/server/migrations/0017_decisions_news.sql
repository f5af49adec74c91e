CREATE TABLE "decision" (
	"id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"case_number" text NOT NULL,
	"decided_on" date NOT NULL,
	"file_id" uuid NOT NULL,
	"file_sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_appeal" (
	"id" uuid PRIMARY KEY NOT NULL,
	"decision_id" uuid NOT NULL,
	"party_user_id" uuid NOT NULL,
	"filed_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_certificate" (
	"id" uuid PRIMARY KEY NOT NULL,
	"decision_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"issued_to" uuid NOT NULL,
	"code" text NOT NULL,
	"effective_on" date NOT NULL,
	"file_id" uuid NOT NULL,
	"pdf_sha256" text NOT NULL,
	"ledger_digest" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_service" (
	"id" uuid PRIMARY KEY NOT NULL,
	"decision_id" uuid NOT NULL,
	"party_user_id" uuid NOT NULL,
	"served_at" timestamp with time zone NOT NULL,
	"method" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_article" (
	"id" uuid PRIMARY KEY NOT NULL,
	"court_id" uuid,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"tags" jsonb NOT NULL,
	"cover_id" uuid,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_cover" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_revision" (
	"id" uuid PRIMARY KEY NOT NULL,
	"article_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"tags" jsonb NOT NULL,
	"cover_id" uuid,
	"edited_by" uuid NOT NULL,
	"edited_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decision_appeal" ADD CONSTRAINT "decision_appeal_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_certificate" ADD CONSTRAINT "decision_certificate_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_service" ADD CONSTRAINT "decision_service_decision_id_decision_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_revision" ADD CONSTRAINT "news_revision_article_id_news_article_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."news_article"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "decision_matter_idx" ON "decision" USING btree ("matter_id","created_at");--> statement-breakpoint
CREATE INDEX "decision_appeal_decision_idx" ON "decision_appeal" USING btree ("decision_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_certificate_code_idx" ON "decision_certificate" USING btree ("code");--> statement-breakpoint
CREATE INDEX "decision_certificate_decision_idx" ON "decision_certificate" USING btree ("decision_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_service_party_idx" ON "decision_service" USING btree ("decision_id","party_user_id");--> statement-breakpoint
CREATE INDEX "news_article_public_idx" ON "news_article" USING btree ("status","category","published_at");--> statement-breakpoint
CREATE INDEX "news_article_title_trgm_idx" ON "news_article" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "news_revision_article_idx" ON "news_revision" USING btree ("article_id","edited_at");