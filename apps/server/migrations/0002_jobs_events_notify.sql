ALTER TABLE "event_consumer" ADD COLUMN "failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "event_consumer" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "event_consumer" ADD COLUMN "retry_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification_delivery" ADD COLUMN "body" text NOT NULL;--> statement-breakpoint
CREATE INDEX "job_finished_idx" ON "job" USING btree ("finished_at") WHERE status in ('done', 'failed');--> statement-breakpoint
CREATE INDEX "notification_unread_idx" ON "notification" USING btree ("user_id") WHERE read_at is null;--> statement-breakpoint
-- Wake the outbox consumers of every process when events are written. NOTIFY is sent at commit and
-- folded to one per transaction, so a statement-level trigger costs little.
CREATE OR REPLACE FUNCTION domain_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('oc_domain_event', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER domain_event_notify AFTER INSERT ON domain_event
  FOR EACH STATEMENT EXECUTE FUNCTION domain_event_notify();
