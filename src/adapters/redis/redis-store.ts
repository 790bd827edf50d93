import { Cluster } from 'ioredis';
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
import { ReferenceTakenError, type RequestEffects } from '../../ports/request-store';
import type { Notification } from '../../domain/network/notification';
import { createRedisBookingStores } from './redis-booking';
import { createRedisOutbox } from './redis-outbox';
import { replicaAck, type ReplicaAckOptions } from './replica-ack';
import {
  CALENDARS, CLAIM_DUE, CREATE_REQUEST, DEAD_LETTER, READ_FENCED, REMOVE_REQUEST, RETRY_DEAD, RESERVE_SEQUENCE, SAVE_DRAFT, SAVE_VERSIONED, SET_FIELD, UPDATE_REQUEST,
} from './scripts';

export interface RedisStoreOptions {
  /** How long an untouched draft (and a draft's reserved number) is kept. */
  draftTtlMs: number;
  /** How long /healthz waits for Redis before calling it down. */
  pingTimeoutMs?: number;
  /** Writes a user is told about are answered only once this many replicas hold them (0, the default: at once). */
  replicaAck?: ReplicaAckOptions;
}

type ScriptCall = (...args: (string | number)[]) => Promise<string>;
type ScriptName = keyof typeof SCRIPTS;

const STATUS_COUNT = REQUEST_STATUSES.length;
const SCRIPTS = {
  saveDraft: [3, SAVE_DRAFT], reserveSequence: [2, RESERVE_SEQUENCE], createRequest: [9, CREATE_REQUEST], updateRequest: [8 + STATUS_COUNT, UPDATE_REQUEST],
  removeRequest: [11 + STATUS_COUNT, REMOVE_REQUEST],
  saveVersioned: [3, SAVE_VERSIONED], setField: [2, SET_FIELD], claimDue: [2, CLAIM_DUE], deadLetter: [2, DEAD_LETTER], retryDead: [2, RETRY_DEAD],
  readFenced: [2, READ_FENCED],
  // As many keys as clinicians asked about (two each): the caller passes the count first.
  calendars: [undefined, CALENDARS],
} as const;

/** Loads the scripts on a connection; each is then a command of its own (EVALSHA, EVAL the first time). */
function scriptsOn(conn: RedisClient): (name: ScriptName) => ScriptCall {
  for (const [name, [numberOfKeys, lua]] of Object.entries(SCRIPTS)) conn.defineCommand(name, { numberOfKeys, lua });
  return (name) => (conn as unknown as Record<string, ScriptCall>)[name]!.bind(conn);
}

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

/**
 * The system of record: drafts, requests and the audit stream in Redis, each change one Lua script.
 * Every change someone is told about (drafts, references, requests, the roster, availability, the audit trail,
 * alerts and retried deliveries) goes through `write`/`acked`, which hold the answer until the configured number
 * of replicas have it (REDIS_MIN_REPLICAS_ACK). Workers' bookkeeping (job claims, outbox acknowledgements, delivery
 * markers) and the conversation directory do not: losing one in a failover repeats a delivery at worst, and a
 * delivery is shown once; the directory is written again from later messages (at least every ten minutes).
 */
export function createRedisStore(redis: RedisClient, options: RedisStoreOptions): Store {
  const script = scriptsOn(redis);
  const ttl = options.draftTtlMs;
  const ackOptions = options.replicaAck?.minReplicas ? options.replicaAck : undefined;
  // WAIT blocks its connection until the replicas answer: the writes that wait for them get a connection of
  // their own, so that reads and workers' bookkeeping never queue behind one.
  // (A Cluster's writes go to many primaries: the configuration refuses replica acknowledgement with one.)
  const writer = ackOptions && !(redis instanceof Cluster) ? redis.duplicate() : redis;
  if (writer !== redis) writer.on('error', () => undefined); // the store connection logs the same problems
  const writeScript = writer === redis ? script : scriptsOn(writer);
  const acked = replicaAck(writer, ackOptions ?? { minReplicas: 0, timeoutMs: 0 });
  /** A change someone is told about: a script on the writer connection, answered once the replicas hold it. */
  const write = (name: ScriptName, ...args: (string | number)[]) => acked(() => writeScript(name)(...args));
  const readDoc = async <T>(key: string): Promise<T | null> => {
    const doc = await redis.hget(key, 'doc');
    return doc ? (JSON.parse(doc) as T) : null;
  };
  /**
   * Reads a document for an answer that repeats an earlier write's result (a retried submit). With replica
   * acknowledgement on, the read comes with a write of its own in the same script, so that WAIT covers
   * everything the primary held when it was read, whichever connection wrote it.
   */
  const readAcked = async <T>(service: string, key: string): Promise<T | null> => {
    if (!options.replicaAck?.minReplicas) return readDoc<T>(key);
    const doc = await (write('readFenced', key, keys.replicaFence(service)) as Promise<string | null>);
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
      outcome(await write('saveDraft', ...k, JSON.stringify(draft), draft.version, ttl, draft.status, draft.id, ...toFields(audit)), ['ok']);
    },
  };

  const requests: Store['requests'] = {
    async reserveSequence(service, draftId, year) {
      // Acknowledged too: a number lost in a failover would be handed out again, to another referrer.
      const reply = await write('reserveSequence', keys.reservedSequence(service, draftId), keys.sequence(service, year), year, ttl);
      const [y, n] = reply.split(':').map(Number);
      return { year: y!, n: n! };
    },
    async create(request: ConsultationRequest, draft: Draft, audit: AuditEntry, notify: Notification[] = []) {
      const { service, reference } = request;
      const result = outcome(await write('createRequest',
        keys.request(service, reference), keys.draft(service, draft.id), keys.activeDraft(service, draft.ownerId),
        keys.ownerRequests(service, request.ownerId), keys.audit(service), keys.requests(service), keys.outbox(service), keys.statusIndex(service, request.status),
        keys.reservedSequence(service, draft.id),
        JSON.stringify(request), JSON.stringify(draft), draft.version, ttl, draft.id, Date.parse(request.submittedAt), reference,
        JSON.stringify(notify.map((n) => JSON.stringify(n))),
        ...toFields(audit),
      ), ['created', 'exists', 'taken']);
      if (result === 'created') return { created: true, request };
      if (result === 'taken') throw new ReferenceTakenError(reference);
      const existing = await readAcked<ConsultationRequest>(service, keys.request(service, reference));
      return { created: false, request: existing! };
    },
    get: (service, reference) => readDoc<ConsultationRequest>(keys.request(service, reference)),
    getConfirmed: (service, reference) => readAcked<ConsultationRequest>(service, keys.request(service, reference)),
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
      const fx = { release: effects.release?.times.map((t) => busyMember(t, reference)), unschedule: effects.unschedule };
      const result = await script('removeRequest')(
        keys.request(service, reference), keys.audit(service), keys.jobs(service), keys.jobDocs(service), keys.busy(service, effects.release?.clinicianId ?? '-'),
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
        claim: effects.claim && {
          gap: effects.claim.bufferMs,
          times: effects.claim.times.map((t) => ({ start: Date.parse(t.start), end: Date.parse(t.end), member: busyMember(t, request.reference) })),
        },
        release: effects.release?.times.map((t) => busyMember(t, request.reference)),
        schedule: effects.schedule?.map((job) => ({ id: job.id, due: Date.parse(job.due), doc: JSON.stringify(job) })),
        unschedule: effects.unschedule,
        notify: effects.notify?.map((n) => JSON.stringify(n)),
        index: indexOf(request),
      };
      outcome(await write('updateRequest',
        keys.request(service, request.reference), keys.audit(service), keys.jobs(service), keys.jobDocs(service),
        keys.busy(service, effects.claim?.clinicianId ?? '-'), keys.busy(service, effects.release?.clinicianId ?? '-'), keys.outbox(service),
        keys.links(service), ...statusKeys(service),
        JSON.stringify(request), request.version, JSON.stringify(fx), ...toFields(audit),
      ), ['ok']);
    },
  };

  const audit: Store['audit'] = {
    async append(service, entry) {
      await acked(() => writer.xadd(keys.audit(service), '*', ...toFields(entry)));
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

  const outbox = createRedisOutbox(redis, (name, ...args) => script(name)(...args) as Promise<unknown>, {
    script: write, append: (key, ...fields) => acked(() => writer.xadd(key, '*', ...fields)),
  });
  const run = (name: 'claimDue' | 'deadLetter' | 'calendars', ...args: (string | number)[]) => script(name)(...args) as Promise<unknown>;
  return {
    drafts,
    requests,
    audit,
    ...createRedisBookingStores(redis, run, write),
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
      await Promise.all([...new Set([redis, writer])].map(async (conn) => {
        if (conn.status !== 'ready') return conn.disconnect();
        await conn.quit().catch(() => conn.disconnect());
      }));
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
