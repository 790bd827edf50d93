import type { Store } from '../../src/ports/store';
import { auditEntry, buildDraft, buildNotification, buildRequest } from '../support/builders';

/**
 * Three services. On a three-primary Redis Cluster (slots split evenly) their hash tags {fass}, {pps} and
 * {amh} fall on three different primaries, so this also proves that commands are routed to each.
 */
export const SERVICES = ['fass', 'pps', 'amh'] as const;

/** One behaviour for every Store: run against memory and against a real Redis server. */
export function describeStoreContract(name: string, open: () => Promise<{ store: Store; close: () => Promise<void> }>) {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    beforeEach(async () => ({ store, close } = await open()));
    afterEach(async () => close());

    it('lets exactly one of many concurrent callers claim a marker', async () => {
      const claims = await Promise.all(Array.from({ length: 20 }, () => store.claimOnce('welcome:conv-1', 60_000)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.claimOnce('welcome:conv-2', 60_000)).toBe(true);
    });

    it('answers ping', async () => {
      expect(await store.ping()).toBe(true);
    });

    it('saves a new draft, reads it back and makes it the owner active draft', async () => {
      const draft = buildDraft({ ownerId: 'owner-a' });
      await store.drafts.save(draft, auditEntry('draft.start', draft.id));
      expect(await store.drafts.get('fass', draft.id)).toEqual(draft);
      expect((await store.drafts.activeFor('fass', 'owner-a'))?.id).toBe(draft.id);
      expect(await store.drafts.activeFor('fass', 'owner-b')).toBeNull();
    });

    it('refuses a save that does not follow the stored version, changing nothing', async () => {
      const draft = buildDraft();
      await store.drafts.save(draft, auditEntry());
      await expect(store.drafts.save({ ...draft, version: 1, step: 'concerns' }, auditEntry())).rejects.toMatchObject({ code: 'version_conflict' });
      await expect(store.drafts.save({ ...draft, version: 3 }, auditEntry())).rejects.toMatchObject({ code: 'version_conflict' });
      await store.drafts.save({ ...draft, version: 2, step: 'exclusions' }, auditEntry());
      expect((await store.drafts.get('fass', draft.id))?.step).toBe('exclusions');
    });

    it('stops pointing at a cancelled draft', async () => {
      const draft = buildDraft({ ownerId: 'owner-c' });
      await store.drafts.save(draft, auditEntry());
      await store.drafts.save({ ...draft, status: 'cancelled', version: 2 }, auditEntry());
      expect(await store.drafts.activeFor('fass', 'owner-c')).toBeNull();
      expect((await store.drafts.get('fass', draft.id))?.status).toBe('cancelled');
    });

    it('reserves one sequence number per draft and distinct numbers across drafts, concurrently', async () => {
      const ids = Array.from({ length: 40 }, (_, i) => `d-${i}`);
      const first = await Promise.all(ids.map((id) => store.requests.reserveSequence('fass', id, 2026)));
      const again = await Promise.all(ids.map((id) => store.requests.reserveSequence('fass', id, 2027)));
      expect(new Set(first.map((s) => s.n)).size).toBe(40);
      expect(first.map((s) => s.n).sort((a, b) => a - b)).toEqual(ids.map((_, i) => i + 1));
      expect(again).toEqual(first);
      expect((await store.requests.reserveSequence('fass', 'another', 2027)).n).toBe(1);
    });

    it('creates a request and submits its draft atomically, once', async () => {
      const draft = buildDraft({ ownerId: 'owner-d' });
      await store.drafts.save(draft, auditEntry());
      const request = buildRequest({ draftId: draft.id, ownerId: 'owner-d', reference: 'FASS-2026-0042' });
      const submitted = { ...draft, status: 'submitted' as const, reference: request.reference, version: 2 };
      const first = await store.requests.create(request, submitted, auditEntry('request.submit', request.reference));
      const second = await store.requests.create({ ...request, status: 'not_recommended' }, { ...submitted, version: 3 }, auditEntry());
      expect(first).toEqual({ created: true, request });
      expect(second).toEqual({ created: false, request });
      expect((await store.drafts.get('fass', draft.id))?.status).toBe('submitted');
      expect(await store.drafts.activeFor('fass', 'owner-d')).toBeNull();
      expect(await store.requests.get('fass', 'FASS-2026-0042')).toEqual(request);
    });

    it('never answers a submission with another draft\'s request, and frees the draft\'s number for a retry', async () => {
      const first = buildDraft({ id: 'draft-first', ownerId: 'owner-e' });
      const second = buildDraft({ id: 'draft-second', ownerId: 'owner-f' });
      await store.drafts.save(first, auditEntry());
      await store.drafts.save(second, auditEntry());
      const theirs = buildRequest({ draftId: first.id, ownerId: 'owner-e', reference: 'FASS-2026-0070' });
      await store.requests.create(theirs, { ...first, status: 'submitted', reference: theirs.reference, version: 2 }, auditEntry());
      // The numbering went back (a failover lost reservations): the second draft's number is the first's reference.
      const reserved = await store.requests.reserveSequence('fass', second.id, 2026);
      const clash = buildRequest({ draftId: second.id, ownerId: 'owner-f', reference: theirs.reference });
      await expect(store.requests.create(clash, { ...second, status: 'submitted', reference: clash.reference, version: 2 }, auditEntry()))
        .rejects.toMatchObject({ name: 'ReferenceTakenError' });
      expect(await store.requests.get('fass', theirs.reference)).toEqual(theirs);
      expect((await store.drafts.get('fass', second.id))?.status).toBe('open');
      expect(await store.requests.reserveSequence('fass', second.id, 2026)).not.toEqual(reserved);
    });

    it('does not create a request from a draft that changed meanwhile', async () => {
      const draft = buildDraft();
      await store.drafts.save(draft, auditEntry());
      const request = buildRequest({ draftId: draft.id, reference: 'FASS-2026-0050' });
      await expect(store.requests.create(request, { ...draft, status: 'submitted', version: 5 }, auditEntry()))
        .rejects.toMatchObject({ code: 'version_conflict' });
      expect(await store.requests.get('fass', 'FASS-2026-0050')).toBeNull();
    });

    it('lists an owner requests newest first, and no one else', async () => {
      for (const [i, owner] of ['o1', 'o2', 'o1', 'o1'].entries()) {
        const draft = buildDraft({ ownerId: owner });
        await store.drafts.save(draft, auditEntry());
        const request = buildRequest({ draftId: draft.id, ownerId: owner, reference: `FASS-2026-010${i}`, submittedAt: `2026-11-2${i}T10:00:00.000Z` });
        await store.requests.create(request, { ...draft, status: 'submitted', version: 2 }, auditEntry());
      }
      expect((await store.requests.listByOwner('fass', 'o1', 10)).map((r) => r.reference)).toEqual(['FASS-2026-0103', 'FASS-2026-0102', 'FASS-2026-0100']);
      expect((await store.requests.listByOwner('fass', 'o1', 2)).length).toBe(2);
      expect(await store.requests.listByOwner('fass', 'nobody', 10)).toEqual([]);
    });

    it('updates a request only from its current version', async () => {
      const draft = buildDraft();
      await store.drafts.save(draft, auditEntry());
      const request = buildRequest({ draftId: draft.id, reference: 'FASS-2026-0060' });
      await store.requests.create(request, { ...draft, status: 'submitted', version: 2 }, auditEntry());
      await store.requests.update({ ...request, status: 'awaiting_review', version: 2 }, auditEntry());
      await expect(store.requests.update({ ...request, status: 'not_recommended', version: 2 }, auditEntry())).rejects.toMatchObject({ code: 'version_conflict' });
      await expect(store.requests.update({ ...request, reference: 'FASS-2026-9999', version: 2 }, auditEntry())).rejects.toMatchObject({ code: 'request_not_found' });
      expect((await store.requests.get('fass', 'FASS-2026-0060'))?.status).toBe('awaiting_review');
    });

    it('keeps each service apart: its drafts, reference numbers, requests, audit and outbox', async () => {
      for (const service of SERVICES) {
        const draft = buildDraft({ service, ownerId: 'owner-m' });
        await store.drafts.save(draft, auditEntry('draft.start', draft.id));
        const { n } = await store.requests.reserveSequence(service, draft.id, 2026);
        const reference = `${service.toUpperCase()}-2026-${String(n).padStart(4, '0')}`;
        const request = buildRequest({ service, draftId: draft.id, ownerId: 'owner-m', reference });
        const submitted = buildNotification({ id: `${reference}:1:submitted`, service, reference, event: 'submitted' });
        await store.requests.create(request, { ...draft, status: 'submitted', reference, version: 2 }, auditEntry('request.submit', reference), [submitted]);
      }
      for (const service of SERVICES) {
        const reference = `${service.toUpperCase()}-2026-0001`;
        expect((await store.requests.listByOwner(service, 'owner-m', 10)).map((r) => r.reference)).toEqual([reference]);
        expect((await store.requests.get(service, reference))?.service).toBe(service);
        expect(await store.drafts.activeFor(service, 'owner-m')).toBeNull();
        expect((await store.audit.recent(service, 10)).map((e) => e.action)).toEqual(['request.submit', 'draft.start']);
        expect((await store.outbox.read(service, 'w1', 10, 50)).map((e) => e.notification.reference)).toEqual([reference]);
      }
    });

    it('keeps an audit entry for every change and for refusals, newest first', async () => {
      const draft = buildDraft();
      await store.drafts.save(draft, auditEntry('draft.start', draft.id));
      await store.audit.append('fass', { ...auditEntry('draft.cancel', draft.id), result: 'denied', code: 'not_owner', detail: { why: 'test' } });
      await expect(store.drafts.save({ ...draft, version: 7 }, auditEntry('never'))).rejects.toBeDefined();
      const recent = await store.audit.recent('fass', 10);
      expect(recent.map((e) => e.action)).toEqual(['draft.cancel', 'draft.start']);
      expect(recent[0]).toMatchObject({ result: 'denied', code: 'not_owner', detail: { why: 'test' } });
    });
  });
}
