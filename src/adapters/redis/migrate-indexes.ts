import { linkKeys } from '../../domain/network/links';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { RedisClient } from './client';
import { keys } from './keys';

const VERSION = '1';
const BATCH = 200;

/**
 * Requests saved before the per-status and per-conversation indexes existed are added to them, once per service
 * (a marker says it is done). NX: an entry a live change made meanwhile is never overwritten. Safe to run at every
 * start and from several instances at once. Returns how many requests were indexed.
 */
export async function migrateRequestIndexes(redis: RedisClient, services: readonly string[]): Promise<number> {
  let indexed = 0;
  for (const service of services) {
    const marker = `cb:{${service}}:index-version`;
    if ((await redis.get(marker)) === VERSION) continue;
    for (let from = 0; ; from += BATCH) {
      const refs = await redis.zrange(keys.requests(service), String(from), String(from + BATCH - 1));
      if (refs.length === 0) break;
      for (const ref of refs) {
        const doc = await redis.hget(keys.request(service, ref), 'doc');
        if (!doc) continue;
        const r = JSON.parse(doc) as ConsultationRequest;
        const since = Date.parse(r.status === 'waitlisted' && r.waitlistedAt ? r.waitlistedAt : r.updatedAt);
        const links = (r.links ?? []).flatMap(linkKeys).map((k) => `${k}|${ref}`);
        await redis.zadd(keys.statusIndex(service, r.status), 'NX', since, ref);
        if (links.length > 0) await redis.zadd(keys.links(service), ...links.flatMap((m) => ['0', m]));
        indexed += 1;
      }
    }
    await redis.set(marker, VERSION);
  }
  return indexed;
}
