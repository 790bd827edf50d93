import type { Cluster, Redis } from 'ioredis';

/**
 * What the Redis store runs on: one server (ioredis `Redis`) or a Redis Cluster (ioredis `Cluster`).
 * Every key of a service carries its hash tag, so each script, MULTI and pipeline stays in one slot either way.
 */
export type RedisClient = Redis | Cluster;
