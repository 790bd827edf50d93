import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import { loadCatalogues } from './adapters/catalogue/load-catalogues';
import { createInMemoryStore } from './adapters/memory/in-memory-store';
import { createRedisStore } from './adapters/redis/redis-store';
import { createBotEndpoint } from './adapters/teams/bot-endpoint';
import { consultationInvite } from './adapters/calendar/ics';
import { TeamsDirectory } from './adapters/teams/directory';
import { TeamsNotifier } from './adapters/teams/notifier';
import { JobRunner } from './app/booking/job-runner';
import { seedRoster } from './app/booking/manage-roster';
import type { Edge } from './adapters/teams/booking-actions';
import { hasRole } from './domain/booking/roster';
import { ConsultationBot } from './adapters/teams/consultation-bot';
import type { AppContext } from './app/context';
import { ConfigError, loadConfig, type Config } from './config';
import { seedDemoData } from './demo-data';
import { createHttpServer } from './http/server';
import { createLogger, type Logger } from './logger';
import type { Store } from './ports/store';

export interface RunningBot {
  url: string;
  port: number;
  app: AppContext;
  jobs: JobRunner;
  /** Stops taking requests, lets turns in flight finish (up to the grace period), then closes the store. */
  stop(): Promise<void>;
}

function openStore(config: Config, log: Logger): Store {
  if (!config.REDIS_URL) return createInMemoryStore();
  // Fail fast when Redis is away, so the user is told at once that nothing was saved rather than waiting.
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, connectTimeout: 2000, enableAutoPipelining: true });
  let lastCode = '';
  redis.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== lastCode) log.warn({ evt: 'redis_error', code: e.code ?? e.name }, 'redis connection problem');
    lastCode = e.code ?? e.name;
  });
  redis.on('ready', () => {
    if (lastCode) log.info({ evt: 'redis_ready' }, 'redis connection restored');
    lastCode = '';
  });
  return createRedisStore(redis, { draftTtlMs: config.DRAFT_TTL_DAYS * 86_400_000 });
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The composition root: the one place adapters are built and wired together. */
export async function start(env: NodeJS.ProcessEnv, log: Logger = createLogger(env.LOG_LEVEL || 'info')): Promise<RunningBot> {
  const config = loadConfig(env);
  const store = openStore(config, log);
  const app: AppContext = {
    store, clock: { now: () => new Date() }, ids: { next: () => randomUUID() }, catalogues: loadCatalogues(config.CATALOGUE_DIR),
    meetingUrl: (reference, bookingId) => config.MEETING_URL_TEMPLATE.replaceAll('{bookingId}', bookingId).replaceAll('{reference}', reference),
  };
  const service = config.DEFAULT_SERVICE;
  if (!app.catalogues.has(service)) throw new ConfigError(`DEFAULT_SERVICE: no catalogue for "${service}"`);
  const seeded = await seedRoster(app, service, config.ROSTER);
  if (seeded > 0) log.info({ evt: 'roster_seeded', members: seeded }, 'roster seeded from configuration');
  if (!config.REDIS_URL && config.DEMO_DATA) {
    const refs = await seedDemoData(app, config.DEMO_USER_ID, service);
    log.info({ evt: 'demo_data', refs }, 'demo data loaded');
  }
  const directory = new TeamsDirectory(store.conversations);
  let publicUrl = config.PUBLIC_URL ?? '';
  const edge: Edge = {
    names: (svc, ids) => directory.names(svc, ids),
    calendarUrl: (r) => `${publicUrl}/calendar/${r.service}/${r.reference}/${r.booking!.id}.ics`,
    refreshUserIds: async (svc) => directory.teamsIds(svc, (await store.roster.list(svc)).filter((m) => hasRole(m, 'clinician') || hasRole(m, 'coordinator')).map((m) => m.id)),
  };
  const bot = new ConsultationBot({ app, log, defaultService: service, edge, directory, kick: () => void jobs.kick() });
  const endpoint = createBotEndpoint({
    appId: config.MICROSOFT_APP_ID, appPassword: config.MICROSOFT_APP_PASSWORD, appType: config.MICROSOFT_APP_TYPE, tenantId: config.MICROSOFT_APP_TENANT_ID,
  }, bot, log);
  const notifier = new TeamsNotifier({ adapter: endpoint.adapter, appId: config.MICROSOFT_APP_ID, app, edge, directory, log });
  // The bot's kick() refers to the runner only once turns flow, after the server listens.
  const jobs = new JobRunner(app, notifier, {
    pollMs: config.JOB_POLL_MS, leaseMs: config.JOB_LEASE_MS,
    onResult: (job, result) => log.info({ evt: 'job', kind: job.kind, event: job.data.event, ref: job.reference, result }, 'job run'),
    onError: (e) => log.warn({ evt: 'jobs_failed', code: (e as Error).name }, 'job pass failed'),
  });
  const http = createHttpServer({
    endpoint, health: () => store.ping(),
    calendar: async ({ service: svc, reference, bookingId }) => {
      const request = app.catalogues.has(svc) ? await store.requests.get(svc, reference).catch(() => null) : null;
      return request?.booking?.id === bookingId ? consultationInvite(request, app.catalogues.get(svc)!.name) : null;
    },
  });
  await new Promise<void>((resolve) => http.server.listen(config.PORT, config.HOST, resolve));
  const { port } = http.server.address() as AddressInfo;
  publicUrl ||= `http://${config.HOST}:${port}`;
  jobs.start();
  log.info({ evt: 'listening', port, store: config.REDIS_URL ? 'redis' : 'memory', auth: config.MICROSOFT_APP_ID ? 'bot-framework' : 'local' }, 'bot started');
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${config.HOST}:${port}`,
    port,
    app,
    jobs,
    stop: () => (stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => http.server.close(() => resolve()));
      await jobs.stop();
      const deadline = Date.now() + config.SHUTDOWN_GRACE_MS;
      while (http.inFlight() > 0 && Date.now() < deadline) await wait(20);
      await store.close();
      await Promise.race([closed, wait(500)]);
      log.info({ evt: 'stopped', unfinished: http.inFlight() }, 'bot stopped');
    })()),
  };
}

if (require.main === module) {
  const log = createLogger(process.env.LOG_LEVEL || 'info');
  start(process.env, log).then((bot) => {
    const shutdown = (signal: string) => {
      log.info({ evt: 'shutdown', signal }, 'shutting down');
      void bot.stop().then(() => process.exit(0));
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  }).catch((e: unknown) => {
    if (e instanceof ConfigError) process.stderr.write(`${e.message}\n`);
    else log.fatal({ evt: 'start_failed', code: (e as Error).name }, 'start-up failed');
    process.exit(1);
  });
}
