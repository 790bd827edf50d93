import { Cluster, type RedisOptions } from 'ioredis';

/**
 * ioredis in Cluster mode, from some (ideally all) of the cluster's primaries: it learns the slot map from
 * them, routes each command to the primary serving its key's slot and follows MOVED/ASK when slots move.
 * `options` are those of a single Redis connection and apply to each node's connection; auto-pipelining
 * is the Cluster's own (it pipelines per node). Reads go to primaries (ioredis' default, said here because the
 * bot relies on it): the next card is built from what the last step saved, which a replica may not have yet.
 */
export function connectCluster(nodes: readonly { host: string; port: number }[], { enableAutoPipelining, ...redisOptions }: RedisOptions): Cluster {
  return new Cluster([...nodes], { enableAutoPipelining, scaleReads: 'master', redisOptions });
}
