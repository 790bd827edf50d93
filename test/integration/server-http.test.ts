import { spawnSync } from 'node:child_process';
import { loadConfig } from '../../src/config';
import { BotProcess } from '../e2e/support/bot-process';
import { startHarness } from '../support/bot-harness';
import { freePort, startRedis } from '../support/redis-server';

/** A message activity whose JSON is exactly `bytes` long, padded in channelData (which the bot ignores). */
const activityOfSize = (bytes: number, serviceUrl: string) => {
  const activity = (pad: string) => ({
    type: 'message', id: 'size-probe', text: 'help', channelId: 'msteams', serviceUrl, channelData: { pad },
    from: { id: '29:aad-size-probe', aadObjectId: 'aad-size-probe', name: 'Synthetic Prober' }, recipient: { id: '28:bot', name: 'Consultations' },
    conversation: { id: 'a:personal-size-probe', conversationType: 'personal', tenantId: 'tenant-synthetic' },
  });
  const body = activity('x'.repeat(bytes - JSON.stringify(activity('')).length));
  expect(JSON.stringify(body)).toHaveLength(bytes);
  return body;
};

describe('the HTTP server', () => {
  it('answers 401 to an unauthenticated post once an app id is set', async () => {
    const h = await startHarness({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'synthetic-secret', MICROSOFT_APP_TENANT_ID: 'tenant-synthetic' });
    try {
      const res = await h.client.post({ type: 'message', text: 'hi', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/', from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: 'c', tenantId: 'tenant-synthetic' } });
      expect(res.status).toBe(401);
      expect(h.calls).toHaveLength(0);
    } finally {
      await h.stop();
    }
  });

  it('answers 400, echoing nothing, to a body that is not an activity', async () => {
    const h = await startHarness({});
    try {
      for (const body of [{}, { type: 5 }]) {
        const res = await h.client.post(body);
        expect(res).toEqual({ status: 400, body: { error: 'not_an_activity' } });
      }
      expect(h.calls).toHaveLength(0);
    } finally {
      await h.stop();
    }
  });

  it('takes an activity of up to 256 KB and refuses a larger one with 413 before the bot sees it', async () => {
    const h = await startHarness({});
    try {
      const limit = 256 * 1024;
      const atLimit = await h.client.post(activityOfSize(limit, h.connector.url));
      expect(atLimit.status).toBe(200);
      const answered = h.calls.length;
      expect(answered).toBeGreaterThan(0);
      const over = await h.client.post(activityOfSize(limit + 1, h.connector.url));
      expect(over.status).toBe(413);
      expect(h.calls).toHaveLength(answered);
    } finally {
      await h.stop();
    }
  });

  it('reports on /healthz whether the store answers, and which Node runs the bot', async () => {
    const redis = await startRedis();
    const h = await startHarness({ REDIS_URL: redis.url });
    try {
      const up = await fetch(`${h.bot.url}/healthz`);
      expect([up.status, await up.json()]).toEqual([200, { status: 'ok', store: 'up', node: process.version }]);
      await redis.kill();
      const down = await fetch(`${h.bot.url}/healthz`);
      expect([down.status, await down.json()]).toEqual([503, { status: 'degraded', store: 'down', node: process.version }]);
      expect(h.logs.lines.join('\n')).toContain('"evt":"redis_error","code":"ECONNREFUSED"');
    } finally {
      await h.stop();
      await redis.stop();
    }
  });

  it('starts as its own process with no deprecation or other warning, saying which Node runs it', async () => {
    const bot = new BotProcess({ LOG_LEVEL: 'info', DEMO_DATA: 'false' }, await freePort());
    try {
      await bot.start();
    } finally {
      await bot.stop();
    }
    const started = bot.output.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.evt === 'listening');
    expect(started).toMatchObject({ msg: 'bot started', node: process.version });
    // Node prints "(node:PID) [DEP0111] DeprecationWarning: ..." and the like on stderr, which BotProcess keeps.
    expect(bot.output).not.toMatch(/Warning|\[DEP\d+\]/);
  }, 30_000);

  it('stops start-up with a message naming a wrong variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', REDIS_URL: 'http://nope' })).toThrow(/PORT[\s\S]*REDIS_URL: must be a redis/);
    const run = spawnSync('npx', ['tsx', 'src/main.ts'], { env: { ...process.env, LOG_LEVEL: 'silent', MICROSOFT_APP_TYPE: 'Sometimes' }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('MICROSOFT_APP_TYPE');
  }, 30_000);
});
