import { Writable } from 'node:stream';
import { recordLog } from './transcript';
import { createLogger } from '../../src/logger';
import { start, type RunningBot } from '../../src/main';
import { BotClient } from './bot-client';
import { startConnectorStub, type ConnectorCall, type ConnectorStub, type ConnectorStubOptions } from './connector-stub';
import { startRedis, type PrivateRedis } from './redis-server';

/** Everything the bot logged, kept for assertions (for example that no personal data appears). */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    const lines = chunk.toString().split('\n').filter(Boolean);
    this.lines.push(...lines);
    lines.forEach(recordLog);
    done();
  }
}

export interface Harness {
  bot: RunningBot;
  client: BotClient;
  calls: ConnectorCall[];
  connector: ConnectorStub;
  logs: LogCapture;
  /** Stops this bot and starts another on the same store settings, as a restart would. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Polls until `check` holds (messages sent by background jobs arrive a moment after the action). */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A real bot (restify + CloudAdapter) on a free port, with a connector stub for what it sends. */
export async function startHarness(env: Record<string, string>, stub: ConnectorStubOptions = {}): Promise<Harness> {
  const connector = await startConnectorStub(stub);
  const logs = new LogCapture();
  // Inbound limits are off unless a test turns them on: fuzzing and races send far faster than a person could.
  const fullEnv = { PORT: '0', LOG_LEVEL: 'info', DEMO_DATA: 'false', SHUTDOWN_GRACE_MS: '2000', INBOUND_USER_PER_MINUTE: '0', INBOUND_TENANT_PER_MINUTE: '0', ...env };
  const h = {
    bot: await start(fullEnv, createLogger('info', logs)),
    calls: connector.calls,
    connector,
    logs,
  } as Harness;
  h.client = new BotClient(h.bot.url, connector.url, connector.calls);
  h.restart = async () => {
    await h.bot.stop();
    h.bot = await start(fullEnv, createLogger('info', logs));
    h.client = new BotClient(h.bot.url, connector.url, connector.calls);
  };
  h.stop = async () => {
    await h.bot.stop();
    await connector.stop();
  };
  return h;
}

/**
 * Registers beforeAll/afterAll for one bot on its own private Redis, shared by a test file's tests.
 * The returned object is filled in before the first test runs.
 */
export function useBotOnRedis(extraEnv: Record<string, string> = {}, stub: ConnectorStubOptions = {}): { redis: PrivateRedis; h: Harness } {
  const env = {} as { redis: PrivateRedis; h: Harness };
  beforeAll(async () => {
    env.redis = await startRedis();
    env.h = await startHarness({ REDIS_URL: env.redis.url, ...extraEnv }, stub);
  });
  afterAll(async () => {
    await env.h?.stop();
    await env.redis?.stop();
  });
  return env;
}
