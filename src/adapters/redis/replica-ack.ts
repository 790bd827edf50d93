import type { RedisClient } from './client';
import { UnconfirmedWriteError } from '../../ports/store';

export interface ReplicaAckOptions {
  /** Replicas that must hold a write before anyone is told it is saved; 0 waits for none. */
  minReplicas: number;
  /** How long to wait for them (Redis WAIT's timeout) before the write counts as failed. */
  timeoutMs: number;
}

/** Runs one write on the store's connection and answers with its reply once enough replicas hold it. */
export type Acknowledged = <T>(write: () => Promise<T>) => Promise<T>;

interface Waited {
  replicas: number;
  connection: number;
}

/**
 * Replica acknowledgement with Redis WAIT on the same connection as the writes: WAIT blocks until
 * every write this connection made before it is on `minReplicas` replicas, or the timeout passes.
 * Without it, a failover can promote a replica that never received a write the user was told is saved.
 */
export function replicaAck(redis: RedisClient, options: ReplicaAckOptions): Acknowledged {
  if (options.minReplicas <= 0) return (write) => write();
  // WAIT counts only its own connection's writes: a reply from one connection cannot be confirmed by a
  // WAIT answered on the next one (after a failover, by another primary that may never have had it).
  let connection = 0;
  redis.on('ready', () => { connection += 1; });
  const waitNow = (): Promise<Waited> => redis.wait(options.minReplicas, options.timeoutMs)
    .then((replicas) => ({ replicas, connection }), () => ({ replicas: -1, connection }));
  // A WAIT blocks the whole connection. So one at a time, and writes answered while it blocks share the
  // next, sent after their replies and so covering them: with the replicas away a user waits about two
  // timeouts, however many writes are queued, rather than one timeout per write ahead of theirs.
  let sent: Promise<Waited> | undefined;
  let queued: Promise<Waited> | undefined;
  const next = (): Promise<Waited> => {
    if (!sent) return (sent = waitNow().finally(() => { sent = undefined; }));
    return (queued ??= sent.then(() => {
      queued = undefined;
      return next();
    }));
  };
  return async (write) => {
    const reply = await write();
    const answeredOn = connection;
    const waited = await next();
    if (waited.replicas < options.minReplicas || waited.connection !== answeredOn) throw new UnconfirmedWriteError(waited.replicas, options.minReplicas);
    return reply;
  };
}
