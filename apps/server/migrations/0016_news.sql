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
ALTER TABLE "news_revision" ADD CONSTRAINT "news_revision_article_id_news_article_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."news_article"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "news_article_public_idx" ON "news_article" USING btree ("status","category","published_at");--> statement-breakpoint
CREATE INDEX "news_article_title_trgm_idx" ON "news_article" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "news_revision_article_idx" ON "news_revision" USING btree ("article_id","edited_at");