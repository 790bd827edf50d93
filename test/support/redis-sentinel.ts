import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort, startRedis, type PrivateRedis } from './redis-server';

/**
 * A private Sentinel deployment on loopback: a primary, its replicas (AOF on, as startRedis), and three
 * sentinels that watch it with a short down-after, so that a failover happens in a few seconds.
 */
export interface SentinelDeployment {
  /** The name the sentinels monitor the primary by (REDIS_SENTINEL_NAME). */
  name: string;
  /** host:port of each sentinel, comma-separated (REDIS_SENTINELS). */
  sentinels: string;
  /** The nodes in start order: the first started as primary, the others as its replicas. */
  nodes: PrivateRedis[];
  /** The node the sentinels name as primary now. */
  primaryNow(): Promise<PrivateRedis>;
  /** Waits until the sentinels name a primary other than `old` and that node says it is one; returns it. */
  waitForNewPrimary(old: PrivateRedis, timeoutMs?: number): Promise<PrivateRedis>;
  /**
   * Starts a killed node again as a replica of the primary the sentinels name now, as an orchestrator that
   * asks them first would (left to itself it would start as a primary, and Sentinel demotes it only 10-20 s later).
   */
  rejoin(node: PrivateRedis): Promise<void>;
  /** Waits until the primary named by the sentinels has `count` replicas acknowledging writes (e.g. one restarted). */
  waitForReplicas(count: number, timeoutMs?: number): Promise<void>;
  /** Environment for a bot that finds the primary through these sentinels. */
  env(): Record<string, string>;
  stop(): Promise<void>;
}

export interface SentinelOptions {
  replicas?: number;
  /** How long a sentinel waits for a silent primary before calling it down. */
  downAfterMs?: number;
  failoverTimeoutMs?: number;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it returns a value, or fails saying what it waited for. */
async function until<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await check().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(50);
  }
}

/** A flat [field, value, ...] reply as an object. */
const fields = (reply: unknown): Record<string, string> => {
  const flat = reply as string[];
  return Object.fromEntries(flat.flatMap((_, i) => (i % 2 === 0 ? [[flat[i], flat[i + 1]]] : [])));
};

/** INFO's `field:value` lines as an object. */
const infoFields = (info: string): Record<string, string> => Object.fromEntries(info.split(/\r?\n/)
  .filter((l) => l.includes(':') && !l.startsWith('#')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));

const client = (port: number) => {
  const c = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1, connectTimeout: 1000 });
  c.on('error', () => undefined); // nodes are killed on purpose; commands still fail loudly
  return c;
};

interface SentinelPeer {
  port: number;
  id: string;
}

/**
 * One sentinel. Each is told its id, the replicas and the other sentinels up front, as Sentinel writes them
 * to its own file once it has found them; left to find them through the primary it takes a few seconds.
 */
async function startSentinel(name: string, primaryPort: number, self: SentinelPeer, peers: SentinelPeer[], replicaPorts: number[], options: Required<SentinelOptions>) {
  const { port } = self;
  const dir = mkdtempSync(join(tmpdir(), 'cb-sentinel-'));
  // Sentinel rewrites its configuration file as it learns the deployment, so each gets its own.
  writeFileSync(join(dir, 'sentinel.conf'), [
    `port ${port}`, 'bind 127.0.0.1', `dir ${dir}`, 'daemonize no', 'loglevel warning', 'sentinel resolve-hostnames no', `sentinel myid ${self.id}`,
    `sentinel monitor ${name} 127.0.0.1 ${primaryPort} 2`,
    ...replicaPorts.map((p) => `sentinel known-replica ${name} 127.0.0.1 ${p}`),
    ...peers.filter((p) => p !== self).map((p) => `sentinel known-sentinel ${name} 127.0.0.1 ${p.port} ${p.id}`),
    `sentinel down-after-milliseconds ${name} ${options.downAfterMs}`,
    `sentinel failover-timeout ${name} ${options.failoverTimeoutMs}`,
    `sentinel parallel-syncs ${name} 1`, '',
  ].join('\n'));
  const proc: ChildProcess = spawn('redis-server', [join(dir, 'sentinel.conf'), '--sentinel'], { stdio: 'ignore' });
  const c = client(port);
  await until(`sentinel on ${port}`, 10_000, async () => ((await c.ping()) === 'PONG' ? true : undefined));
  return {
    port, client: c,
    async stop() {
      c.disconnect();
      if (proc.exitCode === null && proc.signalCode === null) await new Promise<void>((resolve) => { proc.once('exit', () => resolve()); proc.kill('SIGKILL'); });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startSentinelDeployment(options: SentinelOptions = {}): Promise<SentinelDeployment> {
  const settings = { replicas: 1, downAfterMs: 1000, failoverTimeoutMs: 5000, ...options };
  const name = 'cb-primary';
  // A primary waits 5 s by default before a full sync, for more replicas to share it: none will here.
  const noDelay = ['--repl-diskless-sync-delay', '0'];
  const primary = await startRedis({ args: noDelay });
  const replicas = await Promise.all(Array.from({ length: settings.replicas }, () => startRedis({ args: [...noDelay, '--replicaof', '127.0.0.1', String(primary.port)] })));
  const nodes = [primary, ...replicas];
  const peers: SentinelPeer[] = await Promise.all([0, 1, 2].map(async () => ({ port: await freePort(), id: randomBytes(20).toString('hex') })));
  const sentinels = await Promise.all(peers.map((p) => startSentinel(name, primary.port, p, peers, replicas.map((r) => r.port), settings)));
  const nodeClients = new Map<PrivateRedis, Redis>(nodes.map((n) => [n, client(n.port)]));

  const primaryPort = async (): Promise<number | undefined> => {
    for (const s of sentinels) {
      const addr = (await s.client.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', name).catch(() => null)) as [string, string] | null;
      if (addr) return Number(addr[1]);
    }
    return undefined;
  };
  const role = async (node: PrivateRedis) => infoFields(await nodeClients.get(node)!.info('replication'));
  // Online is not enough: a replica fresh from a full sync acknowledges nothing for up to a second. So a
  // write on the primary itself, and WAIT for the replicas to acknowledge it.
  const acknowledgingReplicas = async (node: PrivateRedis, count: number) => {
    const c = nodeClients.get(node)!;
    if ((await role(node)).role !== 'master') return -1;
    await c.set('test-support:replica-probe', String(Date.now()));
    return c.wait(count, 100);
  };
  const deployment: SentinelDeployment = {
    name,
    sentinels: sentinels.map((s) => `127.0.0.1:${s.port}`).join(','),
    nodes,
    async primaryNow() {
      const port = await until('the sentinels to name a primary', 5000, primaryPort);
      return nodes.find((n) => n.port === port)!;
    },
    async waitForNewPrimary(old, timeoutMs = 30_000) {
      return until('a failover', timeoutMs, async () => {
        const port = await primaryPort();
        const next = nodes.find((n) => n.port === port && n !== old);
        return next && (await role(next)).role === 'master' ? next : undefined;
      });
    },
    async rejoin(node) {
      const primary = await deployment.primaryNow();
      await node.restart(['--repl-diskless-sync-delay', '0', '--replicaof', '127.0.0.1', String(primary.port)]);
    },
    async waitForReplicas(count, timeoutMs = 30_000) {
      await until(`${count} replica(s) acknowledging`, timeoutMs, async () => ((await acknowledgingReplicas(await deployment.primaryNow(), count)) >= count ? true : undefined));
    },
    env: () => ({ REDIS_SENTINELS: deployment.sentinels, REDIS_SENTINEL_NAME: name }),
    async stop() {
      await Promise.all(sentinels.map((s) => s.stop()));
      for (const c of nodeClients.values()) c.disconnect();
      await Promise.all(nodes.map((n) => n.stop()));
    },
  };
  try {
    // Ready once every sentinel knows the replicas and the other sentinels (they find each other through the
    // primary in a couple of seconds): only then can they agree the primary is down and fail over.
    await deployment.waitForReplicas(settings.replicas);
    await until('the sentinels to find each other and the replicas', 20_000, async () => {
      const views = await Promise.all(sentinels.map(async (s) => fields(await s.client.call('SENTINEL', 'MASTER', name))));
      return views.every((v) => Number(v['num-other-sentinels']) === 2 && Number(v['num-slaves']) === settings.replicas) ? true : undefined;
    });
  } catch (e) {
    await deployment.stop();
    throw e;
  }
  return deployment;
}
