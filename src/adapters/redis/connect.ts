import Redis, { Cluster, type RedisOptions } from 'ioredis';
import type { RedisTarget } from '../../config';
import type { Logger } from '../../logger';
import type { RedisClient } from './client';
import { connectCluster } from './connect-cluster';

/**
 * How long a command may wait for an answer (queued while reconnecting, or sent to a primary that has
 * hung rather than died) before the user is told nothing was saved, and how long the connection may stay
 * silent with commands outstanding before it is dropped and the primary looked up again. A WAIT keeps the
 * connection silent for up to the acknowledgement timeout, so both stay above it.
 */
const silenceLimitMs = (replicaAckTimeoutMs: number) => 2000 + replicaAckTimeoutMs;

/**
 * What every connection shares, whatever the deployment: fail fast while Redis is away, so the user is
 * told at once that nothing was saved rather than waiting; reconnect often enough to follow a failover
 * within a second of the sentinels naming the new primary.
 */
function common(replicaAckTimeoutMs: number): RedisOptions {
  return {
    // Queued commands fail after two reconnection attempts (a fraction of a second) with the store away.
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: silenceLimitMs(replicaAckTimeoutMs),
    // A primary that hangs (or is cut off) rather than dies never closes the connection: drop it ourselves, and
    // the reconnection asks the sentinels where the primary is now.
    socketTimeout: silenceLimitMs(replicaAckTimeoutMs),
    enableAutoPipelining: true,
    // 50, 100, 200, 400 ms, then every 500 ms (ioredis's default grows to 5 s, too slow to follow a failover).
    // Never gives up: a null would end the client for good.
    retryStrategy: (times) => Math.min(50 * 2 ** (times - 1), 500) + Math.floor(Math.random() * 50),
    // A primary demoted to a replica answers writes with READONLY: reconnect (asking the sentinels
    // again) and send the refused command there; READONLY means it changed nothing, so this is safe.
    reconnectOnError: (e) => (e.message.startsWith('READONLY') ? 2 : false),
  };
}

/** Sentinel's part: where the primary is now, asked again on every reconnection. */
function sentinelOptions(target: Extract<RedisTarget, { kind: 'sentinel' }>): RedisOptions {
  return {
    sentinels: target.sentinels,
    name: target.name,
    ...(target.sentinelPassword !== undefined ? { sentinelPassword: target.sentinelPassword } : {}),
    ...(target.username !== undefined ? { username: target.username } : {}),
    ...(target.password !== undefined ? { password: target.password } : {}),
    // A sentinel that does not answer within a second is passed over for the next one.
    sentinelCommandTimeout: 1000,
    // All sentinels unreachable: ask them again every 100 ms, growing to a second. Never null: that ends the client.
    sentinelRetryStrategy: (times) => Math.min(times * 100, 1000),
    // Not ioredis's failoverDetector (+switch-master subscriptions): a switch announced while the client is
    // reconnecting to a dead primary ends the client for good, and quit() leaves its subscriptions open.
    // A demoted primary closes its clients' connections or answers READONLY; a hung one trips socketTimeout.
  };
}

function connect(target: RedisTarget, base: RedisOptions): RedisClient {
  switch (target.kind) {
    case 'single': return new Redis(target.url, base);
    case 'sentinel': return new Redis({ ...base, ...sentinelOptions(target) });
    case 'cluster': return connectCluster(target.nodes, base);
  }
}

/**
 * The one place a Redis connection is made (one server, a primary found through Sentinel, or a Cluster),
 * for the store and everything that duplicates its connection (the outbox's blocking reader inherits all of
 * this through `duplicate()`).
 */
export function connectRedis(target: RedisTarget, log: Logger, options: { replicaAckTimeoutMs: number }): RedisClient {
  const redis = connect(target, common(options.replicaAckTimeoutMs));
  let lastCode = '';
  const onError = (e: NodeJS.ErrnoException) => {
    if (e.code !== lastCode) log.warn({ evt: 'redis_error', code: e.code ?? e.name }, 'redis connection problem');
    lastCode = e.code ?? e.name;
  };
  redis.on('error', onError);
  // A Cluster tells of one node's trouble apart; its own 'error' comes only when it reaches no node at all.
  if (redis instanceof Cluster) redis.on('node error', onError);
  redis.on('ready', () => {
    if (lastCode) log.info({ evt: 'redis_ready' }, 'redis connection restored');
    lastCode = '';
  });
  return redis;
}
