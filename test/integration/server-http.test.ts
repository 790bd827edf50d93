import { spawnSync } from 'node:child_process';
import { loadConfig } from '../../src/config';
import { startHarness } from '../support/bot-harness';
import { startRedis } from '../support/redis-server';

describe('the HTTP server', () => {
  it('answers 401 to an unauthenticated post once an app id is set', async () => {
    const h = await startHarness({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'synthetic-secret' });
    try {
      const res = await h.client.post({ type: 'message', text: 'hi', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9/', from: { id: 'u' }, recipient: { id: 'b' }, conversation: { id: 'c' } });
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

  it('reports on /healthz whether the store answers', async () => {
    const redis = await startRedis();
    const h = await startHarness({ REDIS_URL: redis.url });
    try {
      const up = await fetch(`${h.bot.url}/healthz`);
      expect([up.status, await up.json()]).toEqual([200, { status: 'ok', store: 'up' }]);
      await redis.kill();
      const down = await fetch(`${h.bot.url}/healthz`);
      expect([down.status, await down.json()]).toEqual([503, { status: 'degraded', store: 'down' }]);
      expect(h.logs.lines.join('\n')).toContain('"evt":"redis_error","code":"ECONNREFUSED"');
    } finally {
      await h.stop();
      await redis.stop();
    }
  });

  it('stops start-up with a message naming a wrong variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', REDIS_URL: 'http://nope' })).toThrow(/PORT[\s\S]*REDIS_URL: must be a redis/);
    const run = spawnSync('npx', ['tsx', 'src/main.ts'], { env: { ...process.env, LOG_LEVEL: 'silent', MICROSOFT_APP_TYPE: 'Sometimes' }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('MICROSOFT_APP_TYPE');
  }, 30_000);
});
