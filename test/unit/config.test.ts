import { allowedTenants, loadConfig, storeKind } from '../../src/config';

describe('REDIS_CLUSTER_NODES', () => {
  it('takes the cluster nodes as host:port, comma-separated, with IPv6 hosts in brackets', () => {
    const config = loadConfig({ REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b.internal:7001,[fd00::3]:7002' });
    expect(config.REDIS_CLUSTER_NODES).toEqual([{ host: '10.0.0.1', port: 7000 }, { host: 'redis-b.internal', port: 7001 }, { host: 'fd00::3', port: 7002 }]);
    expect(storeKind(config)).toBe('cluster');
  });

  it.each(['10.0.0.1', '10.0.0.1:7000,', 'redis-a:70000', 'redis-a:0', 'redis://redis-a:7000', 'redis-a 7000'])('refuses %j, naming the variable and the entry', (value) => {
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: value })).toThrow(/REDIS_CLUSTER_NODES: must be host:port pairs, comma-separated \(not "/);
  });

  it('refuses REDIS_URL and REDIS_CLUSTER_NODES together rather than guess which store was meant', () => {
    expect(() => loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', REDIS_CLUSTER_NODES: '127.0.0.1:7000' }))
      .toThrow(/REDIS_CLUSTER_NODES: set one of REDIS_URL \(one Redis server\), REDIS_SENTINELS .* or REDIS_CLUSTER_NODES \(a Redis Cluster\), not several/);
  });

  it('leaves the store as before when unset or empty', () => {
    expect(storeKind(loadConfig({ REDIS_CLUSTER_NODES: '' }))).toBe('memory');
    expect(storeKind(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }))).toBe('redis');
  });
});

describe('the workspace tab\'s sign-in', () => {
  const SSO = { TAB_SSO_AUDIENCE: 'api://tab.example.test/app-1, app-1', TAB_SSO_ISSUER: 'https://login.microsoftonline.com/{tenantid}/v2.0', TAB_SSO_JWKS_URL: 'https://login.microsoftonline.com/common/discovery/v2.0/keys' };

  it('takes the three TAB_SSO_* settings together, audiences and tenants as lists', () => {
    const config = loadConfig({ ...SSO, ALLOWED_TENANTS: 'tenant-a,, tenant-b' });
    expect(config.TAB_SSO_AUDIENCE).toEqual(['api://tab.example.test/app-1', 'app-1']);
    expect(config.ALLOWED_TENANTS).toEqual(['tenant-a', 'tenant-b']);
  });

  it('refuses some of the TAB_SSO_* settings without the others', () => {
    expect(() => loadConfig({ TAB_SSO_ISSUER: SSO.TAB_SSO_ISSUER })).toThrow(/TAB_SSO_AUDIENCE: set TAB_SSO_AUDIENCE, TAB_SSO_ISSUER and TAB_SSO_JWKS_URL together/);
  });

  it.each(['http://keys.example.test/keys', 'ftp://127.0.0.1/keys', 'not a url'])('refuses signing keys from %j (https, or http on this machine only)', (url) => {
    expect(() => loadConfig({ ...SSO, TAB_SSO_JWKS_URL: url })).toThrow(/TAB_SSO_JWKS_URL: must be an https URL/);
  });

  it.each(['0.0.0.0', '10.0.0.5', 'bot.example.org', '::'])('refuses the local token issuer on the non-loopback HOST %j', (host) => {
    expect(() => loadConfig({ TAB_LOCAL_ISSUER: 'true', HOST: host })).toThrow(/TAB_LOCAL_ISSUER: the local token issuer runs on a loopback HOST only/);
  });

  it('refuses the local token issuer behind a public address, or beside real SSO settings', () => {
    expect(() => loadConfig({ TAB_LOCAL_ISSUER: 'true', PUBLIC_URL: 'https://bot.example.org' })).toThrow(/cannot run behind a PUBLIC_URL/);
    expect(() => loadConfig({ TAB_LOCAL_ISSUER: 'true', ...SSO })).toThrow(/use the local token issuer or TAB_SSO_\*, not both/);
  });

  it.each(['127.0.0.1', 'localhost', '::1', '127.0.0.2'])('lets the local token issuer run on the loopback HOST %j', (host) => {
    expect(loadConfig({ TAB_LOCAL_ISSUER: 'true', HOST: host }).TAB_LOCAL_ISSUER).toBe(true);
  });
});

describe('local mode and tenancy', () => {
  it('refuses local mode off loopback unless ALLOW_LOCAL_MODE_ON_NETWORK=true', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/MICROSOFT_APP_ID: is empty[\s\S]*ALLOW_LOCAL_MODE_ON_NETWORK=true/);
    expect(loadConfig({ HOST: '0.0.0.0', ALLOW_LOCAL_MODE_ON_NETWORK: 'true' }).HOST).toBe('0.0.0.0');
    for (const host of ['127.0.0.1', '127.8.0.1', 'localhost', '::1', '[::1]']) expect(loadConfig({ HOST: host }).HOST).toBe(host);
    expect(loadConfig({ HOST: '0.0.0.0', MICROSOFT_APP_ID: 'app', MICROSOFT_APP_TENANT_ID: 't' }).HOST).toBe('0.0.0.0');
  });

  it('makes SingleTenant the default, which needs the tenant id once an app id is set', () => {
    expect(loadConfig({}).MICROSOFT_APP_TYPE).toBe('SingleTenant');
    expect(() => loadConfig({ MICROSOFT_APP_ID: 'app' })).toThrow(/MICROSOFT_APP_TENANT_ID: is required with MICROSOFT_APP_TYPE=SingleTenant/);
  });

  it('serves ALLOWED_TENANTS, else a single-tenant app\'s own tenant, else any', () => {
    expect(allowedTenants(loadConfig({ ALLOWED_TENANTS: 'a, b,' }))).toEqual(new Set(['a', 'b']));
    expect(allowedTenants(loadConfig({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_TENANT_ID: 'home' }))).toEqual(new Set(['home']));
    expect(allowedTenants(loadConfig({ MICROSOFT_APP_ID: 'app', MICROSOFT_APP_TYPE: 'MultiTenant' }))).toBe('any');
    expect(allowedTenants(loadConfig({}))).toBe('any');
  });

  it('keeps demo data off unless asked for (npm start and npm run playground ask)', () => {
    expect(loadConfig({}).DEMO_DATA).toBe(false);
  });
});
