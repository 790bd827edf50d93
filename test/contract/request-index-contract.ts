import type { ConsultationRequest } from '../../src/domain/request/consultation-request';
import type { Store } from '../../src/ports/store';
import { auditEntry, buildBooking, buildDraft, buildJob, buildRequest } from '../support/builders';

/** Creates a submitted request (and its draft) as submitRequest would; returns it. */
async function created(store: Store, overrides: Partial<ConsultationRequest>): Promise<ConsultationRequest> {
  const draft = buildDraft({ ownerId: overrides.ownerId ?? 'owner-ix', service: overrides.service ?? 'fass' });
  await store.drafts.save(draft, auditEntry());
  const request = buildRequest({ draftId: draft.id, ownerId: draft.ownerId, ...overrides });
  await store.requests.create(request, { ...draft, status: 'submitted', reference: request.reference, version: 2 }, auditEntry('request.submit', request.reference));
  return request;
}

const at = (minutes: number) => new Date(Date.parse('2026-11-23T10:00:00.000Z') + minutes * 60_000).toISOString();
const moved = (r: ConsultationRequest, changes: Partial<ConsultationRequest>, minutes: number): ConsultationRequest =>
  ({ ...r, ...changes, updatedAt: at(minutes), version: r.version + 1 });
const refs = (list: readonly ConsultationRequest[]) => list.map((r) => r.reference);

/** The indexes the store keeps with every change (per status, per linked conversation), and erasure: one behaviour for every Store. */
export function describeRequestIndexContract(name: string, open: () => Promise<{ store: Store; close: () => Promise<void> }>) {
  describe(`Request indexes and removal: ${name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    beforeEach(async () => ({ store, close } = await open()));
    afterEach(async () => close());

    it('lists a status longest-waiting first, moves a request when its status changes, and keeps its place otherwise', async () => {
      const a = await created(store, { reference: 'FASS-2026-0001', status: 'awaiting_review', submittedAt: at(0), updatedAt: at(0) });
      const b = await created(store, { reference: 'FASS-2026-0002', status: 'awaiting_review', submittedAt: at(1), updatedAt: at(1) });
      const c = await created(store, { reference: 'FASS-2026-0003', status: 'awaiting_booking', submittedAt: at(2), updatedAt: at(2) });
      expect(refs(await store.requests.listByStatus('fass', 'awaiting_review', { limit: 10 }))).toEqual(['FASS-2026-0001', 'FASS-2026-0002']);
      // A change that keeps the status (a follower, say) keeps its place in the queue.
      await store.requests.update(moved(a, { followers: [{ userId: 'gp', at: at(5) }] }, 5), auditEntry());
      expect(refs(await store.requests.listByStatus('fass', 'awaiting_review', { limit: 10 }))).toEqual(['FASS-2026-0001', 'FASS-2026-0002']);
      // A new status puts it at the back of that status's queue, from the moment it entered it.
      await store.requests.update(moved(c, { status: 'waitlisted' }, 6), auditEntry());
      await store.requests.update(moved(b, { status: 'waitlisted' }, 7), auditEntry());
      expect(refs(await store.requests.listByStatus('fass', 'waitlisted', { limit: 10 }))).toEqual(['FASS-2026-0003', 'FASS-2026-0002']);
      expect(refs(await store.requests.listByStatus('fass', 'awaiting_review', { limit: 10 }))).toEqual(['FASS-2026-0001']);
      expect(await store.requests.listByStatus('fass', 'awaiting_booking', { limit: 10 })).toEqual([]);
      expect(await store.requests.countByStatus('fass', 'waitlisted')).toBe(2);
      expect(refs(await store.requests.listByStatus('fass', 'waitlisted', { limit: 10, enteredBefore: new Date(at(7)) }))).toEqual(['FASS-2026-0003']);
      expect(refs(await store.requests.listByStatus('fass', 'waitlisted', { limit: 1 }))).toEqual(['FASS-2026-0003']);
      expect(await store.requests.listByStatus('pps', 'waitlisted', { limit: 10 })).toEqual([]);
    });

    it('finds a request waiting since long ago however many newer ones there are', async () => {
      const old = await created(store, { reference: 'FASS-2026-0001', status: 'awaiting_review', submittedAt: at(0), updatedAt: at(0) });
      for (let i = 0; i < 1050; i += 50) {
        await Promise.all(Array.from({ length: 50 }, (_, j) => created(store, {
          reference: `FASS-2026-${String(1000 + i + j).padStart(4, '0')}`, status: 'awaiting_booking', submittedAt: at(10 + i + j), updatedAt: at(10 + i + j),
        })));
      }
      expect(refs(await store.requests.listByStatus('fass', 'awaiting_review', { limit: 50 }))).toEqual([old.reference]);
      expect(await store.requests.countByStatus('fass', 'awaiting_booking')).toBe(1050);
    }, 60_000);

    it('keeps which requests are linked to each conversation', async () => {
      const a = await created(store, { reference: 'FASS-2026-0011' });
      const b = await created(store, { reference: 'FASS-2026-0012' });
      const link = (conversationId: string) => ({ conversationId, kind: 'channel' as const, by: 'owner-ix', at: at(1) });
      const a2 = moved(a, { links: [link('19:net-a@thread.tacv2'), link('19:net-b@thread.tacv2')] }, 1);
      await store.requests.update(a2, auditEntry());
      await store.requests.update(moved(b, { links: [link('19:net-a@thread.tacv2')] }, 2), auditEntry());
      expect(await store.requests.linkedTo('fass', '19:net-a@thread.tacv2')).toEqual(['FASS-2026-0011', 'FASS-2026-0012']);
      expect(await store.requests.linkedTo('fass', '19:net-b@thread.tacv2')).toEqual(['FASS-2026-0011']);
      await store.requests.update(moved(a2, { links: [link('19:net-b@thread.tacv2')] }, 3), auditEntry());
      expect(await store.requests.linkedTo('fass', '19:net-a@thread.tacv2')).toEqual(['FASS-2026-0012']);
      expect(await store.requests.linkedTo('fass', '19:net')).toEqual([]);
      expect(await store.requests.linkedTo('pps', '19:net-a@thread.tacv2')).toEqual([]);
    });

    it('removes a request with its draft, indexes, jobs and busy time, leaving the audit entry', async () => {
      const booking = buildBooking({ clinicianId: 'clin-x' });
      const r = await created(store, { reference: 'FASS-2026-0021', ownerId: 'owner-rm', status: 'awaiting_booking' });
      const booked = moved(r, { status: 'booked', booking, links: [{ conversationId: '19:net-c@thread.tacv2', kind: 'channel', by: 'owner-rm', at: at(1) }] }, 1);
      const job = buildJob({ id: `remind:${booking.id}:24h`, reference: r.reference });
      await store.requests.update(booked, auditEntry(), { claim: { clinicianId: 'clin-x', bufferMs: 0, times: [{ start: booking.start, end: booking.end }] }, schedule: [job] });
      const keep = await created(store, { reference: 'FASS-2026-0022', ownerId: 'owner-rm' });
      const tombstone = { ...auditEntry('case.erased', r.reference), detail: { reason_length: '12' } };
      expect(await store.requests.remove(booked, tombstone, { unschedule: [job.id], release: { clinicianId: 'clin-x', times: [{ start: booking.start, end: booking.end }] } })).toBe(true);
      expect(await store.requests.get('fass', r.reference)).toBeNull();
      expect(await store.drafts.get('fass', r.draftId)).toBeNull();
      expect(refs(await store.requests.listByOwner('fass', 'owner-rm', 10))).toEqual([keep.reference]);
      expect(refs(await store.requests.listAll('fass', 10))).toEqual([keep.reference]);
      expect(await store.requests.listByStatus('fass', 'booked', { limit: 10 })).toEqual([]);
      expect(await store.requests.linkedTo('fass', '19:net-c@thread.tacv2')).toEqual([]);
      expect(await store.jobs.pending('fass')).toBe(0);
      expect(await store.availability.busy('fass', 'clin-x', new Date(0))).toEqual([]);
      expect((await store.audit.recent('fass', 1))[0]).toMatchObject({ action: 'case.erased', subject: r.reference });
      // Its reference is never given out again: the year's numbering is untouched.
      expect(await store.requests.remove(booked, tombstone)).toBe(false);
    });
  });
}
