import type { Availability } from '../../src/domain/booking/availability';
import type { ConsultationRequest } from '../../src/domain/request/consultation-request';
import type { BusyTime } from '../../src/ports/availability-store';
import type { RequestEffects } from '../../src/ports/request-store';
import type { Store } from '../../src/ports/store';
import { auditEntry, buildAvailability, buildBooking, buildDraft, buildJob, buildRequest, buildRosterMember } from '../support/builders';

/** Two handles on the same data: in production, two bot processes on one Redis. */
export interface BookingStores {
  store: Store;
  peer: Store;
  close: () => Promise<void>;
}

const MINUTE = 60_000;
const BUFFER = 15 * MINUTE;
const at = (hhmm: string) => `2026-12-07T${hhmm}:00.000Z`;
const ms = (hhmm: string) => Date.parse(at(hhmm));
const claim = (clinicianId: string, from: string, to: string): RequestEffects['claim'] => ({ clinicianId, bufferMs: BUFFER, times: [{ start: at(from), end: at(to) }] });
const release = (clinicianId: string, from: string, to: string): RequestEffects['release'] => ({ clinicianId, times: [{ start: at(from), end: at(to) }] });
/** A day's time as a span, on the contract's day plus `weeks` weeks. */
const onWeek = (weeks: number, from: string, to: string) => ({ start: new Date(ms(from) + weeks * 7 * 86_400_000).toISOString(), end: new Date(ms(to) + weeks * 7 * 86_400_000).toISOString() });
const byStart = (busy: BusyTime[]) => [...busy].sort((a, b) => a.start - b.start);

/** The booking side of every Store: roster, availability, claimed time, jobs and conversations, on memory and on Redis. */
export function describeBookingContract(name: string, open: () => Promise<BookingStores>) {
  describe(`Booking store contract: ${name}`, () => {
    let store: Store;
    let peer: Store;
    let close: () => Promise<void>;
    beforeEach(async () => ({ store, peer, close } = await open()));
    afterEach(async () => close());

    /** A submitted request, as the referrer's submit leaves it. */
    async function submitted(reference: string, overrides: Partial<ConsultationRequest> = {}): Promise<ConsultationRequest> {
      const draft = buildDraft({ ownerId: overrides.ownerId ?? 'user-sw-1' });
      await store.drafts.save(draft, auditEntry());
      const request = buildRequest({ draftId: draft.id, reference, ...overrides });
      await store.requests.create(request, { ...draft, status: 'submitted', reference, version: 2 }, auditEntry('request.submit', reference));
      return request;
    }

    /** The request moved on one version (booked, or released), with the given effects. */
    const step = (request: ConsultationRequest, effects: RequestEffects, changes: Partial<ConsultationRequest> = {}) =>
      store.requests.update({ ...request, ...changes, version: request.version + 1 }, auditEntry('booking.step', request.reference), effects);

    describe('roster', () => {
      it('adds, replaces, lists by id and removes members, auditing each change', async () => {
        await store.roster.put('fass', buildRosterMember({ id: 'clinician-b' }), auditEntry('roster.put', 'clinician-b'));
        await store.roster.put('fass', buildRosterMember({ id: 'clinician-a' }), auditEntry('roster.put', 'clinician-a'));
        await store.roster.put('fass', buildRosterMember({ id: 'clinician-a', roles: ['coordinator', 'clinician'] }), auditEntry('roster.put', 'clinician-a'));
        expect(await store.roster.get('fass', 'clinician-a')).toEqual(buildRosterMember({ id: 'clinician-a', roles: ['coordinator', 'clinician'] }));
        expect((await store.roster.list('fass')).map((m) => m.id)).toEqual(['clinician-a', 'clinician-b']);
        expect(await store.roster.list('other-service')).toEqual([]);

        expect(await store.roster.remove('fass', 'clinician-b', auditEntry('roster.remove', 'clinician-b'))).toBe(true);
        expect(await store.roster.remove('fass', 'clinician-b', auditEntry('roster.remove', 'clinician-b'))).toBe(false);
        expect(await store.roster.get('fass', 'clinician-b')).toBeNull();
        expect((await store.roster.list('fass')).map((m) => m.id)).toEqual(['clinician-a']);
        expect((await store.audit.recent('fass', 10)).map((e) => e.action)).toEqual(['roster.remove', 'roster.remove', 'roster.put', 'roster.put', 'roster.put']);
      });
    });

    describe('availability', () => {
      const weekly = (version: number, clinicianId = 'clinician-a'): Availability =>
        buildAvailability({ clinicianId, version, weekly: [{ weekday: version % 7 + 1, start: '09:00', end: '12:00' }] });

      it('saves each version after the last and lists clinicians by id', async () => {
        expect(await store.availability.get('fass', 'clinician-a')).toBeNull();
        await store.availability.save('fass', weekly(1, 'clinician-b'), auditEntry('availability.change'));
        await store.availability.save('fass', weekly(1), auditEntry('availability.change'));
        await store.availability.save('fass', weekly(2), auditEntry('availability.change'));
        expect(await store.availability.get('fass', 'clinician-a')).toEqual(weekly(2));
        expect(await store.availability.list('fass')).toEqual([weekly(2), weekly(1, 'clinician-b')]);
        expect(await store.availability.list('other-service')).toEqual([]);
      });

      it('refuses a save from a stale or skipped version with version_conflict, changing nothing', async () => {
        await store.availability.save('fass', weekly(1), auditEntry('availability.change'));
        await store.availability.save('fass', weekly(2), auditEntry('availability.change'));
        await expect(store.availability.save('fass', { ...weekly(2), weekly: [] }, auditEntry('never'))).rejects.toMatchObject({ code: 'version_conflict' });
        await expect(store.availability.save('fass', weekly(1), auditEntry('never'))).rejects.toMatchObject({ code: 'version_conflict' });
        await expect(store.availability.save('fass', weekly(4), auditEntry('never'))).rejects.toMatchObject({ code: 'version_conflict' });
        await expect(store.availability.save('fass', weekly(2, 'clinician-new'), auditEntry('never'))).rejects.toMatchObject({ code: 'version_conflict' });
        expect(await store.availability.get('fass', 'clinician-a')).toEqual(weekly(2));
        expect(await store.availability.get('fass', 'clinician-new')).toBeNull();
        expect((await store.audit.recent('fass', 10)).map((e) => e.action)).not.toContain('never');
      });

      it('lets only one of two saves of the same next version through, from two processes', async () => {
        await store.availability.save('fass', weekly(1), auditEntry());
        const results = await Promise.allSettled([
          store.availability.save('fass', { ...weekly(2), weekly: [] }, auditEntry()),
          peer.availability.save('fass', weekly(2), auditEntry()),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
        expect((await store.availability.get('fass', 'clinician-a'))?.version).toBe(2);
      });
    });

    describe('claiming a clinician\'s time', () => {
      it('books the time and reports it as busy', async () => {
        const request = await submitted('FASS-2026-0201');
        await step(request, { claim: claim('clinician-a', '10:00', '11:00') }, { status: 'booked' });
        expect(await store.availability.busy('fass', 'clinician-a', new Date(at('00:00')))).toEqual([{ start: ms('10:00'), end: ms('11:00'), reference: 'FASS-2026-0201' }]);
        expect(await store.availability.busy('fass', 'clinician-b', new Date(at('00:00')))).toEqual([]);
        expect((await store.requests.get('fass', 'FASS-2026-0201'))).toMatchObject({ status: 'booked', version: 2 });
      });

      it('reports only consultations that end after the moment asked about, including one under way', async () => {
        const morning = await submitted('FASS-2026-0202');
        const afternoon = await submitted('FASS-2026-0203');
        await step(morning, { claim: claim('clinician-a', '09:00', '10:00') });
        await step(afternoon, { claim: claim('clinician-a', '14:00', '15:00') });
        expect(byStart(await store.availability.busy('fass', 'clinician-a', new Date(at('09:30'))))).toEqual([
          { start: ms('09:00'), end: ms('10:00'), reference: 'FASS-2026-0202' },
          { start: ms('14:00'), end: ms('15:00'), reference: 'FASS-2026-0203' },
        ]);
        expect(await store.availability.busy('fass', 'clinician-a', new Date(at('10:00')))).toEqual([{ start: ms('14:00'), end: ms('15:00'), reference: 'FASS-2026-0203' }]);
      });

      it('reads the calendars of the clinicians asked about in one go: published time and busy time, in the order asked', async () => {
        const a = buildAvailability({ clinicianId: 'clinician-a', version: 1, weekly: [{ weekday: 1, start: '09:00', end: '12:00' }] });
        const b = buildAvailability({ clinicianId: 'clinician-b', version: 1, weekly: [{ weekday: 2, start: '13:00', end: '17:00' }] });
        await store.availability.save('fass', a, auditEntry('availability.change'));
        await store.availability.save('fass', b, auditEntry('availability.change'));
        const morning = await submitted('FASS-2026-0204');
        const evening = await submitted('FASS-2026-0205');
        await step(morning, { claim: claim('clinician-a', '09:00', '10:00') });
        await step(evening, { claim: claim('clinician-a', '18:00', '19:00') });
        const from = new Date(at('09:30'));
        const calendars = await store.availability.calendars('fass', ['clinician-b', 'clinician-unpublished', 'clinician-a'], from);
        expect(calendars.map((c) => c.availability)).toEqual([b, a]);
        expect(calendars.map((c) => byStart(c.busy))).toEqual([[], byStart(await store.availability.busy('fass', 'clinician-a', from))]);
        expect(calendars[1]!.busy).toHaveLength(2);
        expect(await store.availability.calendars('fass', [], from)).toEqual([]);
        expect(await store.availability.calendars('other-service', ['clinician-a'], from)).toEqual([]);
      });

      it.each([
        ['the same hour', '10:00', '11:00'],
        ['an hour that overlaps it', '10:30', '11:30'],
        ['an hour starting inside the buffer after it', '11:14', '12:14'],
        ['an hour ending inside the buffer before it', '08:46', '09:46'],
      ])('refuses %s for the same clinician with clinician_busy, changing nothing', async (_, from, to) => {
        const first = await submitted('FASS-2026-0210');
        const second = await submitted('FASS-2026-0211');
        const waiting = buildJob({ id: 'escalate:FASS-2026-0211:offer-1', kind: 'escalation', reference: second.reference, due: at('08:00') });
        await step(first, { claim: claim('clinician-a', '10:00', '11:00'), schedule: [waiting] }, { status: 'booked' });
        const auditBefore = await store.audit.recent('fass', 100);

        await expect(step(second, {
          claim: claim('clinician-a', from, to),
          schedule: [buildJob({ id: 'remind:second:24h', reference: second.reference, due: at('09:00') })],
          unschedule: [waiting.id],
        }, { status: 'booked' })).rejects.toMatchObject({ code: 'clinician_busy' });

        expect(await store.requests.get('fass', second.reference)).toEqual(second);
        expect(await store.jobs.claimDue('fass', new Date(at('23:00')), 60_000, 10)).toEqual([waiting]);
        expect(await store.audit.recent('fass', 100)).toEqual(auditBefore);
        expect(await store.availability.busy('fass', 'clinician-a', new Date(at('00:00')))).toEqual([{ start: ms('10:00'), end: ms('11:00'), reference: first.reference }]);
      });

      it.each([
        ['exactly the buffer after it', '11:15', '12:15'],
        ['exactly the buffer before it', '08:45', '09:45'],
      ])('allows an hour %s', async (_, from, to) => {
        const first = await submitted('FASS-2026-0220');
        const second = await submitted('FASS-2026-0221');
        await step(first, { claim: claim('clinician-a', '10:00', '11:00') });
        await step(second, { claim: claim('clinician-a', from, to) });
        expect(await store.availability.busy('fass', 'clinician-a', new Date(at('00:00')))).toHaveLength(2);
        expect((await store.requests.get('fass', second.reference))?.version).toBe(2);
      });

      it('lets another clinician take the same hour', async () => {
        const first = await submitted('FASS-2026-0230');
        const second = await submitted('FASS-2026-0231');
        await step(first, { claim: claim('clinician-a', '10:00', '11:00') });
        await step(second, { claim: claim('clinician-b', '10:00', '11:00') });
        expect(await store.availability.busy('fass', 'clinician-b', new Date(at('00:00')))).toEqual([{ start: ms('10:00'), end: ms('11:00'), reference: second.reference }]);
      });

      it('frees the time when it is released, so that another request can claim it', async () => {
        const first = await submitted('FASS-2026-0240');
        const second = await submitted('FASS-2026-0241');
        await step(first, { claim: claim('clinician-a', '10:00', '11:00') }, { status: 'booked' });
        const booked = (await store.requests.get('fass', first.reference))!;
        await step(booked, { release: release('clinician-a', '10:00', '11:00') }, { status: 'awaiting_booking' });
        expect(await store.availability.busy('fass', 'clinician-a', new Date(at('00:00')))).toEqual([]);
        await step(second, { claim: claim('clinician-a', '10:30', '11:30') });
        expect(await store.availability.busy('fass', 'clinician-a', new Date(at('00:00')))).toEqual([{ start: ms('10:30'), end: ms('11:30'), reference: second.reference }]);
      });

      it('releases only the releasing request\'s own time', async () => {
        const first = await submitted('FASS-2026-0250');
        const second = await submitted('FASS-2026-0251');
        await step(first, { claim: claim('clinician-a', '10:00', '11:00') });
        await step(second, { release: release('clinician-a', '10:00', '11:00') });
        expect(await store.availability.busy('fass', 'clinician-a', new Date(at('00:00')))).toHaveLength(1);
      });

      it('moves a booking from one clinician to another in one step', async () => {
        const request = await submitted('FASS-2026-0255');
        await step(request, { claim: claim('clinician-a', '10:00', '11:00') }, { status: 'booked' });
        const booked = (await store.requests.get('fass', request.reference))!;
        await step(booked, { claim: claim('clinician-b', '10:00', '11:00'), release: release('clinician-a', '10:00', '11:00') });
        expect(await store.availability.busy('fass', 'clinician-a', new Date(at('00:00')))).toEqual([]);
        expect(await store.availability.busy('fass', 'clinician-b', new Date(at('00:00')))).toHaveLength(1);
      });

      it('claims a whole series in one step, and refuses all of it if one session would clash or the series overlaps itself', async () => {
        const other = await submitted('FASS-2026-0280');
        const series = await submitted('FASS-2026-0281');
        await step(other, { claim: { clinicianId: 'clinician-a', bufferMs: BUFFER, times: [onWeek(2, '10:30', '11:30')] } });
        const weekly = (weeks: number[]) => ({ clinicianId: 'clinician-a', bufferMs: BUFFER, times: weeks.map((w) => onWeek(w, '10:00', '11:00')) });
        await expect(step(series, { claim: weekly([0, 1, 2, 3]) })).rejects.toMatchObject({ code: 'clinician_busy' });
        expect(await store.availability.busy('fass', 'clinician-a', new Date(at('00:00')))).toHaveLength(1);
        expect(await store.requests.get('fass', series.reference)).toEqual(series);
        const selfOverlap = { clinicianId: 'clinician-a', bufferMs: BUFFER, times: [onWeek(0, '10:00', '11:00'), onWeek(0, '11:10', '12:10')] };
        await expect(step(series, { claim: selfOverlap })).rejects.toMatchObject({ code: 'clinician_busy' });
        expect(await store.availability.busy('fass', 'clinician-a', new Date(at('00:00')))).toHaveLength(1);
        await step(series, { claim: weekly([0, 1, 3, 4]) });
        expect(byStart(await store.availability.busy('fass', 'clinician-a', new Date(at('00:00')))).map((b) => b.reference))
          .toEqual(['FASS-2026-0281', 'FASS-2026-0281', 'FASS-2026-0280', 'FASS-2026-0281', 'FASS-2026-0281']);
      });

      it('moves one session within its own buffer (release and claim in one step), and leaves it where it was when the new time clashes', async () => {
        const other = await submitted('FASS-2026-0290');
        const series = await submitted('FASS-2026-0291');
        await step(other, { claim: claim('clinician-a', '13:00', '14:00') });
        await step(series, { claim: { clinicianId: 'clinician-a', bufferMs: BUFFER, times: [onWeek(0, '10:00', '11:00'), onWeek(1, '10:00', '11:00')] } });
        const current = (await store.requests.get('fass', series.reference))!;
        await expect(step(current, { release: release('clinician-a', '10:00', '11:00'), claim: claim('clinician-a', '12:30', '13:30') }))
          .rejects.toMatchObject({ code: 'clinician_busy' });
        expect(byStart(await store.availability.busy('fass', 'clinician-a', new Date(at('00:00')))).map((b) => b.start)).toEqual([ms('10:00'), ms('13:00'), Date.parse(onWeek(1, '10:00', '11:00').start)]);
        await step(current, { release: release('clinician-a', '10:00', '11:00'), claim: claim('clinician-a', '10:30', '11:30') });
        expect(byStart(await store.availability.busy('fass', 'clinician-a', new Date(at('00:00')))).map((b) => b.start)).toEqual([ms('10:30'), ms('13:00'), Date.parse(onWeek(1, '10:00', '11:00').start)]);
      });

      it('claims nothing when the request version is stale', async () => {
        const request = await submitted('FASS-2026-0260');
        await step(request, {});
        await expect(step(request, { claim: claim('clinician-a', '10:00', '11:00') })).rejects.toMatchObject({ code: 'version_conflict' });
        expect(await store.availability.busy('fass', 'clinician-a', new Date(at('00:00')))).toEqual([]);
      });

      it('books one of two requests racing for overlapping hours of one clinician, from two processes', async () => {
        const first = await submitted('FASS-2026-0270');
        const second = await submitted('FASS-2026-0271');
        const results = await Promise.allSettled([
          store.requests.update({ ...first, version: 2 }, auditEntry(), { claim: claim('clinician-a', '10:00', '11:00') }),
          peer.requests.update({ ...second, version: 2 }, auditEntry(), { claim: claim('clinician-a', '10:30', '11:30') }),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
        expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'clinician_busy' } });
        expect(await store.availability.busy('fass', 'clinician-a', new Date(at('00:00')))).toHaveLength(1);
      });
    });

    describe('jobs', () => {
      const now = new Date(at('10:00'));
      const LEASE = 60_000;

      it('schedules and unschedules jobs in the same step as the request', async () => {
        const request = await submitted('FASS-2026-0301');
        const booking = buildBooking();
        const reminders = [buildJob({ id: `remind:${booking.id}:24h`, kind: 'reminder', due: at('09:00') }), buildJob({ id: `remind:${booking.id}:1h`, kind: 'reminder', due: at('09:30') })];
        await step(request, { schedule: reminders });
        expect(await store.jobs.pending('fass')).toBe(2);
        await step((await store.requests.get('fass', request.reference))!, { unschedule: [reminders[0]!.id, 'never-scheduled'] });
        expect(await store.jobs.pending('fass')).toBe(1);
        expect(await store.jobs.claimDue('fass', now, LEASE, 10)).toEqual([reminders[1]]);
      });

      it('keeps one job when the same job is scheduled twice', async () => {
        await store.jobs.schedule(buildJob({ due: at('09:00') }));
        await store.jobs.schedule(buildJob({ due: at('09:30') }));
        expect(await store.jobs.pending('fass')).toBe(1);
        expect(await store.jobs.claimDue('fass', now, LEASE, 10)).toEqual([buildJob({ due: at('09:30') })]);
      });

      it('hands out due jobs oldest first, up to the limit, and none that are not due or of another service', async () => {
        await store.jobs.schedule(buildJob({ id: 'late', due: at('10:00') }));
        await store.jobs.schedule(buildJob({ id: 'early', due: at('08:00') }));
        await store.jobs.schedule(buildJob({ id: 'later', due: at('10:01') }));
        await store.jobs.schedule(buildJob({ id: 'elsewhere', service: 'other-service', due: at('08:00') }));
        expect((await store.jobs.claimDue('fass', now, LEASE, 1)).map((j) => j.id)).toEqual(['early']);
        expect((await store.jobs.claimDue('fass', now, LEASE, 10)).map((j) => j.id)).toEqual(['late']);
        expect(await store.jobs.pending('fass')).toBe(3);
      });

      it('gives a due job to only one of two concurrent claimers', async () => {
        await store.jobs.schedule(buildJob({ due: at('09:00') }));
        const [mine, theirs] = await Promise.all([store.jobs.claimDue('fass', now, LEASE, 10), peer.jobs.claimDue('fass', now, LEASE, 10)]);
        expect([...mine, ...theirs]).toEqual([buildJob({ due: at('09:00') })]);
      });

      it('hides a claimed job for the lease and gives it back once the lease runs out', async () => {
        await store.jobs.schedule(buildJob({ due: at('09:00') }));
        expect(await store.jobs.claimDue('fass', now, LEASE, 10)).toHaveLength(1);
        expect(await peer.jobs.claimDue('fass', new Date(now.getTime() + LEASE - 1), LEASE, 10)).toEqual([]);
        expect(await peer.jobs.claimDue('fass', new Date(now.getTime() + LEASE), LEASE, 10)).toEqual([buildJob({ due: at('09:00') })]);
        expect(await store.jobs.pending('fass')).toBe(1);
      });

      it('removes a completed job for good', async () => {
        await store.jobs.schedule(buildJob({ due: at('09:00') }));
        const [job] = await store.jobs.claimDue('fass', now, LEASE, 10);
        await store.jobs.complete(job!);
        expect(await store.jobs.pending('fass')).toBe(0);
        expect(await peer.jobs.claimDue('fass', new Date(now.getTime() + 10 * LEASE), LEASE, 10)).toEqual([]);
      });
    });

    describe('conversations', () => {
      it('keeps the latest value per key, once whatever the service, and nothing for an unknown key', async () => {
        expect(await store.conversations.get('triage:fass')).toBeNull();
        await store.conversations.set('triage:fass', '{"conversation":{"id":"19:synthetic-a"}}');
        await store.conversations.set('triage:fass', '{"conversation":{"id":"19:synthetic-b"}}');
        await store.conversations.set('user:user-sw-1', '{"user":"synthetic"}');
        expect(await peer.conversations.get('triage:fass')).toBe('{"conversation":{"id":"19:synthetic-b"}}');
        expect(await peer.conversations.get('user:user-sw-1')).toBe('{"user":"synthetic"}');
        expect(await store.conversations.get('triage:other-service')).toBeNull();
      });

      it('reads several entries in one go, in the order asked, and writes several at once', async () => {
        expect(await store.conversations.getMany([])).toEqual([]);
        await store.conversations.setMany([]);
        await store.conversations.setMany([['name:person-a', 'Synthetic A'], ['mri:person-a', '29:person-a'], ['conv:19:synthetic', '{"conversation":{}}']]);
        await store.conversations.setMany([['name:person-a', 'Synthetic Renamed']]);
        expect(await peer.conversations.getMany(['mri:person-a', 'name:nobody', 'name:person-a', 'conv:19:synthetic']))
          .toEqual(['29:person-a', null, 'Synthetic Renamed', '{"conversation":{}}']);
      });

      it('marks people\'s entries written together as seen, for retention, and not a conversation\'s', async () => {
        await store.conversations.setMany([['name:person-a', 'Synthetic A'], ['user:person-a', '{}'], ['conv:19:synthetic', '{}']]);
        expect(await store.conversations.forgetUnseen(new Date(Date.now() + 60_000), 100)).toBe(2);
        expect(await store.conversations.getMany(['name:person-a', 'user:person-a', 'conv:19:synthetic'])).toEqual([null, null, '{}']);
      });
    });

    describe('directory entries', () => {
      it('lists the entries under a prefix, up to the limit, and none under another or with glob characters taken literally', async () => {
        for (let i = 0; i < 30; i += 1) await store.conversations.set(`name:person-${i}`, `Synthetic Person ${i}`);
        await store.conversations.set('user:person-1', '{"user":"synthetic"}');
        await store.conversations.set('name*:odd', 'literal star');
        const names = await peer.conversations.entries('name:', 100);
        expect(names).toHaveLength(30);
        expect(new Map(names).get('name:person-7')).toBe('Synthetic Person 7');
        expect(await store.conversations.entries('name:', 5)).toHaveLength(5);
        expect(await store.conversations.entries('name*', 100)).toEqual([['name*:odd', 'literal star']]);
        expect(await store.conversations.entries('nobody:', 10)).toEqual([]);
      });
    });

    describe('all requests', () => {
      it('lists every owner\'s requests of the service, newest first, up to the limit', async () => {
        await submitted('FASS-2026-0401', { ownerId: 'owner-a', submittedAt: '2026-11-20T10:00:00.000Z' });
        await submitted('FASS-2026-0403', { ownerId: 'owner-b', submittedAt: '2026-11-22T10:00:00.000Z' });
        await submitted('FASS-2026-0402', { ownerId: 'owner-c', submittedAt: '2026-11-21T10:00:00.000Z' });
        expect((await store.requests.listAll('fass', 10)).map((r) => r.reference)).toEqual(['FASS-2026-0403', 'FASS-2026-0402', 'FASS-2026-0401']);
        expect((await store.requests.listAll('fass', 2)).map((r) => r.reference)).toEqual(['FASS-2026-0403', 'FASS-2026-0402']);
        expect(await store.requests.listAll('other-service', 10)).toEqual([]);
      });

      it('lists requests as they stand after updates', async () => {
        const request = await submitted('FASS-2026-0410');
        await step(request, {}, { status: 'waitlisted' });
        expect(await store.requests.listAll('fass', 10)).toEqual([{ ...request, status: 'waitlisted', version: 2 }]);
      });
    });
  });
}
