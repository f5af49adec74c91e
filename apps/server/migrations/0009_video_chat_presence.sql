CREATE TABLE "video_chat_message" (
	"id" uuid PRIMARY KEY NOT NULL,
	"room_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"caucus" text,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "video_presence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"room_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "video_chat_message" ADD CONSTRAINT "video_chat_message_room_id_video_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."video_room"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_chat_message" ADD CONSTRAINT "video_chat_message_participant_id_video_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."video_participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_presence" ADD CONSTRAINT "video_presence_room_id_video_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."video_room"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_presence" ADD CONSTRAINT "video_presence_participant_id_video_participant_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."video_participant"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "video_chat_message_room_idx" ON "video_chat_message" USING btree ("room_id","created_at","id");--> statement-breakpoint
CREATE INDEX "video_presence_room_idx" ON "video_presence" USING btree ("room_id","participant_id");--> statement-breakpoint
-- Each process caches room membership for signaling (modules/video): every write to a room, its
-- participants or who is present evicts it everywhere, through the cache channel (platform/cache,
-- migration 0003). Presence refreshes (UPDATE of seen_at) change nothing that is cached.
CREATE TRIGGER video_room_cache_notify AFTER INSERT OR UPDATE OR DELETE ON video_room
  FOR EACH ROW EXECUTE FUNCTION oc_cache_notify('video_room', 'id');
--> statement-breakpoint
CREATE TRIGGER video_participant_cache_notify AFTER INSERT OR UPDATE OR DELETE ON video_participant
  FOR EACH ROW EXECUTE FUNCTION oc_cache_notify('video_room', 'room_id');
--> statement-breakpoint
CREATE TRIGGER video_presence_cache_notify AFTER INSERT OR DELETE ON video_presence
  FOR EACH ROW EXECUTE FUNCTION oc_cache_notify('video_room', 'room_id');
