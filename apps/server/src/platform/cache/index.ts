export { CACHE_CHANNEL, createInvalidatedCache, matterTag, organisationTag, userTag, type CacheNotifications, type InvalidatedCache } from './invalidated-cache.ts';
