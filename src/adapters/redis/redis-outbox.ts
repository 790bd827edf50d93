import { Cluster } from 'ioredis';
import type { RedisClient } from './client';
import type { Notification } from '../../domain/network/notification';
import type { DeadLetter, Outbox, OutboxEntry } from '../../ports/outbox';
import { keys } from './keys';

type Run = (name: 'deadLetter', ...args: (string | number)[]) => Promise<unknown>;
/** Changes someone is told about: answered once the configured number of replicas hold them. */
interface Writes {
  script(name: 'retryDead', ...args: (string | number)[]): Promise<unknown>;
  append(stream: string, ...fields: string[]): Promise<unknown>;
}

export const NOTIFIER_GROUP = 'notifiers';

type StreamEntry = [id: string, fields: string[]];
const field = (fields: string[], name: string) => fields[fields.indexOf(name) + 1] ?? '';
const parse = ([entryId, fields]: StreamEntry, deliveries: number): OutboxEntry =>
  ({ entryId, notification: JSON.parse(field(fields, 'n')) as Notification, deliveries });

/**
 * The outbox as a Redis Stream read by the consumer group "notifiers". Acknowledged entries are deleted,
 * so the stream holds exactly what is still to be delivered.
 */
export function createRedisOutbox(redis: RedisClient, run: Run, writes: Writes): Outbox & { close(): Promise<void> } {
  const ready = new Set<string>();
  // A blocking read holds its connection: it gets its own, so that it never stalls anyone else's commands.
  // duplicate() keeps the store connection's options, Sentinel's included, so it follows a failover too. It
  // blocks for up to OUTBOX_BLOCK_MS, silent meanwhile: so no command or socket timeout, but ioredis's own
  // bound for blocking commands (the BLOCK time and a grace), so a read never waits on a hung primary for ever.
  // A Cluster is duplicated from its startup nodes (the first argument), a single server from its options.
  const quiet = { enableAutoPipelining: false, commandTimeout: undefined, socketTimeout: undefined, blockingTimeout: 60_000 };
  let reader: RedisClient | undefined;
  const blocking = () => {
    if (reader) return reader;
    reader = redis instanceof Cluster ? redis.duplicate([], { enableAutoPipelining: false, redisOptions: { ...redis.options.redisOptions, ...quiet } }) : redis.duplicate(quiet);
    // Its connection problems are the store connection's too, which logs them; a failed read is reported by the worker.
    reader.on('error', () => undefined);
    return reader;
  };
  async function ensureGroup(service: string): Promise<void> {
    if (ready.has(service)) return;
    try {
      await redis.xgroup('CREATE', keys.outbox(service), NOTIFIER_GROUP, '0', 'MKSTREAM');
    } catch (e) {
      if (!String((e as Error).message).includes('BUSYGROUP')) throw e;
    }
    ready.add(service);
  }

  return {
    async append(n) {
      // Acknowledged: the referrer is told the coordinators were alerted (no times free).
      await writes.append(keys.outbox(n.service), 'n', JSON.stringify(n));
    },
    async read(service, consumer, count, blockMs) {
      await ensureGroup(service);
      const reply = (await blocking().xreadgroup('GROUP', NOTIFIER_GROUP, consumer, 'COUNT', count, 'BLOCK', blockMs, 'STREAMS', keys.outbox(service), '>')
        .catch((e: Error) => {
          // The stream and its group are gone (a Redis that lost its data): make them again next time.
          if (e.message.includes('NOGROUP')) ready.delete(service);
          throw e;
        })) as [string, StreamEntry[]][] | null;
      return (reply?.[0]?.[1] ?? []).filter(([, fields]) => fields !== null).map((e) => parse(e, 1));
    },
    async reclaim(service, consumer, minIdleMs, count) {
      await ensureGroup(service);
      const [, claimed] = (await redis.xautoclaim(keys.outbox(service), NOTIFIER_GROUP, consumer, minIdleMs, '0', 'COUNT', count)) as [string, (StreamEntry | null)[]];
      const live = claimed.filter((e): e is StreamEntry => e !== null && e[1] !== null);
      if (live.length === 0) return [];
      // How often each has been handed out, so a worker can tell a first try from a retry after a crash.
      // One query per entry: a range limited to their number would also return entries between them that a live worker
      // holds, and leave some of these out (counted 2 for ever, so never dead-lettered as crashed_repeatedly).
      const pipeline = redis.pipeline();
      for (const [id] of live) pipeline.xpending(keys.outbox(service), NOTIFIER_GROUP, id, id, 1);
      const pending = ((await pipeline.exec()) ?? []).flatMap(([err, rows]) => (err ? [] : (rows as [string, string, number, number][])));
      const times = new Map(pending.map(([id, , , n]) => [id, n]));
      return live.map((e) => parse(e, times.get(e[0]) ?? 2));
    },
    async ack(service, entryId) {
      await redis.multi().xack(keys.outbox(service), NOTIFIER_GROUP, entryId).xdel(keys.outbox(service), entryId).exec();
    },
    async deadLetter(service, entry, code, attempts, at) {
      await run('deadLetter', keys.outbox(service), keys.deadLetters(service), NOTIFIER_GROUP, entry.entryId, JSON.stringify(entry.notification), code, attempts, at.toISOString());
    },
    async listDead(service, count) {
      const rows = (await redis.xrevrange(keys.deadLetters(service), '+', '-', 'COUNT', count)) as StreamEntry[];
      return rows.map(([deadId, fields]): DeadLetter => ({
        deadId, notification: JSON.parse(field(fields, 'n')) as Notification, code: field(fields, 'code'), attempts: Number(field(fields, 'attempts')), at: field(fields, 'at'),
      }));
    },
    async retryDead(service, deadId) {
      return (await writes.script('retryDead', keys.deadLetters(service), keys.outbox(service), deadId)) === 1;
    },
    async backlog(service) {
      return redis.xlen(keys.outbox(service));
    },
    async dropDead(service, which) {
      if ('before' in which) return redis.xtrim(keys.deadLetters(service), 'MINID', `${which.before.getTime()}-0`);
      const rows = (await redis.xrange(keys.deadLetters(service), '-', '+')) as StreamEntry[];
      const ids = rows.filter(([, fields]) => (JSON.parse(field(fields, 'n')) as Notification).reference === which.reference).map(([id]) => id);
      return ids.length > 0 ? redis.xdel(keys.deadLetters(service), ...ids) : 0;
    },
    async close() {
      reader?.disconnect();
    },
  };
}
