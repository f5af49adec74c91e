CREATE TABLE "video_participant" (
	"id" uuid PRIMARY KEY NOT NULL,
	"room_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"side" text,
	"state" text DEFAULT 'invited' NOT NULL,
	"caucus" text,
	"connection_id" uuid,
	"joined_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "video_room" (
	"id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"scheduled_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "video_participant" ADD CONSTRAINT "video_participant_room_id_video_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."video_room"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_room" ADD CONSTRAINT "video_room_matter_id_matter_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "video_participant_room_user_key" ON "video_participant" USING btree ("room_id","user_id");--> statement-breakpoint
CREATE INDEX "video_participant_user_idx" ON "video_participant" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "video_room_matter_idx" ON "video_room" USING btree ("matter_id");