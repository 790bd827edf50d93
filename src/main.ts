import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { loadCatalogues } from './adapters/catalogue/load-catalogues';
import type { RedisClient } from './adapters/redis/client';
import { connectRedis } from './adapters/redis/connect';
import { consultationInvite } from './adapters/calendar/ics';
import { createInMemoryStore } from './adapters/memory/in-memory-store';
import { migrateRequestIndexes } from './adapters/redis/migrate-indexes';
import { createRedisStore, migrateLegacyDirectory } from './adapters/redis/redis-store';
import { createTabEdge } from './adapters/tab';
import { createTeamsEdge, createTeamsNotifier, type TeamsEdgeOptions } from './adapters/teams';
import { JobRunner } from './app/booking/job-runner';
import { seedRosters } from './app/booking/manage-roster';
import { parseTriageTeams, type TriageTeams } from './app/booking/triage-channel';
import { exportByLink } from './app/retention/export-case';
import { schedulePurges } from './app/retention/purge-job';
import type { AppContext } from './app/context';
import { OutboxWorker } from './app/network/outbox-worker';
import { allowedTenants, ConfigError, loadConfig, redisTarget, storeKind, type Config } from './config';
import { seedDemoData } from './demo-data';
import { createHttpServer } from './http/server';
import { createLogger, type Logger } from './logger';
import type { Notifier } from './ports/notifier';
import { failureCode, type Store } from './ports/store';
import { unsupportedRuntime } from './runtime';

export interface RunningBot {
  url: string;
  port: number;
  app: AppContext;
  jobs: JobRunner;
  /** Stops taking requests, lets turns in flight finish (up to the grace period), then closes the store. */
  stop(): Promise<void>;
}

/** The store the configuration names (the CLIs open it too): Redis (single, Sentinel or Cluster), or the embedded in-memory store; `redis` is the client under it, when it is Redis. */
export function openStore(config: Config, log: Logger): { store: Store; redis?: RedisClient; migrate(services: readonly string[]): Promise<void> } {
  const target = redisTarget(config);
  if (!target) return { store: createInMemoryStore(), migrate: async () => undefined };
  const redis = connectRedis(target, log, { replicaAckTimeoutMs: config.REDIS_REPLICA_ACK_TIMEOUT_MS });
  return {
    store: createRedisStore(redis, {
      draftTtlMs: config.DRAFT_TTL_DAYS * 86_400_000,
      replicaAck: { minReplicas: config.REDIS_MIN_REPLICAS_ACK, timeoutMs: config.REDIS_REPLICA_ACK_TIMEOUT_MS },
    }),
    redis,
    async migrate(services) {
      const moved = await migrateLegacyDirectory(redis, services);
      if (moved > 0) log.info({ evt: 'directory_migrated', entries: moved }, 'addresses moved to the shared directory');
      const indexed = await migrateRequestIndexes(redis, services);
      if (indexed > 0) log.info({ evt: 'indexes_built', requests: indexed }, 'requests indexed by status and linked conversation');
    },
  };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The use cases' context on a store: the real clock, random ids, the catalogues in force. */
export function appContextFor(config: Config, store: Store): AppContext {
  return {
    store, clock: { now: () => new Date() }, ids: { next: () => randomUUID() }, catalogues: loadCatalogues(config.CATALOGUE_DIR),
    meetingUrl: (reference, bookingId) => config.MEETING_URL_TEMPLATE.replaceAll('{bookingId}', bookingId).replaceAll('{reference}', reference),
  };
}

/** The parts every process shares: the store, the use cases' context, and how the Teams edge is put together. */
function compose(config: Config, log: Logger) {
  const { store, migrate } = openStore(config, log);
  const app = appContextFor(config, store);
  if (config.DEFAULT_SERVICE && !app.catalogues.has(config.DEFAULT_SERVICE)) throw new ConfigError(`DEFAULT_SERVICE: no catalogue for "${config.DEFAULT_SERVICE}"`);
  const links = { publicUrl: config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}` };
  const teams: TeamsEdgeOptions = {
    credentials: { appId: config.MICROSOFT_APP_ID, appPassword: config.MICROSOFT_APP_PASSWORD, appType: config.MICROSOFT_APP_TYPE, tenantId: config.MICROSOFT_APP_TENANT_ID },
    app, log, notifyGlobalPerSecond: config.NOTIFY_GLOBAL_PER_SECOND,
    links: {
      calendarUrl: (r) => `${links.publicUrl}/calendar/${r.service}/${r.reference}/${r.booking!.id}.ics`,
      exportUrl: (service, reference, token) => `${links.publicUrl}/export/${service}/${reference}/${token}`,
      exportTtlMs: config.EXPORT_LINK_MINUTES * 60_000,
    },
  };
  return { store, app, links, teams, migrate: () => migrate([...app.catalogues.keys()]) };
}

/** TRIAGE_TEAM_IDS read against the services in force; one naming another service stops start-up, naming the variable. */
function triageTeamsOf(config: Config, app: AppContext): TriageTeams {
  try {
    return parseTriageTeams(config.TRIAGE_TEAM_IDS, [...app.catalogues.keys()]);
  } catch (e) {
    throw new ConfigError(`TRIAGE_TEAM_IDS: ${(e as Error).message}`);
  }
}

/** The outbox worker that delivers notifications, within the channel's limits. */
function outboxWorker(config: Config, app: AppContext, notifier: Notifier, log: Logger): OutboxWorker {
  return new OutboxWorker(app, notifier, {
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
  const { store, app } = parts;
  await parts.migrate();
  const service = config.DEFAULT_SERVICE ?? [...app.catalogues.keys()][0]!;
  const seeded = await seedRosters(app, service, config.ROSTER);
  if (seeded > 0) log.info({ evt: 'roster_seeded', members: seeded }, 'roster seeded from configuration');
  if (storeKind(config) === 'memory' && config.DEMO_DATA) {
    for (const demo of app.catalogues.keys()) {
      const refs = await seedDemoData(app, config.DEMO_USER_ID, demo);
      log.info({ evt: 'demo_data', service: demo, refs }, 'demo data loaded');
    }
  }
  // The bot's kick() refers to the runner only once turns flow, after the server listens.
  const triageTeams = triageTeamsOf(config, app);
  const tenants = allowedTenants(config);
  const teams = createTeamsEdge({
    ...parts.teams, kick: () => jobs.nudge(), triageTeams,
    policy: { tenants, localMode: !config.MICROSOFT_APP_ID },
    limits: { perUserPerMinute: config.INBOUND_USER_PER_MINUTE, perTenantPerMinute: config.INBOUND_TENANT_PER_MINUTE },
  });
  const endpoint = teams.endpoint;
  const jobs = new JobRunner(app, {
    pollMs: config.JOB_POLL_MS, leaseMs: config.JOB_LEASE_MS,
    onResult: (job, result) => log.info({ evt: 'job', kind: job.kind, ref: job.reference, result }, 'job run'),
    onError: (e) => log.warn({ evt: 'jobs_failed', code: failureCode(e) }, 'job pass failed'),
  });
  const notifier = config.NOTIFIER === 'inline' ? outboxWorker(config, app, teams.notifier(), log) : undefined;
  const tab = await createTabEdge(config, app, log, () => parts.links.publicUrl);
  const http = createHttpServer({
    endpoint, health: () => store.ping(), routes: tab.register,
    calendar: async ({ service: svc, reference, bookingId }) => {
      const request = app.catalogues.has(svc) ? await store.requests.get(svc, reference).catch(() => null) : null;
      // The invite's link stops working ICS_LINK_DAYS after the consultation ends: it is a bearer link, and nobody needs it then.
      const live = request?.booking?.id === bookingId && app.clock.now().getTime() <= Date.parse(request.booking.end) + config.ICS_LINK_DAYS * 86_400_000;
      return live ? consultationInvite(request, app.catalogues.get(svc)!.name) : null;
    },
    exportFile: async ({ service: svc, reference, token }) => {
      if (!app.catalogues.has(svc)) return null;
      const file = await exportByLink(app, { service: svc, reference, token });
      return file ? JSON.stringify(file, null, 2) : null;
    },
  });
  await new Promise<void>((resolve) => http.server.listen(config.PORT, config.HOST, resolve));
  const { port } = http.server.address() as AddressInfo;
  if (!config.PUBLIC_URL) parts.links.publicUrl = `http://${config.HOST}:${port}`;
  await schedulePurges(app);
  jobs.start();
  notifier?.start();
  log.info({
    evt: 'listening', port, store: storeKind(config), auth: config.MICROSOFT_APP_ID ? 'bot-framework' : 'local', tab_sso: tab.sso, notifier: config.NOTIFIER, node: process.version,
    tenants: tenants === 'any' ? 'any' : tenants.size,
  }, 'bot started');
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
  if (!redisTarget(config)) throw new ConfigError('REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES: a separate notifier needs the shared Redis');
  const parts = compose(config, log);
  await parts.migrate();
  const worker = outboxWorker(config, parts.app, createTeamsNotifier(parts.teams), log);
  worker.start();
  log.info({ evt: 'notifier_started', node: process.version }, 'notifier started');
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
  const unsupported = unsupportedRuntime(process.version);
  if (unsupported) {
    process.stderr.write(`${unsupported}\n`);
    process.exit(1);
  }
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
