import type { RedisClient } from './client';
import type { AuditEntry } from '../../domain/audit/audit-entry';
import type { Availability } from '../../domain/booking/availability';
import { parseBusyMember } from '../../domain/booking/booking';
import type { RosterMember } from '../../domain/booking/roster';
import { DomainError } from '../../domain/errors';
import type { Store } from '../../ports/store';
import type { Job } from '../../ports/job-queue';
import type { ClinicianCalendar } from '../../ports/availability-store';
import { PERSON_ENTRY } from '../../ports/conversations';
import { toFields } from './audit-fields';
import { keys } from './keys';

type Run = (name: 'claimDue' | 'calendars', ...args: (string | number)[]) => Promise<unknown>;
/** A change someone is told about: answered once the configured number of replicas hold it. */
type Write = (name: 'saveVersioned' | 'setField', ...args: (string | number)[]) => Promise<unknown>;

const DAY_MS = 86_400_000;

/** Busy members read from a day before `from` (scores are starts): those still running at `from` or later. */
const busyFrom = (members: string[], from: Date) => members.map(parseBusyMember).filter((b) => b.end > from.getTime());

/** Roster, availability, scheduled jobs and conversation references: the booking side of the Redis store. */
export function createRedisBookingStores(redis: RedisClient, run: Run, write: Write): Pick<Store, 'roster' | 'availability' | 'jobs' | 'conversations'> {
  const roster: Store['roster'] = {
    async get(service, id) {
      const doc = await redis.hget(keys.roster(service), id);
      return doc ? (JSON.parse(doc) as RosterMember) : null;
    },
    async list(service) {
      const all = await redis.hvals(keys.roster(service));
      return all.map((d) => JSON.parse(d) as RosterMember).sort((a, b) => a.id.localeCompare(b.id));
    },
    async put(service, member, audit: AuditEntry) {
      await write('setField', keys.roster(service), keys.audit(service), member.id, JSON.stringify(member), ...toFields(audit));
    },
    async remove(service, id, audit) {
      return (await write('setField', keys.roster(service), keys.audit(service), id, '', ...toFields(audit))) === '1';
    },
  };

  const availability: Store['availability'] = {
    async get(service, clinicianId) {
      const doc = await redis.hget(keys.availability(service, clinicianId), 'doc');
      return doc ? (JSON.parse(doc) as Availability) : null;
    },
    async list(service) {
      const ids = await redis.smembers(keys.availabilityIndex(service));
      const docs = await Promise.all(ids.sort().map((id) => availability.get(service, id)));
      return docs.filter((d): d is Availability => d !== null);
    },
    async save(service, doc, audit) {
      const reply = await write('saveVersioned', keys.availability(service, doc.clinicianId), keys.audit(service), keys.availabilityIndex(service),
        JSON.stringify(doc), doc.version, doc.clinicianId, ...toFields(audit));
      if (reply === 'conflict') throw new DomainError('version_conflict');
    },
    async busy(service, clinicianId, from) {
      // Scores are start times; a consultation that started up to a day ago may still be running.
      return busyFrom(await redis.zrangebyscore(keys.busy(service, clinicianId), from.getTime() - DAY_MS, '+inf'), from);
    },
    async calendars(service, clinicianIds, from) {
      if (clinicianIds.length === 0) return [];
      const calendarKeys = clinicianIds.flatMap((id) => [keys.availability(service, id), keys.busy(service, id)]);
      const reply = (await run('calendars', calendarKeys.length, ...calendarKeys, from.getTime() - DAY_MS)) as (string | string[])[];
      const found: ClinicianCalendar[] = [];
      for (let i = 0; i < reply.length; i += 2) {
        const doc = reply[i] as string;
        if (doc) found.push({ availability: JSON.parse(doc) as Availability, busy: busyFrom(reply[i + 1] as string[], from) });
      }
      return found;
    },
    async forgetBusy(service, clinicianId, endedBefore) {
      const members = await redis.zrangebyscore(keys.busy(service, clinicianId), '-inf', endedBefore.getTime());
      const ended = members.filter((m) => parseBusyMember(m).end < endedBefore.getTime());
      return ended.length > 0 ? redis.zrem(keys.busy(service, clinicianId), ...ended) : 0;
    },
  };

  const jobs: Store['jobs'] = {
    async schedule(job) {
      await redis.multi().zadd(keys.jobs(job.service), Date.parse(job.due), job.id).hset(keys.jobDocs(job.service), job.id, JSON.stringify(job)).exec();
    },
    async claimDue(service, now, leaseMs, limit) {
      const reply = (await run('claimDue', keys.jobs(service), keys.jobDocs(service), now.getTime(), leaseMs, limit)) as string[];
      const claimed: Job[] = [];
      for (let i = 0; i < reply.length; i += 2) {
        const doc = reply[i + 1];
        // A schedule entry without its document cannot be run; it is dropped when completed.
        claimed.push(doc ? (JSON.parse(doc) as Job) : { id: reply[i]!, service, kind: 'reminder', reference: '', due: now.toISOString(), data: {} });
      }
      return claimed;
    },
    async complete(job) {
      await redis.multi().zrem(keys.jobs(job.service), job.id).hdel(keys.jobDocs(job.service), job.id).exec();
    },
    pending: (service) => redis.zcard(keys.jobs(service)),
  };

  // The directory and its seen-times are two keys in two slots: written one after the other, not atomically. A seen-time
  // without its entry, or an entry without one (from before), is harmless: retention removes the one and never sees the other.
  const forgetFields = async (fields: string[]) => {
    if (fields.length === 0) return 0;
    await redis.zrem(keys.directorySeen, ...fields);
    return redis.hdel(keys.directory, ...fields);
  };
  const conversations: Store['conversations'] = {
    get: (key) => redis.hget(keys.directory, key),
    getMany: async (fields) => (fields.length === 0 ? [] : redis.hmget(keys.directory, ...fields)),
    set: (key, value) => conversations.setMany([[key, value]]),
    async setMany(entries) {
      if (entries.length === 0) return;
      await redis.hset(keys.directory, ...entries.flat());
      const now = Date.now();
      const seen = entries.filter(([key]) => PERSON_ENTRY.test(key)).flatMap(([key]) => [now, key]);
      if (seen.length > 0) await redis.zadd(keys.directorySeen, ...seen);
    },
    async forget(prefix) {
      const found: string[] = [];
      for (let cursor = '0'; ;) {
        const [next, flat] = await redis.hscan(keys.directory, cursor, 'MATCH', `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', 500);
        for (let i = 0; i < flat.length; i += 2) found.push(flat[i]!);
        if (next === '0') break;
        cursor = next;
      }
      return forgetFields(found);
    },
    async forgetUnseen(before, limit) {
      return forgetFields(await redis.zrangebyscore(keys.directorySeen, '-inf', `(${before.getTime()}`, 'LIMIT', 0, limit));
    },
    async entries(prefix, limit) {
      // HSCAN walks the hash in steps, so a county's directory (thousands of entries) never blocks Redis for long.
      const match = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
      const found: [string, string][] = [];
      let cursor = '0';
      do {
        const [next, flat] = await redis.hscan(keys.directory, cursor, 'MATCH', match, 'COUNT', 500);
        for (let i = 0; i < flat.length && found.length < limit; i += 2) found.push([flat[i]!, flat[i + 1]!]);
        cursor = next;
      } while (cursor !== '0' && found.length < limit);
      return found;
    },
  };

  return { roster, availability, jobs, conversations };
}
