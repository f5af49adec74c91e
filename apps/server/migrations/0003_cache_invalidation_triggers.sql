-- Announce every write to a cached table on channel oc_cache as '<kind>:<id>', delivered on commit to
-- every process, which then evicts its cached copies (platform/cache). Triggers, not application
-- code, so no write path can forget it.
CREATE OR REPLACE FUNCTION oc_cache_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  new_id text;
  old_id text;
BEGIN
  IF TG_OP <> 'DELETE' THEN new_id := to_jsonb(NEW) ->> TG_ARGV[1]; END IF;
  IF TG_OP <> 'INSERT' THEN old_id := to_jsonb(OLD) ->> TG_ARGV[1]; END IF;
  IF new_id IS NOT NULL THEN PERFORM pg_notify('oc_cache', TG_ARGV[0] || ':' || new_id); END IF;
  IF old_id IS NOT NULL AND old_id IS DISTINCT FROM new_id THEN PERFORM pg_notify('oc_cache', TG_ARGV[0] || ':' || old_id); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER matter_cache_notify AFTER INSERT OR UPDATE OR DELETE ON matter
  FOR EACH ROW EXECUTE FUNCTION oc_cache_notify('matter', 'id');
--> statement-breakpoint
CREATE TRIGGER matter_participant_cache_notify AFTER INSERT OR UPDATE OR DELETE ON matter_participant
  FOR EACH ROW EXECUTE FUNCTION oc_cache_notify('matter', 'matter_id');
--> statement-breakpoint
CREATE TRIGGER app_user_cache_notify AFTER UPDATE OR DELETE ON app_user
  FOR EACH ROW EXECUTE FUNCTION oc_cache_notify('user', 'id');
--> statement-breakpoint
CREATE TRIGGER auth_session_cache_notify AFTER UPDATE OR DELETE ON auth_session
  FOR EACH ROW EXECUTE FUNCTION oc_cache_notify('user', 'user_id');
--> statement-breakpoint
CREATE TRIGGER organisation_cache_notify AFTER UPDATE OR DELETE ON organisation
  FOR EACH ROW EXECUTE FUNCTION oc_cache_notify('org', 'id');
