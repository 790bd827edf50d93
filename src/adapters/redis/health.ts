import { Cluster } from 'ioredis';
import type { RedisClient } from './client';

/**
 * Whether the store answers. One server: PING. A Cluster: the cluster says that it serves every slot
 * (`cluster_state:ok`), the client reaches as many primaries as serve slots (`cluster_size`), and each answers
 * PING. A PING alone reaches one live node of a Cluster, and answers while a lost primary's slots refuse every
 * write (and, once the cluster has noticed, while every node refuses every write).
 */
export async function answers(redis: RedisClient): Promise<boolean> {
  if (!(redis instanceof Cluster)) return (await redis.ping()) === 'PONG';
  const info = await redis.cluster('INFO'); // like any command, waits for the client to learn the slot map
  const serving = Number(/^cluster_size:(\d+)/m.exec(info)?.[1]);
  const primaries = redis.nodes('master');
  if (!/^cluster_state:ok/m.test(info) || !(primaries.length >= serving)) return false; // no cluster_size (NaN) counts as down
  return (await Promise.all(primaries.map((node) => node.ping()))).every((pong) => pong === 'PONG');
}
