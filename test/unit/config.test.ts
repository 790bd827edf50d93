import { loadConfig, storeKind } from '../../src/config';

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
