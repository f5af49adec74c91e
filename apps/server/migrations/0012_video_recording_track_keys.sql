ALTER TABLE "video_recording_track" ADD COLUMN "wrapped_key" "bytea";--> statement-breakpoint
ALTER TABLE "video_recording_track" ADD COLUMN "iv" "bytea";