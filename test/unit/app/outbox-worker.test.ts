import fc from 'fast-check';
import { loadCatalogues } from '../../../src/adapters/catalogue/load-catalogues';
import { createInMemoryStore } from '../../../src/adapters/memory/in-memory-store';
import type { AppContext } from '../../../src/app/context';
import { backoffMs, OutboxWorker, type OutboxResult, type OutboxWorkerOptions } from '../../../src/app/network/outbox-worker';
import type { Notification } from '../../../src/domain/network/notification';
import type { ConsultationRequest } from '../../../src/domain/request/consultation-request';
import { DeliveryError, type Delivery, type Notifier } from '../../../src/ports/notifier';
import type { Store } from '../../../src/ports/store';
import { auditEntry, buildDraft, buildNotification, buildRequest } from '../../support/builders';

const S = 'fass';
const NOW = new Date('2026-11-23T10:30:00.000Z');
const REFERENCE = 'FASS-2026-0001';

type Step = Delivery | Error;

/** A notifier that answers each call with the next scripted step (the last one repeats), recording what it was asked. */
class ScriptedNotifier implements Notifier {
  readonly calls: Notification[] = [];
  constructor(private readonly steps: Step[]) {}
  async deliver(n: Notification, _request: ConsultationRequest): Promise<Delivery> {
    this.calls.push(n);
    const step = this.steps[Math.min(this.calls.length, this.steps.length) - 1] ?? 'sent';
    if (step instanceof Error) throw step;
    return step;
  }
}

interface Harness {
  store: Store;
  worker: OutboxWorker;
  notifier: ScriptedNotifier;
  sleeps: number[];
  results: { result: OutboxResult; attempts: number; code?: string }[];
  /** Runs the worker's read loop until it has finished with one entry, then stops it. */
  runOnce(): Promise<OutboxResult>;
}

const tick = () => new Promise((r) => setTimeout(r, 5));

async function harness(steps: Step[], options: Partial<OutboxWorkerOptions> = {}): Promise<Harness> {
  const store = createInMemoryStore();
  const draft = buildDraft();
  await store.drafts.save(draft, auditEntry());
  await store.requests.create(buildRequest({ draftId: draft.id, reference: REFERENCE }), { ...draft, status: 'submitted', reference: REFERENCE, version: 2 }, auditEntry());
  const ctx: AppContext = {
    store, clock: { now: () => NOW }, ids: { next: () => 'id-1' }, catalogues: loadCatalogues(), meetingUrl: (_r, id) => `https://meet.example.test/${id}`,
  };
  const notifier = new ScriptedNotifier(steps);
  const sleeps: number[] = [];
  const results: Harness['results'] = [];
  const worker = new OutboxWorker(ctx, notifier, {
    consumer: 'w1', blockMs: 10, maxAttempts: 4, maxDeliveries: 3, backoffBaseMs: 100, backoffMaxMs: 1000, random: () => 0.5,
    sleep: async (ms) => { sleeps.push(ms); }, onResult: (_n, result, attempts, code) => results.push({ result, attempts, code }),
    ...options,
  });
  const runOnce = async () => {
    worker.start();
    for (let i = 0; i < 200 && results.length === 0; i += 1) await tick();
    await worker.stop();
    expect(results).toHaveLength(1);
    return results[0]!.result;
  };
  return { store, worker, notifier, sleeps, results, runOnce };
}

/** An entry waiting in the outbox for the worker. */
async function queued(store: Store, n: Notification = buildNotification({ reference: REFERENCE })): Promise<Notification> {
  await store.outbox.append(n);
  return n;
}

const failing = (code = 'failed_502') => new DeliveryError(code);
const throttled = (retryAfterMs: number) => new DeliveryError('throttled', retryAfterMs);

describe('OutboxWorker: delivering an entry', () => {
  it.each<Delivery>(['sent', 'undeliverable'])('acknowledges an entry the notifier answered %s, after one attempt', async (answer) => {
    const h = await harness([answer]);
    const n = await queued(h.store);
    expect(await h.runOnce()).toBe(answer);
    expect(h.notifier.calls).toEqual([n]);
    expect(await h.store.outbox.backlog(S)).toBe(0);
    expect(h.sleeps).toEqual([]);
    expect(h.results).toEqual([{ result: answer, attempts: 1 }]);
  });

  it('waits exactly as long as a 429 said before trying again', async () => {
    const h = await harness([throttled(700), throttled(250), 'sent']);
    await queued(h.store);
    expect(await h.runOnce()).toBe('sent');
    expect(h.sleeps).toEqual([700, 250]);
    expect(await h.store.outbox.backlog(S)).toBe(0);
  });

  it('waits no longer than backoffMaxMs however long a 429 said', async () => {
    const h = await harness([throttled(120_000), 'sent']);
    await queued(h.store);
    await h.runOnce();
    expect(h.sleeps).toEqual([1000]);
  });

  it('backs off with full jitter after plain failures: a random part of base * 2^(n-1), capped', async () => {
    const h = await harness([failing(), new Error('socket hang up'), failing(), failing(), failing(), 'sent'], { maxAttempts: 10, random: () => 0.999 });
    await queued(h.store);
    expect(await h.runOnce()).toBe('sent');
    expect(h.sleeps).toEqual([100, 200, 400, 799, 999]);
    expect(h.results).toEqual([{ result: 'sent', attempts: 6 }]);
  });

  it('tries again at once when the jitter draws zero', async () => {
    const h = await harness([failing(), failing(), 'sent'], { random: () => 0 });
    await queued(h.store);
    await h.runOnce();
    expect(h.sleeps).toEqual([0, 0]);
  });

  it('dead-letters an entry after maxAttempts failures, with the last code and the attempts', async () => {
    const h = await harness([failing('failed_502'), throttled(300), failing('failed_500')]);
    const n = await queued(h.store);
    expect(await h.runOnce()).toBe('dead');
    expect(h.notifier.calls).toHaveLength(4);
    expect(h.sleeps).toHaveLength(3);
    expect(await h.store.outbox.backlog(S)).toBe(0);
    expect(await h.store.outbox.listDead(S, 10)).toEqual([{ deadId: expect.any(String), notification: n, code: 'failed_500', attempts: 4, at: NOW.toISOString() }]);
    expect(h.results).toEqual([{ result: 'dead', attempts: 4, code: 'failed_500' }]);
  });

  it('dead-letters a permanent refusal on the first attempt, without waiting', async () => {
    const h = await harness([new DeliveryError('rejected_403', undefined, true), 'sent']);
    await queued(h.store);
    expect(await h.runOnce()).toBe('dead');
    expect(h.notifier.calls).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
    expect(await h.store.outbox.listDead(S, 10)).toMatchObject([{ code: 'rejected_403', attempts: 1 }]);
  });

  it('acknowledges, as skipped and without sending, an entry whose request is gone', async () => {
    const h = await harness(['sent']);
    await queued(h.store, buildNotification({ reference: 'FASS-2026-9999' }));
    expect(await h.runOnce()).toBe('skipped');
    expect(h.notifier.calls).toEqual([]);
    expect(await h.store.outbox.backlog(S)).toBe(0);
    expect(await h.store.outbox.listDead(S, 10)).toEqual([]);
  });

  /** Hands the queued entry to workers that die holding it, `times` times over. */
  async function crashedWith(store: Store, times: number): Promise<void> {
    await store.outbox.read(S, 'dead-0', 1, 0);
    for (let i = 1; i < times; i += 1) await store.outbox.reclaim(S, `dead-${i}`, 0, 1);
    await tick();
  }

  it('dead-letters as crashed_repeatedly, without sending, an entry handed out more than maxDeliveries times', async () => {
    const h = await harness(['sent'], { reclaimIdleMs: 1 });
    const n = await queued(h.store);
    await crashedWith(h.store, 3); // the worker's own reclaim is the 4th hand-out
    expect(await h.runOnce()).toBe('dead');
    expect(h.notifier.calls).toEqual([]);
    expect(await h.store.outbox.listDead(S, 10)).toMatchObject([{ notification: n, code: 'crashed_repeatedly', attempts: 0 }]);
    expect(await h.store.outbox.backlog(S)).toBe(0);
  });

  it('still delivers an entry on its maxDeliveries-th hand-out', async () => {
    const h = await harness(['sent'], { reclaimIdleMs: 1 });
    await queued(h.store);
    await crashedWith(h.store, 2);
    expect(await h.runOnce()).toBe('sent');
    expect(await h.store.outbox.backlog(S)).toBe(0);
  });

  it('delivers one case\'s entries in order', async () => {
    const h = await harness(['sent']);
    const events = (['offered', 'booked', 'cancelled'] as const).map((event, i) => buildNotification({ id: `${REFERENCE}:${i + 2}:${event}`, event }));
    for (const n of events) await queued(h.store, n);
    h.worker.start();
    for (let i = 0; i < 200 && h.results.length < 3; i += 1) await tick();
    await h.worker.stop();
    expect(h.notifier.calls.map((n) => n.event)).toEqual(['offered', 'booked', 'cancelled']);
  });
});

describe('OutboxWorker: stopping', () => {
  it('leaves an entry it is retrying unacknowledged and not dead, for another worker to reclaim', async () => {
    let stopping: Promise<void> | undefined;
    const h = await harness([failing('failed_503')], {
      sleep: async () => { stopping ??= h.worker.stop(); }, // the process is told to stop while the entry waits to be retried
    });
    const n = await queued(h.store);
    h.worker.start();
    for (let i = 0; i < 200 && !stopping; i += 1) await tick();
    await stopping;

    expect(h.results.map((r) => r.result)).not.toContain('dead');
    expect(await h.store.outbox.listDead(S, 10)).toEqual([]);
    expect(await h.store.outbox.backlog(S)).toBe(1);
    expect(await h.store.outbox.reclaim(S, 'w2', 0, 10)).toEqual([{ entryId: expect.any(String), notification: n, deliveries: 2 }]);
  });
});

describe('backoffMs', () => {
  it('is a whole number of ms within [0, min(max, base * 2^(attempt-1))]', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 600_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      (attempt, base, max, draw) => {
        const wait = backoffMs(attempt, base, max, () => draw);
        expect(Number.isInteger(wait)).toBe(true);
        expect(wait).toBeGreaterThanOrEqual(0);
        expect(wait).toBeLessThanOrEqual(Math.min(max, base * 2 ** (attempt - 1)));
      },
    ));
  });
});
