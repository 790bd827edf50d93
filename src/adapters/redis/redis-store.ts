import type { RedisClient } from './client';
import type { AuditEntry } from '../../domain/audit/audit-entry';
import { DomainError } from '../../domain/errors';
import type { Draft } from '../../domain/referral/draft';
import { REQUEST_STATUSES, type ConsultationRequest } from '../../domain/request/consultation-request';
import type { Store } from '../../ports/store';
import { fromFields, toFields } from './audit-fields';
import { answers } from './health';
import { keys } from './keys';
import { busyMember } from '../../domain/booking/booking';
import { linkKeys } from '../../domain/network/links';
import type { RequestEffects } from '../../ports/request-store';
import type { Notification } from '../../domain/network/notification';
import { createRedisBookingStores } from './redis-booking';
import { createRedisOutbox } from './redis-outbox';
import { CLAIM_DUE, CREATE_REQUEST, DEAD_LETTER, REMOVE_REQUEST, RETRY_DEAD, RESERVE_SEQUENCE, SAVE_DRAFT, SAVE_VERSIONED, SET_FIELD, UPDATE_REQUEST } from './scripts';

export interface RedisStoreOptions {
  /** How long an untouched draft (and a draft's reserved number) is kept. */
  draftTtlMs: number;
  /** How long /healthz waits for Redis before calling it down. */
  pingTimeoutMs?: number;
}

type ScriptCall = (...args: (string | number)[]) => Promise<string>;

const STATUS_COUNT = REQUEST_STATUSES.length;
const SCRIPTS = {
  saveDraft: [3, SAVE_DRAFT], reserveSequence: [2, RESERVE_SEQUENCE], createRequest: [8, CREATE_REQUEST], updateRequest: [8 + STATUS_COUNT, UPDATE_REQUEST],
  removeRequest: [11 + STATUS_COUNT, REMOVE_REQUEST],
  saveVersioned: [3, SAVE_VERSIONED], setField: [2, SET_FIELD], claimDue: [2, CLAIM_DUE], deadLetter: [2, DEAD_LETTER], retryDead: [2, RETRY_DEAD],
} as const;

function outcome(result: string, allowed: readonly string[]): string {
  if (result === 'conflict') throw new DomainError('version_conflict');
  if (result === 'missing') throw new DomainError('request_not_found');
  if (result === 'busy') throw new DomainError('clinician_busy');
  if (!allowed.includes(result)) throw new Error(`unexpected script reply ${result}`);
  return result;
}

/** Every status index of a service, in REQUEST_STATUSES order (the scripts keep a request in exactly one). */
const statusKeys = (service: string) => REQUEST_STATUSES.map((status) => keys.statusIndex(service, status));

/** The index entry a request's save makes: where it is, since when (kept while the status stays), and where it is linked. */
const indexOf = (request: ConsultationRequest) => ({
  ref: request.reference, status: REQUEST_STATUSES.indexOf(request.status) + 1, statuses: STATUS_COUNT, at: Date.parse(request.updatedAt),
  links: (request.links ?? []).flatMap(linkKeys),
});

/** The system of record: drafts, requests and the audit stream in Redis, each change one Lua script. */
export function createRedisStore(redis: RedisClient, options: RedisStoreOptions): Store {
  for (const [name, [numberOfKeys, lua]] of Object.entries(SCRIPTS)) redis.defineCommand(name, { numberOfKeys, lua });
  const script = (name: keyof typeof SCRIPTS) => (redis as unknown as Record<string, ScriptCall>)[name]!.bind(redis);
  const ttl = options.draftTtlMs;
  const readDoc = async <T>(key: string): Promise<T | null> => {
    const doc = await redis.hget(key, 'doc');
    return doc ? (JSON.parse(doc) as T) : null;
  };

  const drafts: Store['drafts'] = {
    get: (service, id) => readDoc<Draft>(keys.draft(service, id)),
    async activeFor(service, ownerId) {
      const id = await redis.get(keys.activeDraft(service, ownerId));
      return id ? readDoc<Draft>(keys.draft(service, id)) : null;
    },
    async save(draft: Draft, audit: AuditEntry) {
      const k = [keys.draft(draft.service, draft.id), keys.activeDraft(draft.service, draft.ownerId), keys.audit(draft.service)];
      outcome(await script('saveDraft')(...k, JSON.stringify(draft), draft.version, ttl, draft.status, draft.id, ...toFields(audit)), ['ok']);
    },
  };

  const requests: Store['requests'] = {
    async reserveSequence(service, draftId, year) {
      const reply = await script('reserveSequence')(keys.reservedSequence(service, draftId), keys.sequence(service, year), year, ttl);
      const [y, n] = reply.split(':').map(Number);
      return { year: y!, n: n! };
    },
    async create(request: ConsultationRequest, draft: Draft, audit: AuditEntry, notify: Notification[] = []) {
      const { service, reference } = request;
      const result = outcome(await script('createRequest')(
        keys.request(service, reference), keys.draft(service, draft.id), keys.activeDraft(service, draft.ownerId),
        keys.ownerRequests(service, request.ownerId), keys.audit(service), keys.requests(service), keys.outbox(service), keys.statusIndex(service, request.status),
        JSON.stringify(request), JSON.stringify(draft), draft.version, ttl, draft.id, Date.parse(request.submittedAt), reference,
        JSON.stringify(notify.map((n) => JSON.stringify(n))),
        ...toFields(audit),
      ), ['created', 'exists']);
      if (result === 'created') return { created: true, request };
      const existing = await readDoc<ConsultationRequest>(keys.request(service, reference));
      return { created: false, request: existing! };
    },
    get: (service, reference) => readDoc<ConsultationRequest>(keys.request(service, reference)),
    async listByOwner(service, ownerId, limit) {
      const refs = await redis.zrevrange(keys.ownerRequests(service, ownerId), 0, limit - 1);
      if (refs.length === 0) return [];
      const pipeline = redis.pipeline();
      for (const ref of refs) pipeline.hget(keys.request(service, ref), 'doc');
      const replies = (await pipeline.exec()) ?? [];
      return replies.flatMap(([err, doc]) => (err || typeof doc !== 'string' ? [] : [JSON.parse(doc) as ConsultationRequest]));
    },
    async listAll(service, limit) {
      const refs = await redis.zrevrange(keys.requests(service), 0, limit - 1);
      const docs = await Promise.all(refs.map((ref) => requests.get(service, ref)));
      return docs.filter((d): d is ConsultationRequest => d !== null);
    },
    async listByStatus(service, status, { limit, enteredBefore }) {
      const max = enteredBefore ? `(${enteredBefore.getTime()}` : '+inf';
      const refs = await redis.zrangebyscore(keys.statusIndex(service, status), '-inf', max, 'LIMIT', 0, limit);
      const docs = await Promise.all(refs.map((ref) => requests.get(service, ref)));
      return docs.filter((d): d is ConsultationRequest => d !== null);
    },
    countByStatus: (service, status) => redis.zcard(keys.statusIndex(service, status)),
    async linkedTo(service, conversationId) {
      const members = await redis.zrangebylex(keys.links(service), `[${conversationId}|`, `[${conversationId}|\xff`);
      return members.map((m) => m.slice(conversationId.length + 1));
    },
    async remove(request, audit, effects = {}) {
      const { service, reference } = request;
      const fx = { release: effects.releaseTime && busyMember(effects.releaseTime, reference), unschedule: effects.unschedule };
      const result = await script('removeRequest')(
        keys.request(service, reference), keys.audit(service), keys.jobs(service), keys.jobDocs(service), keys.busy(service, effects.releaseTime?.clinicianId ?? '-'),
        keys.ownerRequests(service, request.ownerId), keys.requests(service), keys.draft(service, request.draftId), keys.reservedSequence(service, request.draftId),
        keys.activeDraft(service, request.ownerId), keys.links(service), ...statusKeys(service),
        reference, request.draftId, JSON.stringify(fx), ...toFields(audit),
      );
      if (result === 'missing') return false;
      outcome(result, ['ok']);
      return true;
    },
    async update(request, audit, effects: RequestEffects = {}) {
      const { service } = request;
      const fx = {
        claim: effects.claimTime && {
          start: Date.parse(effects.claimTime.start), end: Date.parse(effects.claimTime.end), gap: effects.claimTime.bufferMs,
          member: busyMember(effects.claimTime, request.reference),
        },
        release: effects.releaseTime && busyMember(effects.releaseTime, request.reference),
        schedule: effects.schedule?.map((job) => ({ id: job.id, due: Date.parse(job.due), doc: JSON.stringify(job) })),
        unschedule: effects.unschedule,
        notify: effects.notify?.map((n) => JSON.stringify(n)),
        index: indexOf(request),
      };
      outcome(await script('updateRequest')(
        keys.request(service, request.reference), keys.audit(service), keys.jobs(service), keys.jobDocs(service),
        keys.busy(service, effects.claimTime?.clinicianId ?? '-'), keys.busy(service, effects.releaseTime?.clinicianId ?? '-'), keys.outbox(service),
        keys.links(service), ...statusKeys(service),
        JSON.stringify(request), request.version, JSON.stringify(fx), ...toFields(audit),
      ), ['ok']);
    },
  };

  const audit: Store['audit'] = {
    async append(service, entry) {
      await redis.xadd(keys.audit(service), '*', ...toFields(entry));
    },
    async recent(service, count) {
      const rows = await redis.xrevrange(keys.audit(service), '+', '-', 'COUNT', count);
      return rows.map(([, fields]) => fromFields(fields));
    },
    async about(service, subject) {
      // A page at a time: the trail is years long, an export is rare.
      const found: AuditEntry[] = [];
      for (let from = '-'; ;) {
        const rows = await redis.xrange(keys.audit(service), from, '+', 'COUNT', 2000);
        for (const [, fields] of rows) {
          const entry = fromFields(fields);
          if (entry.subject === subject) found.push(entry);
        }
        if (rows.length < 2000) return found;
        from = `(${rows.at(-1)![0]}`;
      }
    },
    async trim(service, before) {
      // Stream ids are milliseconds: everything before the cut-off goes, whatever it is.
      return redis.xtrim(keys.audit(service), 'MINID', `${before.getTime()}-0`);
    },
  };

  const outbox = createRedisOutbox(redis, (name, ...args) => script(name)(...args) as Promise<unknown>);
  const run = (name: 'saveVersioned' | 'setField' | 'claimDue' | 'deadLetter' | 'retryDead', ...args: (string | number)[]) => script(name)(...args) as Promise<unknown>;
  return {
    drafts,
    requests,
    audit,
    ...createRedisBookingStores(redis, run),
    outbox,
    async claimOnce(marker, ttlMs) {
      return (await redis.set(keys.once(marker), '1', 'PX', ttlMs, 'NX')) === 'OK';
    },
    async releaseMarker(marker) {
      await redis.del(keys.once(marker));
    },
    async hasMarker(marker) {
      return (await redis.exists(keys.once(marker))) === 1;
    },
    async ping() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => { timer = setTimeout(resolve, options.pingTimeoutMs ?? 1000, false); });
      try {
        return (await Promise.race([answers(redis).catch(() => false), timeout])) === true;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await outbox.close();
      // quit() waits for pending replies; with Redis away it would wait for ever, so just let go.
      if (redis.status !== 'ready') return redis.disconnect();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/**
 * People's and conversations' addresses used to be kept per service (`cb:{service}:conversations`, the
 * triage channel as `triage`); they are now kept once (`cb:directory`, the triage channel as
 * `triage:<service>`). Copies what an older version wrote, without overwriting anything newer, then
 * drops the old hash. Safe to run at every start.
 */
export async function migrateLegacyDirectory(redis: RedisClient, services: readonly string[]): Promise<number> {
  let moved = 0;
  for (const service of services) {
    const legacy = `cb:{${service}}:conversations`;
    const fields = await redis.hgetall(legacy);
    for (const [field, value] of Object.entries(fields)) {
      moved += await redis.hsetnx(keys.directory, field === 'triage' ? `triage:${service}` : field, value);
    }
    if (Object.keys(fields).length > 0) await redis.del(legacy);
  }
  return moved;
}
