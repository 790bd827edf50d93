import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { loadCatalogues } from './adapters/catalogue/load-catalogues';
import { createInMemoryStore } from './adapters/memory/in-memory-store';
import { connectRedis } from './adapters/redis/connect';
import { createRedisStore } from './adapters/redis/redis-store';
import { createAdapter, createBotEndpoint } from './adapters/teams/bot-endpoint';
import { RateLimiter, TEAMS_CONVERSATION_LIMITS } from './adapters/teams/rate-limiter';
import { TeamsSender } from './adapters/teams/sender';
import { OutboxWorker } from './app/network/outbox-worker';
import type { CloudAdapter } from 'botbuilder';
import { hostname } from 'node:os';
import { consultationInvite } from './adapters/calendar/ics';
import { TeamsDirectory } from './adapters/teams/directory';
import { TeamsNotifier } from './adapters/teams/notifier';
import { JobRunner } from './app/booking/job-runner';
import { seedRoster } from './app/booking/manage-roster';
import type { Edge } from './adapters/teams/booking-actions';
import { hasRole } from './domain/booking/roster';
import { ConsultationBot } from './adapters/teams/consultation-bot';
import type { AppContext } from './app/context';
import { ConfigError, loadConfig, redisTarget, type Config } from './config';
import { seedDemoData } from './demo-data';
import { createHttpServer } from './http/server';
import { createLogger, type Logger } from './logger';
import { failureCode, type Store } from './ports/store';

export interface RunningBot {
  url: string;
  port: number;
  app: AppContext;
  jobs: JobRunner;
  /** Stops taking requests, lets turns in flight finish (up to the grace period), then closes the store. */
  stop(): Promise<void>;
}

function openStore(config: Config, log: Logger): Store {
  const target = redisTarget(config);
  if (!target) return createInMemoryStore();
  const redis = connectRedis(target, log, { replicaAckTimeoutMs: config.REDIS_REPLICA_ACK_TIMEOUT_MS });
  return createRedisStore(redis, {
    draftTtlMs: config.DRAFT_TTL_DAYS * 86_400_000,
    replicaAck: { minReplicas: config.REDIS_MIN_REPLICAS_ACK, timeoutMs: config.REDIS_REPLICA_ACK_TIMEOUT_MS },
  });
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The parts every process shares: the store, the use cases' context, and what the Teams edge knows of people. */
function compose(config: Config, log: Logger) {
  const store = openStore(config, log);
  const app: AppContext = {
    store, clock: { now: () => new Date() }, ids: { next: () => randomUUID() }, catalogues: loadCatalogues(config.CATALOGUE_DIR),
    meetingUrl: (reference, bookingId) => config.MEETING_URL_TEMPLATE.replaceAll('{bookingId}', bookingId).replaceAll('{reference}', reference),
  };
  if (!app.catalogues.has(config.DEFAULT_SERVICE)) throw new ConfigError(`DEFAULT_SERVICE: no catalogue for "${config.DEFAULT_SERVICE}"`);
  const directory = new TeamsDirectory(store.conversations);
  const links = { publicUrl: config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}` };
  const edge: Edge = {
    names: (svc, ids) => directory.names(svc, ids),
    calendarUrl: (r) => `${links.publicUrl}/calendar/${r.service}/${r.reference}/${r.booking!.id}.ics`,
    refreshUserIds: async (svc) => directory.teamsIds(svc, (await store.roster.list(svc)).filter((m) => hasRole(m, 'clinician') || hasRole(m, 'coordinator')).map((m) => m.id)),
  };
  const credentials = {
    appId: config.MICROSOFT_APP_ID, appPassword: config.MICROSOFT_APP_PASSWORD, appType: config.MICROSOFT_APP_TYPE, tenantId: config.MICROSOFT_APP_TENANT_ID,
  };
  return { store, app, directory, edge, links, credentials };
}

/** The outbox worker that delivers notifications through the Bot Framework, within Teams' limits. */
function notifierFor(config: Config, parts: ReturnType<typeof compose>, adapter: CloudAdapter, log: Logger): OutboxWorker {
  const limiter = new RateLimiter(TEAMS_CONVERSATION_LIMITS, config.NOTIFY_GLOBAL_PER_SECOND);
  const sender = new TeamsSender(adapter, config.MICROSOFT_APP_ID, limiter);
  const notifier = new TeamsNotifier({ app: parts.app, edge: parts.edge, directory: parts.directory, sender, log });
  return new OutboxWorker(parts.app, notifier, {
    consumer: `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    blockMs: config.OUTBOX_BLOCK_MS, reclaimIdleMs: config.OUTBOX_RECLAIM_IDLE_MS, maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    onResult: (n, result, attempts, code) => log[result === 'dead' ? 'warn' : 'info']({ evt: 'notify', event: n.event, ref: n.reference, result, attempts, code }, 'notification'),
    onError: (e) => log.warn({ evt: 'outbox_failed', code: failureCode(e) }, 'outbox read failed'),
  });
}

/** The composition root: the one place adapters are built and wired together. */
export async function start(env: NodeJS.ProcessEnv, log: Logger = createLogger(env.LOG_LEVEL || 'info')): Promise<RunningBot> {
  const config = loadConfig(env);
  const parts = compose(config, log);
  const { store, app, directory, edge } = parts;
  const service = config.DEFAULT_SERVICE;
  const seeded = await seedRoster(app, service, config.ROSTER);
  if (seeded > 0) log.info({ evt: 'roster_seeded', members: seeded }, 'roster seeded from configuration');
  if (!redisTarget(config) && config.DEMO_DATA) {
    const refs = await seedDemoData(app, config.DEMO_USER_ID, service);
    log.info({ evt: 'demo_data', refs }, 'demo data loaded');
  }
  // The bot's kick() refers to the runner only once turns flow, after the server listens.
  const bot = new ConsultationBot({ app, log, defaultService: service, edge, directory, kick: () => void jobs.kick() });
  const endpoint = createBotEndpoint(parts.credentials, bot, log);
  const jobs = new JobRunner(app, {
    pollMs: config.JOB_POLL_MS, leaseMs: config.JOB_LEASE_MS,
    onResult: (job, result) => log.info({ evt: 'job', kind: job.kind, ref: job.reference, result }, 'job run'),
    onError: (e) => log.warn({ evt: 'jobs_failed', code: failureCode(e) }, 'job pass failed'),
  });
  const notifier = config.NOTIFIER === 'inline' ? notifierFor(config, parts, endpoint.adapter, log) : undefined;
  const http = createHttpServer({
    endpoint, health: () => store.ping(),
    calendar: async ({ service: svc, reference, bookingId }) => {
      const request = app.catalogues.has(svc) ? await store.requests.get(svc, reference).catch(() => null) : null;
      return request?.booking?.id === bookingId ? consultationInvite(request, app.catalogues.get(svc)!.name) : null;
    },
  });
  await new Promise<void>((resolve) => http.server.listen(config.PORT, config.HOST, resolve));
  const { port } = http.server.address() as AddressInfo;
  if (!config.PUBLIC_URL) parts.links.publicUrl = `http://${config.HOST}:${port}`;
  jobs.start();
  notifier?.start();
  log.info({ evt: 'listening', port, store: redisTarget(config) ? 'redis' : 'memory', redis: redisTarget(config)?.kind, auth: config.MICROSOFT_APP_ID ? 'bot-framework' : 'local', notifier: config.NOTIFIER }, 'bot started');
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${config.HOST}:${port}`,
    port,
    app,
    jobs,
    stop: () => (stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => http.server.close(() => resolve()));
      await Promise.all([jobs.stop(), notifier?.stop()]);
      const deadline = Date.now() + config.SHUTDOWN_GRACE_MS;
      while (http.inFlight() > 0 && Date.now() < deadline) await wait(20);
      await store.close();
      await Promise.race([closed, wait(500)]);
      log.info({ evt: 'stopped', unfinished: http.inFlight() }, 'bot stopped');
    })()),
  };
}

/** The notifier on its own (`npm run notifier`): the same outbox worker, for scaling delivery apart from the bot. */
export async function startNotifier(env: NodeJS.ProcessEnv, log: Logger = createLogger(env.LOG_LEVEL || 'info')): Promise<{ stop(): Promise<void> }> {
  const config = loadConfig(env);
  if (!redisTarget(config)) throw new ConfigError('REDIS_URL or REDIS_SENTINELS: a separate notifier needs the shared Redis');
  const parts = compose(config, log);
  const worker = notifierFor(config, parts, createAdapter(parts.credentials), log);
  worker.start();
  log.info({ evt: 'notifier_started' }, 'notifier started');
  return {
    stop: async () => {
      await worker.stop();
      await parts.store.close();
      log.info({ evt: 'notifier_stopped' }, 'notifier stopped');
    },
  };
}

/** Runs `run` as this process, stopping it cleanly on SIGTERM or SIGINT. */
export function runProcess(run: (env: NodeJS.ProcessEnv, log: Logger) => Promise<{ stop(): Promise<void> }>): void {
  const log = createLogger(process.env.LOG_LEVEL || 'info');
  run(process.env, log).then((running) => {
    const shutdown = (signal: string) => {
      log.info({ evt: 'shutdown', signal }, 'shutting down');
      void running.stop().then(() => process.exit(0));
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  }).catch((e: unknown) => {
    if (e instanceof ConfigError) process.stderr.write(`${e.message}\n`);
    else log.fatal({ evt: 'start_failed', code: (e as Error).name }, 'start-up failed');
    process.exit(1);
  });
}

if (require.main === module) runProcess(start);
