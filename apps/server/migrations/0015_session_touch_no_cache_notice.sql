-- A session's sliding expiry (last_seen_at, expires_at, written at most once a minute per session)
-- no longer announces a cache change: it evicted the user's cached session, matters and room
-- memberships in every process and made realtime re-check sockets, once a minute for every active
-- user. Cached copies of a session live at most a minute, and a stale copy only errs towards an
-- earlier expiry, which the cache treats as a miss. Sign-out, MFA steps and deletion still announce.
DROP TRIGGER auth_session_cache_notify ON auth_session;
--> statement-breakpoint
CREATE TRIGGER auth_session_cache_notify AFTER UPDATE OF user_id, stage, csrf_token, revoked_at OR DELETE ON auth_session
  FOR EACH ROW EXECUTE FUNCTION oc_cache_notify('user', 'user_id');
