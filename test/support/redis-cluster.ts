import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Redis, { type Cluster } from 'ioredis';
import { connectCluster } from '../../src/adapters/redis/connect-cluster';
import { freePort, waitForPing } from './redis-server';

const run = promisify(execFile);

/**
 * A private Redis Cluster for one test file: three primaries and no replicas on 127.0.0.1, each with its
 * own ports and data folder, AOF on as in production. Slots are split evenly by `redis-cli --cluster create`.
 */
export interface PrivateRedisCluster {
  nodes: { host: string; port: number }[];
  /** The nodes as REDIS_CLUSTER_NODES takes them. */
  env: string;
  /** A new cluster client, made as the bot makes it (auto-pipelining on); closed by stop(). */
  client(): Cluster;
  /** The node (by port) that serves a key's slot, asked of the cluster itself. */
  nodeFor(key: string): Promise<number>;
  /** Every key on one node (by port): what that primary alone holds. */
  keysOn(port: number): Promise<string[]>;
  /** `cluster_state` as one node (by port) sees it: `ok`, or `fail` once it counts some slot unserved. */
  stateOn(port: number): Promise<string>;
  /** Kills one node (by port) with SIGKILL, as a crash would; its slots stay unserved (no replicas). */
  kill(port: number): Promise<void>;
  /** Empties every primary. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/** `count` distinct free ports (the kernel may hand the same one out twice in a row). */
async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}

async function clusterReady(admin: Redis, deadline: number): Promise<void> {
  for (;;) {
    const info = await admin.cluster('INFO');
    if (info.includes('cluster_state:ok')) return;
    if (Date.now() > deadline) throw new Error(`cluster on ${admin.options.port} not ready: ${/cluster_state:\w+/.exec(info)?.[0]}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startRedisCluster(primaries = 3): Promise<PrivateRedisCluster> {
  // Redis 7 takes the cluster bus port explicitly, so it need not be port + 10000 (which may be taken or past 65535).
  const ports = await freePorts(primaries * 2);
  const nodes = ports.slice(0, primaries).map((port) => ({ host: '127.0.0.1', port }));
  const dirs: string[] = [];
  const procs: ChildProcess[] = [];
  const admins: Redis[] = [];
  const clients: Cluster[] = [];
  const kill = (p: ChildProcess) => (p.exitCode !== null || p.signalCode !== null ? Promise.resolve()
    : new Promise<void>((resolve) => { p.once('exit', () => resolve()); p.kill('SIGKILL'); }));
  const stop = async () => {
    // A client that still counts a killed node as ready would wait on its QUIT for ever.
    clients.forEach((c) => c.disconnect());
    admins.forEach((a) => a.disconnect());
    await Promise.all(procs.map(kill));
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  };
  try {
    nodes.forEach(({ port }, i) => {
      const dir = mkdtempSync(join(tmpdir(), 'cb-redis-cluster-'));
      dirs.push(dir);
      procs.push(spawn('redis-server', [
        '--port', String(port), '--cluster-port', String(ports[primaries + i]), '--bind', '127.0.0.1', '--dir', dir, '--save', '',
        '--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '2000',
        '--appendonly', 'yes', '--appendfsync', 'always', '--daemonize', 'no', '--loglevel', 'warning',
      ], { stdio: 'ignore' }));
    });
    await Promise.all(nodes.map(({ port }) => waitForPing(port)));
    await run('redis-cli', ['--cluster', 'create', ...nodes.map(({ host, port }) => `${host}:${port}`), '--cluster-replicas', '0', '--cluster-yes']);
    for (const { host, port } of nodes) {
      const admin = new Redis({ host, port, maxRetriesPerRequest: 1 });
      admins.push(admin);
      await clusterReady(admin, Date.now() + 15_000);
    }
  } catch (e) {
    await stop();
    throw e;
  }
  const adminOn = (port: number) => admins.find((a) => a.options.port === port)!;
  return {
    nodes,
    env: nodes.map(({ host, port }) => `${host}:${port}`).join(','),
    client() {
      const c = connectCluster(nodes, { maxRetriesPerRequest: 1, enableAutoPipelining: true });
      c.on('error', () => undefined); // commands still fail loudly; this only keeps a refused reconnect from being unhandled
      clients.push(c);
      return c;
    },
    async nodeFor(key) {
      const slot = await admins[0]!.cluster('KEYSLOT', key);
      const range = (await admins[0]!.cluster('SLOTS')).find(([from, to]) => slot >= from && slot <= to);
      if (!range?.[2]) throw new Error(`no node serves slot ${slot}`);
      return range[2][1];
    },
    keysOn: (port) => adminOn(port).keys('*'),
    stateOn: async (port) => /cluster_state:(\w+)/.exec(await adminOn(port).cluster('INFO'))?.[1] ?? 'unknown',
    async kill(port) {
      adminOn(port).disconnect();
      await kill(procs[nodes.findIndex((n) => n.port === port)]!);
    },
    async flush() {
      await Promise.all(admins.map((a) => a.flushall()));
    },
    stop,
  };
}
