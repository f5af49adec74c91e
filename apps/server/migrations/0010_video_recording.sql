CREATE TABLE "video_recording" (
	"id" uuid PRIMARY KEY NOT NULL,
	"room_id" uuid NOT NULL,
	"status" text DEFAULT 'recording' NOT NULL,
	"started_by" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"stopped_by" uuid,
	"stopped_at" timestamp with time zone,
	"retain_until" timestamp with time zone,
	"media_deleted_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "video_recording_chunk" (
	"track_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "video_recording_chunk_track_id_seq_pk" PRIMARY KEY("track_id","seq")
);
--> statement-breakpoint
CREATE TABLE "video_recording_track" (
	"id" uuid PRIMARY KEY NOT NULL,
	"recording_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"mime_type" text NOT NULL,
	"offset_ms" integer NOT NULL,
	"chunks" integer DEFAULT 0 NOT NULL,
	"bytes" bigint DEFAULT 0 NOT NULL,
	"finished" boolean DEFAULT false NOT NULL,
	"file_id" uuid,
	"sha256" text,
	"duration_ms" integer,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "video_snapshot" (
	"id" uuid PRIMARY KEY NOT NULL,
	"room_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"taken_by" uuid NOT NULL,
	"taken_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "video_recording" ADD CONSTRAINT "video_recording_room_id_video_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."video_room"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_recording_chunk" ADD CONSTRAINT "video_recording_chunk_track_id_video_recording_track_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."video_recording_track"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_recording_track" ADD CONSTRAINT "video_recording_track_recording_id_video_recording_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."video_recording"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_recording_track" ADD CONSTRAINT "video_recording_track_participant_id_video_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."video_participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_snapshot" ADD CONSTRAINT "video_snapshot_room_id_video_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."video_room"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_snapshot" ADD CONSTRAINT "video_snapshot_participant_id_video_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."video_participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "video_recording_one_active_key" ON "video_recording" USING btree ("room_id") WHERE stopped_at is null;--> statement-breakpoint
CREATE INDEX "video_recording_room_idx" ON "video_recording" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "video_recording_track_recording_idx" ON "video_recording_track" USING btree ("recording_id");--> statement-breakpoint
CREATE INDEX "video_snapshot_room_idx" ON "video_snapshot" USING btree ("room_id");