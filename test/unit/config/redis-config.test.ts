import { ConfigError, loadConfig, redisTarget } from '../../../src/config';

const refusal = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('accepted');
};

describe('where the store is, from the environment', () => {
  it('is the embedded store with no Redis variable, one Redis with REDIS_URL', () => {
    expect(redisTarget(loadConfig({}))).toBeUndefined();
    expect(redisTarget(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379/0', REDIS_SENTINELS: '' }))).toEqual({ kind: 'single', url: 'redis://127.0.0.1:6379/0' });
  });

  it('is a primary found through Sentinel with REDIS_SENTINELS and REDIS_SENTINEL_NAME', () => {
    const config = loadConfig({
      REDIS_SENTINELS: '10.0.0.11:26379, sentinel-b.example.internal:26380,[::1]:26381', REDIS_SENTINEL_NAME: 'consultations',
      REDIS_SENTINEL_PASSWORD: 'synthetic-sentinel-secret', REDIS_PASSWORD: 'synthetic-data-secret',
    });
    expect(redisTarget(config)).toEqual({
      kind: 'sentinel', name: 'consultations', sentinelPassword: 'synthetic-sentinel-secret', password: 'synthetic-data-secret',
      sentinels: [{ host: '10.0.0.11', port: 26379 }, { host: 'sentinel-b.example.internal', port: 26380 }, { host: '::1', port: 26381 }],
    });
  });

  it('refuses REDIS_URL and REDIS_SENTINELS together rather than guess which holds the cases', () => {
    expect(refusal({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_SENTINELS: '127.0.0.1:26379', REDIS_SENTINEL_NAME: 'm' }))
      .toMatch(/REDIS_URL: set either REDIS_URL .* or REDIS_SENTINELS .*, not both/);
  });

  it('names the variable that is wrong or missing', () => {
    expect(refusal({ REDIS_SENTINELS: '127.0.0.1' , REDIS_SENTINEL_NAME: 'm' })).toMatch(/REDIS_SENTINELS: must be host:port pairs/);
    expect(refusal({ REDIS_SENTINELS: '127.0.0.1:99999', REDIS_SENTINEL_NAME: 'm' })).toMatch(/REDIS_SENTINELS: must be host:port pairs/);
    expect(refusal({ REDIS_SENTINELS: ',', REDIS_SENTINEL_NAME: 'm' })).toMatch(/REDIS_SENTINELS: must be host:port pairs/);
    expect(refusal({ REDIS_SENTINELS: '127.0.0.1:26379' })).toMatch(/REDIS_SENTINEL_NAME: required with REDIS_SENTINELS/);
    expect(refusal({ REDIS_SENTINEL_NAME: 'm' })).toMatch(/REDIS_SENTINELS: required with REDIS_SENTINEL_NAME/);
    expect(refusal({ REDIS_SENTINELS: '127.0.0.1:26379', REDIS_SENTINEL_NAME: 'has space' })).toMatch(/REDIS_SENTINEL_NAME: must be the name/);
    expect(refusal({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_PASSWORD: 'x' })).toMatch(/REDIS_PASSWORD: with REDIS_URL, put the credentials in the URL/);
    expect(refusal({ REDIS_SENTINEL_PASSWORD: 'x' })).toMatch(/REDIS_SENTINEL_PASSWORD: only used with REDIS_SENTINELS/);
  });

  it('takes replica acknowledgement only with Redis, off by default, with a bounded timeout', () => {
    expect(loadConfig({})).toMatchObject({ REDIS_MIN_REPLICAS_ACK: 0, REDIS_REPLICA_ACK_TIMEOUT_MS: 500 });
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_MIN_REPLICAS_ACK: '1', REDIS_REPLICA_ACK_TIMEOUT_MS: '800' }))
      .toMatchObject({ REDIS_MIN_REPLICAS_ACK: 1, REDIS_REPLICA_ACK_TIMEOUT_MS: 800 });
    expect(refusal({ REDIS_MIN_REPLICAS_ACK: '1' })).toMatch(/REDIS_MIN_REPLICAS_ACK: needs Redis/);
    expect(refusal({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_MIN_REPLICAS_ACK: 'one' })).toMatch(/REDIS_MIN_REPLICAS_ACK/);
    expect(refusal({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_REPLICA_ACK_TIMEOUT_MS: '60000' })).toMatch(/REDIS_REPLICA_ACK_TIMEOUT_MS/);
  });
});
