import { notification, type Notification } from '../../src/domain/network/notification';
import type { ConsultationRequest } from '../../src/domain/request/consultation-request';
import type { Draft } from '../../src/domain/referral/draft';
import type { OutboxEntry } from '../../src/ports/outbox';
import type { Store } from '../../src/ports/store';
import { auditEntry, buildDraft, buildNotification, buildRequest } from '../support/builders';

/** Two handles on the same outbox: in production, two notifier processes on one Redis. */
export interface OutboxStores {
  store: Store;
  peer: Store;
  close: () => Promise<void>;
}

const S = 'fass';
const AT = new Date('2026-11-23T10:30:00.000Z');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ids = (entries: OutboxEntry[]) => entries.map((e) => e.notification.id);
const event = (i: number): Notification => buildNotification({ id: `FASS-2026-0001:${i + 2}:booked` });

/** The outbox of every Store, on memory and on Redis: each entry to one worker, acknowledged, reclaimed, dead-lettered. */
export function describeOutboxContract(name: string, open: () => Promise<OutboxStores>) {
  describe(`Outbox contract: ${name}`, () => {
    let store: Store;
    let peer: Store;
    let close: () => Promise<void>;
    beforeEach(async () => ({ store, peer, close } = await open()));
    afterEach(async () => close());

    /** The one entry a consumer is handed, read without waiting long. */
    async function readOne(s: Store, consumer: string): Promise<OutboxEntry> {
      const entries = await s.outbox.read(S, consumer, 10, 50);
      expect(entries).toHaveLength(1);
      return entries[0]!;
    }

    describe('reading', () => {
      it('hands each entry to one of two concurrent consumers only, in the order appended', async () => {
        const appended = Array.from({ length: 12 }, (_, i) => event(i));
        for (const n of appended) await store.outbox.append(n);
        const seen = new Map<string, string[]>([['w1', []], ['w2', []]]);
        const consume = async (s: Store, consumer: string) => {
          for (let batch = await s.outbox.read(S, consumer, 3, 50); batch.length > 0; batch = await s.outbox.read(S, consumer, 3, 50)) {
            expect(batch.every((e) => e.deliveries === 1)).toBe(true);
            seen.get(consumer)!.push(...ids(batch));
          }
        };
        await Promise.all([consume(store, 'w1'), consume(peer, 'w2')]);

        const [w1, w2] = [seen.get('w1')!, seen.get('w2')!];
        const order = appended.map((n) => n.id);
        expect([...w1, ...w2].sort()).toEqual([...order].sort());
        expect(w1.filter((id) => w2.includes(id))).toEqual([]);
        expect(w1).toEqual(order.filter((id) => w1.includes(id)));
        expect(w2).toEqual(order.filter((id) => w2.includes(id)));
        expect(await store.outbox.backlog(S)).toBe(12); // handed out, none acknowledged
        expect(await store.outbox.read('other-service', 'w1', 10, 10)).toEqual([]);
      });

      it('waits up to blockMs for an entry, then answers none', async () => {
        const started = Date.now();
        expect(await store.outbox.read(S, 'w1', 10, 150)).toEqual([]);
        expect(Date.now() - started).toBeGreaterThanOrEqual(140);
      });

      it('answers one of two waiting consumers as soon as an entry is appended; the other waits on and gets none', async () => {
        const blockMs = 600;
        const started = Date.now();
        const timed = async (s: Store, consumer: string) => {
          const entries = await s.outbox.read(S, consumer, 10, blockMs);
          return { entries, after: Date.now() - started };
        };
        const reads = Promise.all([timed(store, 'w1'), timed(peer, 'w2')]);
        await sleep(50);
        await store.outbox.append(event(0));
        const results = await reads;

        const got = results.filter((r) => r.entries.length > 0);
        const none = results.filter((r) => r.entries.length === 0);
        expect(got).toHaveLength(1);
        expect(ids(got[0]!.entries)).toEqual([event(0).id]);
        expect(got[0]!.after).toBeLessThan(blockMs - 200);
        expect(none[0]!.after).toBeGreaterThanOrEqual(blockMs - 10);
      });

      it('drops an acknowledged entry from the backlog and never hands it out again', async () => {
        await store.outbox.append(event(0));
        await store.outbox.append(event(1));
        const [first, second] = await store.outbox.read(S, 'w1', 10, 50);
        expect(await store.outbox.backlog(S)).toBe(2);
        await store.outbox.ack(S, first!.entryId);
        expect(await peer.outbox.backlog(S)).toBe(1);
        expect(ids(await peer.outbox.reclaim(S, 'w2', 0, 10))).toEqual([second!.notification.id]);
        await peer.outbox.ack(S, second!.entryId);
        expect(await store.outbox.backlog(S)).toBe(0);
        expect(await store.outbox.reclaim(S, 'w1', 0, 10)).toEqual([]);
        expect(await store.outbox.read(S, 'w1', 10, 20)).toEqual([]);
      });
    });

    describe('reclaiming', () => {
      it('lets another consumer take an unacknowledged entry only once it has been idle minIdleMs, counting hand-outs', async () => {
        const n = event(0);
        await store.outbox.append(n);
        const first = await readOne(store, 'w1');
        expect(first).toEqual({ entryId: expect.any(String), notification: n, deliveries: 1 });
        expect(await peer.outbox.reclaim(S, 'w2', 300, 10)).toEqual([]);

        await sleep(350);
        expect(await peer.outbox.reclaim(S, 'w2', 300, 10)).toEqual([{ entryId: first.entryId, notification: n, deliveries: 2 }]);
        expect(await store.outbox.reclaim(S, 'w1', 300, 10)).toEqual([]); // w2 has just taken it
        expect(await peer.outbox.read(S, 'w2', 10, 20)).toEqual([]); // a reclaimed entry is not a new one
        await peer.outbox.ack(S, first.entryId);
        expect(await store.outbox.backlog(S)).toBe(0);
      });

      // The worker dead-letters an entry handed out too often; a wrong count would let a poison entry loop for ever.
      it('counts the hand-outs of each reclaimed entry, even with an entry still held by a live consumer between them', async () => {
        for (let i = 0; i < 3; i += 1) await store.outbox.append(event(i));
        const [e1, e2, e3] = await store.outbox.read(S, 'dead-worker', 10, 50);
        expect((await peer.outbox.reclaim(S, 'w2', 0, 10)).map((e) => e.deliveries)).toEqual([2, 2, 2]);
        await sleep(300);
        expect(await peer.outbox.reclaim(S, 'w2', 100, 1)).toEqual([{ ...e1, deliveries: 3 }]);
        await sleep(250);
        // e1 was taken 250 ms ago, e2 and e3 550 ms ago: a count of 1 takes e2, now held by a live w2.
        expect(await peer.outbox.reclaim(S, 'w2', 500, 1)).toEqual([{ ...e2, deliveries: 3 }]);
        await sleep(150);
        // e1 idle 400 ms, e2 150 ms, e3 700 ms.
        expect(await store.outbox.reclaim(S, 'w3', 380, 10)).toEqual([{ ...e1, deliveries: 4 }, { ...e3, deliveries: 3 }]);
      });
    });

    describe('dead letters', () => {
      it('moves an entry out of the outbox into the dead letters, with its code and attempts', async () => {
        const n = event(0);
        await store.outbox.append(n);
        await store.outbox.deadLetter(S, await readOne(store, 'w1'), 'rejected_403', 3, AT);
        expect(await store.outbox.backlog(S)).toBe(0);
        expect(await peer.outbox.listDead(S, 10)).toEqual([{ deadId: expect.any(String), notification: n, code: 'rejected_403', attempts: 3, at: AT.toISOString() }]);
        expect(await peer.outbox.reclaim(S, 'w2', 0, 10)).toEqual([]);
        expect(await peer.outbox.read(S, 'w2', 10, 20)).toEqual([]);
        expect(await store.outbox.listDead('other-service', 10)).toEqual([]);
      });

      it('lists dead letters newest first, up to the count', async () => {
        for (let i = 0; i < 3; i += 1) await store.outbox.append(event(i));
        for (const entry of await store.outbox.read(S, 'w1', 10, 50)) await store.outbox.deadLetter(S, entry, 'failed_500', 6, AT);
        expect((await store.outbox.listDead(S, 2)).map((d) => d.notification.id)).toEqual([event(2).id, event(1).id]);
      });

      it('puts a dead letter back once, keeping its notification id, however many coordinators retry it', async () => {
        const n = event(0);
        await store.outbox.append(n);
        await store.outbox.deadLetter(S, await readOne(store, 'w1'), 'failed_500', 6, AT);
        const [dead] = await store.outbox.listDead(S, 10);

        const retried = await Promise.all([store.outbox.retryDead(S, dead!.deadId), peer.outbox.retryDead(S, dead!.deadId)]);
        expect(retried.filter(Boolean)).toHaveLength(1);
        expect(await store.outbox.retryDead(S, dead!.deadId)).toBe(false);
        expect(await store.outbox.listDead(S, 10)).toEqual([]);
        expect(await store.outbox.backlog(S)).toBe(1);
        expect(await readOne(peer, 'w2')).toEqual({ entryId: expect.any(String), notification: n, deliveries: 1 });
      });
    });

    describe('published with a request change, in the same atomic step', () => {
      /** A submitted request, as the referrer's submit leaves it, with the notifications submit publishes. */
      async function submitted(reference: string, notify?: Notification[], again?: Draft): Promise<ConsultationRequest> {
        const draft = again ?? buildDraft();
        if (!again) await store.drafts.save(draft, auditEntry());
        const request = buildRequest({ draftId: draft.id, reference });
        await store.requests.create(request, { ...draft, status: 'submitted', reference, version: 2 }, auditEntry('request.submit', reference), notify);
        return request;
      }
      const next = (request: ConsultationRequest): ConsultationRequest => ({ ...request, version: request.version + 1, status: 'booked' });
      const claim = { clinicianId: 'clinician-a', bufferMs: 15 * 60_000, times: [{ start: '2026-12-07T10:00:00.000Z', end: '2026-12-07T11:00:00.000Z' }] };

      it('publishes the notifications of an update, in order', async () => {
        const request = await submitted('FASS-2026-0501');
        const notify = [notification(next(request), 'booked', AT), notification(next(request), 'linked', AT)];
        await store.requests.update(next(request), auditEntry('booking.accept', request.reference), { notify });
        expect(await peer.outbox.read(S, 'w1', 10, 50)).toEqual(notify.map((n) => ({ entryId: expect.any(String), notification: n, deliveries: 1 })));
        expect(await store.requests.get(S, request.reference)).toEqual(next(request));
      });

      it('publishes nothing when an update is refused with version_conflict', async () => {
        const request = await submitted('FASS-2026-0502');
        await store.requests.update(next(request), auditEntry());
        await expect(store.requests.update(next(request), auditEntry(), { notify: [notification(next(request), 'booked', AT)] }))
          .rejects.toMatchObject({ code: 'version_conflict' });
        expect(await store.outbox.backlog(S)).toBe(0);
      });

      it('publishes nothing when an update is refused with clinician_busy', async () => {
        const first = await submitted('FASS-2026-0503');
        const second = await submitted('FASS-2026-0504');
        await store.requests.update(next(first), auditEntry(), { claim });
        await expect(store.requests.update(next(second), auditEntry(), { claim, notify: [notification(next(second), 'booked', AT)] }))
          .rejects.toMatchObject({ code: 'clinician_busy' });
        expect(await store.outbox.backlog(S)).toBe(0);
      });

      it('publishes a new request\'s notifications once: creating the same reference again publishes nothing', async () => {
        const n = notification({ service: S, reference: 'FASS-2026-0505', version: 1 }, 'submitted', AT);
        const first = await submitted('FASS-2026-0505', [n]);
        const again = await submitted('FASS-2026-0505', [n], (await store.drafts.get(S, first.draftId))!);
        expect(again.reference).toBe('FASS-2026-0505');
        expect(await store.outbox.backlog(S)).toBe(1);
        expect((await readOne(peer, 'w1')).notification).toEqual(n);
      });

      it('publishes nothing when creation is refused because the draft changed', async () => {
        const draft = buildDraft();
        await store.drafts.save(draft, auditEntry());
        const request = buildRequest({ draftId: draft.id, reference: 'FASS-2026-0506' });
        const n = notification(request, 'submitted', AT);
        await expect(store.requests.create(request, { ...draft, status: 'submitted', version: 5 }, auditEntry(), [n])).rejects.toMatchObject({ code: 'version_conflict' });
        expect(await store.outbox.backlog(S)).toBe(0);
      });
    });
  });
}
