// buildApp(deps): platform plugins, then an explicit list of modules. Tests call it with their own
// database and clock and use inject or a real port.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import websocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { TConfig } from './config.ts';
import { auditPlugin, auditRoutes } from './platform/audit/index.ts';
import { authPlugin, authRoutes, createAuthService, createConfirmations, type Confirmations } from './platform/auth/index.ts';
import { createBlobDriver, createFileService, filesRoutes, type BlobDriver, type FileServiceDeps } from './platform/blobs/index.ts';
import { CACHE_CHANNEL } from './platform/cache/index.ts';
import { systemClock, uuid, type Clock, type IdGenerator } from './platform/clock/index.ts';
import type { Keyring } from './platform/crypto/index.ts';
import type { Database } from './platform/db/database.ts';
import { createDbListener, createEventConsumers, dbChannel, type DbListener, type EventConsumers } from './platform/events/index.ts';
import { registerProblemHandler, sendNotFound } from './platform/http/index.ts';
import { createJobs, createPruneJob, PRUNE_JOB, PRUNE_SCHEDULE, type Jobs } from './platform/jobs/index.ts';
import { createLedger, ledgerRoutes, type Ledger } from './platform/ledger/index.ts';
import { loggerOptions } from './platform/log/logger.ts';
import { metricsPlugin } from './platform/metrics/metrics.plugin.ts';
import {
  createDeliveryJob,
  createEmailDriver,
  createInbox,
  createLogSmsDriver,
  createNotifier,
  notificationsRoutes,
  type EmailDriver,
  type Notifier,
  type SmsDriver,
} from './platform/notify/index.ts';
import { createMatterEventsConsumer, createRealtime, type Realtime } from './platform/realtime/index.ts';
import { feesRoutes } from './modules/fees/index.ts';
import { createLibraryService, libraryRoutes } from './modules/library/index.ts';
import { createPayments } from './modules/payments/index.ts';
import { addMatterParticipants, createCaseNumbers, createMatterService, createOverdueJob, mattersRoutes, OVERDUE_JOB, OVERDUE_SCHEDULE } from './modules/matters/index.ts';
import { causeCatalogue, causesRoutes } from './modules/causes/index.ts';
import { createRiskService, riskRoutes } from './modules/risk/index.ts';
import { agreementsRoutes, createAgreementService } from './modules/agreements/index.ts';
import { confirmationRoutes, createConfirmationService } from './modules/confirmation/index.ts';
import { createVideoService, createVideoSignaling, videoRoutes } from './modules/video/index.ts';
import { createVideoRecording } from './modules/video/recording/index.ts';
import { createDecisions } from './modules/decisions/index.ts';
import { createNews } from './modules/news/index.ts';
import { createMediation } from './modules/mediation/index.ts';
import { createFiling } from './modules/filing/index.ts';

z.config(z.locales.zhCN());

export type AppDeps = {
  config: TConfig;
  database: Database;
  keyring: Keyring;
  clock?: Clock;
  id?: IdGenerator;
  sms?: SmsDriver;
  /** Print SMS messages to the console (the log driver's echo). */
  echo?: (line: string) => void;
  /** Where file content is stored; by default the driver BLOB_DRIVER names. */
  blobDriver?: BlobDriver;
  /** Send the JSON log here instead of standard output (tests read it). */
  logStream?: NodeJS.WritableStream;
  /** Where e-mail goes; by default the driver EMAIL_DRIVER names. */
  email?: EmailDriver;
  /** Tune the job runner and outbox consumers (tests shorten polling and leases). */
  jobs?: { pollMs?: number; leaseMs?: number; consumerPollMs?: number };
};

/** The platform services later modules are built with (explicitly, in buildApp) and tests drive. */
export type Platform = {
  listener: DbListener;
  jobs: Jobs;
  consumers: EventConsumers;
  realtime: Realtime;
  notifier: Notifier;
  ledger: Ledger;
  /** Codes sent to a user's phone to confirm an act (signing). */
  confirmations: Confirmations;
};

declare module 'fastify' {
  interface FastifyInstance {
    platform: Platform;
  }
}

const webDistDefault = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database, keyring } = deps;
  const db = database.db;
  const clock = deps.clock ?? systemClock;
  const id = deps.id ?? uuid;
  const sms = deps.sms ?? createLogSmsDriver({ file: config.sms.logFile, echo: deps.echo });

  const app = Fastify({
    logger: deps.logStream ? { ...(loggerOptions(config.logLevel) as object), stream: deps.logStream } : loggerOptions(config.logLevel),
    trustProxy: true,
    bodyLimit: 1024 * 1024,
    genReqId: () => id(),
    requestIdHeader: 'x-request-id',
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandler(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(metricsPlugin);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'OpenCourt API', version: '1', description: 'OpenCourt 在线法院服务平台接口' },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'oc_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  // Before any route, so upgrade requests reach the WebSocket routes.
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });

  // One LISTEN connection per process, shared by cache invalidation, jobs, consumers and realtime.
  const listener = createDbListener({ url: database.url, log: app.log.child({ component: 'db-listener' }) });
  const cacheNotifications = dbChannel(listener, db, CACHE_CHANNEL);
  const sessionChanges = {
    subscribe: (onUser: (userId: string) => void, onReconnect: () => void) =>
      cacheNotifications.subscribe((tag) => tag.startsWith('user:') && onUser(tag.slice('user:'.length)), onReconnect),
  };

  const auth = createAuthService({
    db,
    keyring,
    clock,
    id,
    sms,
    settings: {
      sessionTtlMs: config.sessionTtlMs,
      staffMfa: config.staffMfa,
      loginMaxFailures: config.loginMaxFailures,
      loginLockMs: config.loginLockMs,
    },
    notifications: cacheNotifications,
  });
  await app.register(authPlugin, { auth });
  await app.register(auditPlugin, { db });

  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await database.pool.query('select 1');
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  // The ledger is built below (it needs the pool and config); the timeline asks for it when it runs.
  let ledgerForMatters: Ledger | undefined;
  let filesForMatters: ReturnType<typeof createFileService> | undefined;
  const matters = createMatterService({ db, clock, id, keyring, notifications: cacheNotifications, ledger: () => ledgerForMatters?.service, files: () => filesForMatters });
  const caseNumbers = createCaseNumbers({ db, clock });
  const jobs = createJobs({
    db,
    clock,
    log: app.log.child({ component: 'jobs' }),
    listener,
    concurrency: config.jobs.concurrency,
    pollMs: deps.jobs?.pollMs,
    leaseMs: deps.jobs?.leaseMs,
  });
  const consumers = createEventConsumers({ db, clock, log: app.log.child({ component: 'consumers' }), listener, pollMs: deps.jobs?.consumerPollMs });
  const realtime = createRealtime({
    db,
    pool: database.pool,
    clock,
    log: app.log.child({ component: 'realtime' }),
    listener,
    rooms: { matter: (actor, matterId) => matters.canRead(actor, matterId) },
    allowedOrigins: [new URL(config.publicUrl).origin],
    sessionChanges,
  });
  const notifier = createNotifier({ keyring, clock, id, jobs, publish: realtime.publish, publicUrl: config.publicUrl });
  const inbox = createInbox({ db, clock, publish: realtime.publish });
  jobs.register(createDeliveryJob({ db, keyring, clock, sms, email: deps.email ?? createEmailDriver(config.email) }));
  jobs.register(createPruneJob({ db, clock }));
  consumers.register(createMatterEventsConsumer(realtime.publish));
  const ledger = createLedger({ pool: database.pool, keyring, clock, log: app.log.child({ component: 'ledger' }), config: config.ledger });
  consumers.register(ledger.consumer);
  ledgerForMatters = ledger;
  jobs.register(createOverdueJob(matters));
  const confirmations = createConfirmations({ db, keyring, clock, id, sms });
  app.decorate('platform', { listener, jobs, consumers, realtime, notifier, ledger, confirmations });
  const fileDeps: FileServiceDeps = {
    db,
    driver: deps.blobDriver ?? createBlobDriver(config.blobs),
    keyring,
    clock,
    id,
    matters: { factsOf: (matterId) => matters.factsOf(matterId) },
    tmpDir: path.join(config.blobs.dir, '.incoming'),
    maxBytes: config.blobs.maxBytes,
  };
  const files = createFileService(fileDeps);
  const agreements = createAgreementService({
    db,
    clock,
    id,
    keyring,
    matters: { factsOf: (matterId, tx) => matters.factsOf(matterId, tx), getMatter: (actor, matterId, tx) => matters.getMatter(actor, matterId, tx) },
    confirmations,
    notifier,
    files,
  });
  filesForMatters = files;
  const payments = createPayments({
    db,
    clock,
    id,
    keyring,
    jobs,
    matters: { factsOf: (matterId, tx) => matters.factsOf(matterId, tx), getMatter: (actor, matterId) => matters.getMatter(actor, matterId) },
    schedule: config.feeSchedule,
    config: config.payments,
    log: app.log.child({ component: 'payments' }),
  });
  const filing = createFiling({
    db,
    clock,
    id,
    keyring,
    jobs,
    notifier,
    schedule: config.feeSchedule,
    ports: {
      createMatter: (actor, input, tx) => matters.createMatter(actor, input, tx),
      allocateCaseNumber: (tx, courtId, typeCode) => caseNumbers.allocate(tx, courtId, typeCode),
      createPaymentOrder: (actor, matterId, input, origin, tx) => payments.service.createOrder(actor, matterId, input, origin, tx),
      getPaymentOrder: (actor, orderId) => payments.service.getOrder(actor, orderId),
    },
  });
  const videoRecording = createVideoRecording({ db, clock, id, config: config.video, jobsEnabled: config.jobs.enabled, jobs, publish: realtime.publish, fileDeps });
  const video = createVideoService({
    db,
    clock,
    id,
    matters: { factsOf: (matterId, tx) => matters.factsOf(matterId, tx) },
    notifier,
    publish: realtime.publish,
    iceServers: config.video.iceServers,
    recordingOf: (tx, roomId) => videoRecording.recordings.currentOf(tx, roomId),
    onRoomEnded: (tx, roomId, actor) => videoRecording.recordings.stopForRoom(tx, roomId, actor.userId),
  });
  const videoSignaling = createVideoSignaling({
    db,
    clock,
    id,
    log: app.log.child({ component: 'video-signaling' }),
    notifications: cacheNotifications,
    relay: realtime.relay,
    processId: realtime.processId,
    publish: realtime.publish,
  });
  realtime.registerRoomKind('video', videoSignaling.roomKind);
  const decisions = createDecisions({
    db,
    clock,
    id,
    matters: { factsOf: (matterId, tx) => matters.factsOf(matterId, tx), getMatter: (actor, matterId, tx) => matters.getMatter(actor, matterId, tx) },
    files,
  });
  const mediation = createMediation({
    db,
    clock,
    id,
    notifier,
    matters: { getMatter: (actor, matterId, tx) => matters.getMatter(actor, matterId, tx), factsOf: (matterId, tx) => matters.factsOf(matterId, tx), addParticipants: addMatterParticipants },
  });

  await app.register(
    async (api) => {
      await api.register(authRoutes, { auth, db, cookieSecure: config.cookieSecure, rateLimitPerMinute: config.rateLimitAuthPerMinute });
      await api.register(auditRoutes, { db });
      await api.register(mattersRoutes, { db, matters, caseNumbers });
      await api.register(filesRoutes, { db, files, clock, maxBytes: config.blobs.maxBytes });
      await api.register(notificationsRoutes, { inbox });
      await api.register(realtime.routes);
      await api.register(ledgerRoutes, { ledger: ledger.service });
      await api.register(feesRoutes, { schedule: config.feeSchedule });
      await api.register(libraryRoutes, { library: createLibraryService({ db }) });
      await api.register(videoRoutes, { db, video });
      await api.register(videoRecording.routes);
      await api.register(riskRoutes, { risk: createRiskService({ db, clock, schedule: config.feeSchedule }) });
      await api.register(payments.routes);
      await api.register(agreementsRoutes, { db, agreements });
      await api.register(confirmationRoutes, { db, confirmations: createConfirmationService({ db, clock, id, agreements, matters, notifier }) });
      await api.register(decisions.routes);
      await api.register(createNews({ db, clock, id }).routes);
      await api.register(mediation.routes);
      await api.register(filing.routes);
      await api.register(causesRoutes, { catalogue: causeCatalogue });
    },
    { prefix: '/api/v1' },
  );
  await app.register(payments.pageRoutes);

  const webDist = config.webDistDir ?? webDistDefault;
  const serveWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (serveWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes on the client: unknown non-API pages get its index page.
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api/') && request.headers.accept?.includes('text/html')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return sendNotFound(request, reply);
  });

  // Background work starts once every module has registered its jobs and consumers. Realtime runs in
  // every process; jobs and consumers only where JOBS_ENABLED (tests drive them by hand instead).
  app.addHook('onReady', async () => {
    await listener.start();
    realtime.start();
    videoSignaling.start();
    // Creates the ledger on first start, and refuses a LEDGER_ORIGIN or LEDGER_HASH the log cannot take.
    await ledger.open();
    if (config.jobs.enabled) {
      await jobs.schedule(PRUNE_SCHEDULE.name, PRUNE_SCHEDULE.cron, PRUNE_JOB);
      await videoRecording.schedule();
      await payments.schedule();
      await filing.schedule();
      await jobs.schedule(OVERDUE_SCHEDULE.name, OVERDUE_SCHEDULE.cron, OVERDUE_JOB);
      await jobs.start();
      await consumers.start();
      ledger.start();
    }
  });
  app.addHook('onClose', async () => {
    await ledger.stop();
    await consumers.stop();
    await jobs.stop();
    await videoSignaling.stop();
    realtime.stop();
    await listener.stop();
  });
  return app;
}
