import { randomUUID } from 'node:crypto';
import { loadCatalogues } from '../../../src/adapters/catalogue/load-catalogues';
import { StoredPeople, nameKey } from '../../../src/adapters/directory/stored-people';
import { createInMemoryStore } from '../../../src/adapters/memory/in-memory-store';
import type { AppContext } from '../../../src/app/context';
import { availabilityWeek } from '../../../src/app/workspace/availability-week';
import { findPeople } from '../../../src/app/workspace/find-people';
import { listMyConsultations } from '../../../src/app/workspace/my-consultations';
import { myServices } from '../../../src/app/workspace/my-services';
import { readCase } from '../../../src/app/workspace/read-case';
import { reportService } from '../../../src/app/workspace/report-service';
import { reviewQueue } from '../../../src/app/workspace/review-queue';
import { listTriage } from '../../../src/app/workspace/triage-queue';
import type { ConsultationRequest } from '../../../src/domain/request/consultation-request';
import { londonSpan } from '../../support/builders';
import { auditEntry, buildAnswers, buildAvailability, buildBooking, buildDraft, buildRequest, buildRosterMember } from '../../support/builders';

const CLINICIAN = { id: 'clinician-a' };
const OTHER_CLINICIAN = { id: 'clinician-b' };
const COORDINATOR = { id: 'coordinator-z' };
const REFERRER = { id: 'user-sw-1' };

let app: AppContext;
beforeEach(async () => {
  app = { store: createInMemoryStore(), clock: { now: () => new Date('2026-03-20T12:00:00Z') }, ids: { next: () => randomUUID() }, catalogues: loadCatalogues(), meetingUrl: () => 'https://meet.example.test/x' };
  await app.store.roster.put('fass', buildRosterMember({ id: CLINICIAN.id }), auditEntry());
  await app.store.roster.put('fass', buildRosterMember({ id: OTHER_CLINICIAN.id }), auditEntry());
  await app.store.roster.put('fass', buildRosterMember({ id: COORDINATOR.id, roles: ['coordinator', 'clinician'] }), auditEntry());
});

let n = 0;
async function stored(overrides: Partial<ConsultationRequest>): Promise<ConsultationRequest> {
  n += 1;
  const draft = buildDraft({ id: `draft-ws-${n}` });
  await app.store.drafts.save(draft, auditEntry());
  const request = buildRequest({ reference: `FASS-2026-${String(n).padStart(4, '0')}`, draftId: draft.id, ...overrides });
  await app.store.requests.create(request, { ...draft, status: 'submitted', reference: request.reference, version: 2 }, auditEntry());
  return request;
}
const audits = async () => (await app.store.audit.recent('fass', 100)).filter((e) => e.action !== 'test.action');

describe('the workspace use cases', () => {
  it('says in which services a person holds which roles, and none for a referrer', async () => {
    expect(await myServices(app, COORDINATOR)).toEqual([{ service: 'fass', roles: ['clinician', 'coordinator'] }]);
    expect(await myServices(app, REFERRER)).toEqual([]);
  });

  it('lets the assigned clinician and a coordinator read a case, audits each read with its fields, and refuses (and audits) anyone else', async () => {
    const r = await stored({ status: 'booked', booking: buildBooking({ clinicianId: CLINICIAN.id }) });
    await expect(readCase(app, CLINICIAN, { service: 'fass', reference: r.reference })).resolves.toMatchObject({ reference: r.reference });
    await expect(readCase(app, COORDINATOR, { service: 'fass', reference: r.reference })).resolves.toMatchObject({ reference: r.reference });
    await expect(readCase(app, OTHER_CLINICIAN, { service: 'fass', reference: r.reference })).rejects.toMatchObject({ code: 'not_allowed' });
    const trail = (await audits()).filter((e) => e.action === 'case.read');
    expect(trail.map((e) => [e.actor, e.result])).toEqual([[OTHER_CLINICIAN.id, 'denied'], [COORDINATOR.id, 'ok'], [CLINICIAN.id, 'ok']]);
    expect(trail[2]!.detail!.fields).toContain('answers');
    expect(trail.every((e) => e.subject === r.reference)).toBe(true);
  });

  it('lists the clinician\'s own consultations only: booked ones soonest first as upcoming, the rest latest first as past', async () => {
    const later = await stored({ status: 'booked', booking: buildBooking({ clinicianId: CLINICIAN.id, start: '2026-03-27T10:00:00Z' }) });
    const sooner = await stored({ status: 'booked', booking: buildBooking({ clinicianId: CLINICIAN.id, start: '2026-03-24T10:00:00Z' }) });
    const done = await stored({ status: 'completed', booking: buildBooking({ clinicianId: CLINICIAN.id, start: '2026-03-02T10:00:00Z' }),
      completion: { outcome: 'advice_given', notes: 'n', by: CLINICIAN.id, at: '2026-03-02T11:00:00Z', consultationAt: '2026-03-02T10:00:00Z' } });
    await stored({ status: 'booked', booking: buildBooking({ clinicianId: OTHER_CLINICIAN.id }) });
    const mine = await listMyConsultations(app, CLINICIAN, 'fass');
    expect(mine.upcoming.map((r) => r.reference)).toEqual([sooner.reference, later.reference]);
    expect(mine.past.map((r) => r.reference)).toEqual([done.reference]);
    await expect(listMyConsultations(app, REFERRER, 'fass')).rejects.toMatchObject({ code: 'not_allowed' });
  });

  it('puts urgent requests first in triage, then the longest waiting, for clinicians and coordinators only', async () => {
    const urgency = (u: string) => ({ answers: buildAnswers({ details: { helpWith: 'x', legalStatus: 'cp', urgency: u } }) });
    const routineOld = await stored({ status: 'awaiting_booking', submittedAt: '2026-03-01T09:00:00Z', ...urgency('routine') });
    const urgent = await stored({ status: 'offered', submittedAt: '2026-03-19T09:00:00Z', ...urgency('urgent') });
    const routineNew = await stored({ status: 'waitlisted', submittedAt: '2026-03-10T09:00:00Z', ...urgency('routine') });
    const soon = await stored({ status: 'awaiting_booking', submittedAt: '2026-03-18T09:00:00Z', ...urgency('soon') });
    await stored({ status: 'booked', booking: buildBooking(), ...urgency('urgent') });
    expect((await listTriage(app, CLINICIAN, 'fass')).map((r) => r.reference)).toEqual([urgent, soon, routineOld, routineNew].map((r) => r.reference));
    await expect(listTriage(app, REFERRER, 'fass')).rejects.toMatchObject({ code: 'not_allowed' });
    expect((await audits()).find((e) => e.action === 'triage.list')).toMatchObject({ actor: REFERRER.id, result: 'denied' });
  });

  it('audits every request a coordinator reads in the review queue', async () => {
    const a = await stored({ status: 'awaiting_review', review: { reasons: ['safeguarding_override'], requestedAt: '2026-03-19T09:00:00Z' } });
    const b = await stored({ status: 'awaiting_review', review: { reasons: ['referrer_request'], justification: 'j', requestedAt: '2026-03-19T10:00:00Z' } });
    expect((await reviewQueue(app, COORDINATOR, 'fass')).map((r) => r.reference).sort()).toEqual([a.reference, b.reference].sort());
    expect((await audits()).filter((e) => e.action === 'case.read').map((e) => e.subject).sort()).toEqual([a.reference, b.reference].sort());
    await expect(reviewQueue(app, CLINICIAN, 'fass')).rejects.toMatchObject({ code: 'not_allowed' });
  });

  it('reports to coordinators only, and refuses a period that does not read as one', async () => {
    await stored({ submittedAt: '2026-03-05T09:00:00Z' });
    await expect(reportService(app, COORDINATOR, { service: 'fass', from: '2026-03-01', to: '2026-03-31' })).resolves.toMatchObject({ requests: 1 });
    await expect(reportService(app, CLINICIAN, { service: 'fass', from: '2026-03-01', to: '2026-03-31' })).rejects.toMatchObject({ code: 'not_allowed' });
    for (const [from, to] of [['2026-03-31', '2026-03-01'], ['2026-02-30', '2026-03-01'], ['yesterday', '2026-03-01'], [undefined, '2026-03-01'], ['2020-01-01', '2026-03-01']]) {
      await expect(reportService(app, COORDINATOR, { service: 'fass', from, to })).rejects.toMatchObject({ code: 'invalid_input' });
    }
  });

  it('gives a clinician\'s week from its Monday with weekly windows at the same London time either side of the March clock change', async () => {
    await app.store.availability.save('fass', buildAvailability({ clinicianId: CLINICIAN.id, version: 1, weekly: [{ weekday: 1, start: '09:00', end: '12:00' }],
      blackouts: [londonSpan('2026-04-01', '00:00', '00:00', '2026-04-02')] }), auditEntry());
    const before = await availabilityWeek(app, CLINICIAN, { service: 'fass', date: '2026-03-25' });
    const after = await availabilityWeek(app, CLINICIAN, { service: 'fass', date: '2026-04-02' });
    expect(before.days[0]).toBe('2026-03-23');
    expect(before.open.map((s) => new Date(s.start).toISOString())).toEqual(['2026-03-23T09:00:00.000Z']);
    expect(after.days).toEqual(['2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04', '2026-04-05']);
    expect(after.open.map((s) => new Date(s.start).toISOString())).toEqual(['2026-03-30T08:00:00.000Z']);
    expect(after.blackouts).toHaveLength(1);
    expect(before.blackouts).toHaveLength(0);
    await expect(availabilityWeek(app, CLINICIAN, { service: 'fass', date: '30/03/2026' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(availabilityWeek(app, REFERRER, { service: 'fass', date: '2026-03-30' })).rejects.toMatchObject({ code: 'not_allowed' });
  });

  it('finds people the bot has met by name, with their roles in the service, for coordinators only', async () => {
    const people = new StoredPeople(app.store.conversations);
    await app.store.conversations.set(nameKey(CLINICIAN.id), 'Synthetic Clinician A');
    await app.store.conversations.set(nameKey('newcomer-1'), 'Synthetic Newcomer');
    await app.store.conversations.set('user:newcomer-1', '{"user":"synthetic"}');
    expect(await findPeople(app, people, COORDINATOR, { service: 'fass', query: 'synthetic' })).toEqual([
      { id: CLINICIAN.id, name: 'Synthetic Clinician A', roles: ['clinician'] },
      { id: 'newcomer-1', name: 'Synthetic Newcomer', roles: [] },
    ]);
    expect(await findPeople(app, people, COORDINATOR, { service: 'fass', query: 'NEWC' })).toHaveLength(1);
    await expect(findPeople(app, people, CLINICIAN, { service: 'fass', query: '' })).rejects.toMatchObject({ code: 'not_allowed' });
  });
});
