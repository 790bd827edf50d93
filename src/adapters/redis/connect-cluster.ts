import { Cluster, type RedisOptions } from 'ioredis';

/**
 * ioredis in Cluster mode, from some (ideally all) of the cluster's primaries: it learns the slot map from
 * them, routes each command to the primary serving its key's slot and follows MOVED/ASK when slots move.
 * `options` are those of a single Redis connection and apply to each node's connection; auto-pipelining
 * is the Cluster's own (it pipelines per node).
 */
export function connectCluster(nodes: readonly { host: string; port: number }[], { enableAutoPipelining, ...redisOptions }: RedisOptions): Cluster {
  return new Cluster([...nodes], { enableAutoPipelining, redisOptions });
}
