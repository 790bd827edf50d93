import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import { loadCatalogues } from './adapters/catalogue/load-catalogues';
import { createInMemoryStore } from './adapters/memory/in-memory-store';
import { createRedisStore } from './adapters/redis/redis-store';
import { createBotEndpoint } from './adapters/teams/bot-endpoint';
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
  const app: AppContext = { store, clock: { now: () => new Date() }, ids: { next: () => randomUUID() }, catalogues: loadCatalogues(config.CATALOGUE_DIR) };
  if (!app.catalogues.has(config.DEFAULT_SERVICE)) throw new ConfigError(`DEFAULT_SERVICE: no catalogue for "${config.DEFAULT_SERVICE}"`);
  if (!config.REDIS_URL && config.DEMO_DATA) {
    const refs = await seedDemoData(app, config.DEMO_USER_ID, config.DEFAULT_SERVICE);
    log.info({ evt: 'demo_data', refs }, 'demo data loaded');
  }
  const bot = new ConsultationBot({ app, log, defaultService: config.DEFAULT_SERVICE });
  const endpoint = createBotEndpoint({
    appId: config.MICROSOFT_APP_ID, appPassword: config.MICROSOFT_APP_PASSWORD, appType: config.MICROSOFT_APP_TYPE, tenantId: config.MICROSOFT_APP_TENANT_ID,
  }, bot, log);
  const http = createHttpServer({ endpoint, health: () => store.ping() });
  await new Promise<void>((resolve) => http.server.listen(config.PORT, config.HOST, resolve));
  const { port } = http.server.address() as AddressInfo;
  log.info({ evt: 'listening', port, store: config.REDIS_URL ? 'redis' : 'memory', auth: config.MICROSOFT_APP_ID ? 'bot-framework' : 'local' }, 'bot started');
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${config.HOST}:${port}`,
    port,
    app,
    stop: () => (stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => http.server.close(() => resolve()));
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
