import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';

/** A free TCP port on 127.0.0.1, found by letting the kernel choose one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A private redis-server for one test file: its own port and data folder, AOF on as in production. */
export interface PrivateRedis {
  url: string;
  port: number;
  dir: string;
  /** A new client to this server; closed by stop(). */
  client(): Redis;
  /** Kills the server with SIGKILL, as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port and data folder (AOF replayed), with other added arguments if given. */
  restart(args?: string[]): Promise<void>;
  stop(): Promise<void>;
}

/** Resolves once a redis-server answers PING on the port (it refuses connections until it is up). */
export async function waitForPing(port: number, deadline = Date.now() + 10_000): Promise<void> {
  for (;;) {
    const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined); // refused until the server is up: that is what the probe waits for
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') return;
    } catch {
      if (Date.now() > deadline) throw new Error(`redis on ${port} did not start`);
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      probe.disconnect();
    }
  }
}

/** `args` are added to the command line, e.g. `['--replicaof', '127.0.0.1', '6379']` for a replica. */
export async function startRedis(options: { args?: string[] } = {}): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cb-redis-'));
  const clients: Redis[] = [];
  let proc: ChildProcess | undefined;
  let added = options.args ?? [];
  const launch = async (args = added) => {
    added = args;
    proc = spawn('redis-server', [
      '--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '',
      '--appendonly', 'yes', '--appendfsync', 'always', '--daemonize', 'no', '--loglevel', 'warning', ...added,
    ], { stdio: 'ignore' });
    await waitForPing(port);
  };
  const kill = async () => {
    const p = proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise<void>((resolve) => { p.once('exit', () => resolve()); p.kill('SIGKILL'); });
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    client() {
      const c = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
      c.on('error', () => undefined); // drills kill the server on purpose; commands still fail loudly
      clients.push(c);
      return c;
    },
    kill,
    restart: launch,
    async stop() {
      const open = clients.filter((c) => c.status !== 'end');
      await Promise.all(open.map((c) => (c.status === 'ready' ? c.quit().catch(() => c.disconnect()) : c.disconnect())));
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
