// Video rooms: a platform capability that mediation, witnessing and hearings open for a matter.
// Rooms, lobby, host controls and chat (REST), signaling over the realtime socket; recording and
// snapshots live in ./recording and export from here too.
export { createVideoService, type VideoService, type VideoServiceDeps } from './video.service.ts';
export { videoRoutes } from './video.routes.ts';
export { createVideoSignaling, type VideoSignaling } from './video.signaling.ts';
