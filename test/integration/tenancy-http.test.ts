import { spawnSync } from 'node:child_process';
import { cardText } from '../support/bot-client';
import { startHarness, type Harness } from '../support/bot-harness';
import { startRedis, type PrivateRedis } from '../support/redis-server';

/** A "help" message from a person in a tenant, over a channel. */
const message = (h: Harness, o: { user: string; tenant?: string; channelId?: string }) => ({
  type: 'message', id: `ten-${o.user}`, text: 'help', channelId: o.channelId ?? 'msteams', serviceUrl: h.connector.url, timestamp: new Date().toISOString(),
  from: { id: `29:${o.user}`, aadObjectId: o.user, name: 'Synthetic Tenant User' }, recipient: { id: '28:bot', name: 'Consultations' },
  conversation: { id: `a:personal-${o.user}`, conversationType: 'personal', ...(o.tenant ? { tenantId: o.tenant } : {}) },
  ...(o.tenant ? { channelData: { tenant: { id: o.tenant } } } : {}),
});

describe('tenancy and channel', () => {
  let redis: PrivateRedis;
  let h: Harness;
  beforeAll(async () => {
    redis = await startRedis();
    h = await startHarness({ REDIS_URL: redis.url, ALLOWED_TENANTS: 'tenant-synthetic, tenant-second' });
  });
  afterAll(async () => {
    await h?.stop();
    await redis?.stop();
  });
  const keys = async () => (await redis.client().keys('*')).sort();

  it('refuses activities from another tenant, or none, with 403 and stores nothing of them', async () => {
    const before = await keys();
    const calls = h.calls.length;
    for (const tenant of ['tenant-elsewhere', undefined]) {
      const res = await h.client.post(message(h, { user: 'aad-foreign', ...(tenant ? { tenant } : {}) }));
      expect(res).toEqual({ status: 403, body: { error: 'tenant_not_allowed' } });
    }
    expect(h.calls).toHaveLength(calls);
    expect(await keys()).toEqual(before);
  });

  it('serves the allowed tenants', async () => {
    for (const tenant of ['tenant-synthetic', 'tenant-second']) {
      const calls = h.calls.length;
      expect((await h.client.post(message(h, { user: `aad-home-${tenant}`, tenant }))).status).toBe(200);
      expect(cardText(h.calls.slice(calls).map((c) => c.body))).toContain('Specialist consultation requests');
    }
  });

  it('refuses channels other than Teams (and the playground\'s in local mode) with 403', async () => {
    const before = await keys();
    const res = await h.client.post(message(h, { user: 'aad-other-channel', tenant: 'tenant-synthetic', channelId: 'slack' }));
    expect(res).toEqual({ status: 403, body: { error: 'channel_not_allowed' } });
    expect(await keys()).toEqual(before);
    // This bot is in local mode (no app id): the Agents Playground may speak as the emulator.
    expect((await h.client.post(message(h, { user: 'aad-emulator', tenant: 'tenant-synthetic', channelId: 'emulator' }))).status).toBe(200);
  });

  it('with an app id, serves msteams only, and a single-tenant app only its own tenant by default', async () => {
    const authed = await startHarness({
      REDIS_URL: redis.url, MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000002', MICROSOFT_APP_PASSWORD: 'synthetic-secret', MICROSOFT_APP_TENANT_ID: 'tenant-synthetic',
    });
    try {
      expect((await authed.client.post(message(authed, { user: 'aad-x', tenant: 'tenant-synthetic', channelId: 'emulator' }))).status).toBe(403);
      expect((await authed.client.post(message(authed, { user: 'aad-x', tenant: 'tenant-second' }))).status).toBe(403);
      // The right channel and tenant still need a Bot Framework token.
      expect((await authed.client.post(message(authed, { user: 'aad-x', tenant: 'tenant-synthetic' }))).status).toBe(401);
      expect(authed.calls).toHaveLength(0);
    } finally {
      await authed.stop();
    }
  });
});

describe('local mode (no MICROSOFT_APP_ID)', () => {
  const run = (env: Record<string, string>) => spawnSync('npx', ['tsx', 'src/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'silent', MICROSOFT_APP_ID: '', ALLOW_LOCAL_MODE_ON_NETWORK: '', PORT: '0', ...env }, encoding: 'utf8', timeout: 30_000,
  });

  it.each(['0.0.0.0', '::', '10.1.2.3'])('refuses to start on HOST=%s, naming MICROSOFT_APP_ID and ALLOW_LOCAL_MODE_ON_NETWORK', (host) => {
    const started = run({ HOST: host });
    expect(started.status).toBe(1);
    expect(started.stderr).toContain('MICROSOFT_APP_ID');
    expect(started.stderr).toContain('ALLOW_LOCAL_MODE_ON_NETWORK=true');
  }, 30_000);
});
