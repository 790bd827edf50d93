import { randomUUID } from 'node:crypto';
import { loadCatalogues } from '../../../src/adapters/catalogue/load-catalogues';
import { createInMemoryStore } from '../../../src/adapters/memory/in-memory-store';
import { acceptTime } from '../../../src/app/booking/accept-time';
import { findFreeTimes } from '../../../src/app/booking/find-free-times';
import { pickTimes } from '../../../src/app/booking/pick-times';
import { changeAvailability } from '../../../src/app/booking/set-availability';
import type { AppContext } from '../../../src/app/context';
import { openEpisode } from '../../../src/app/episode/open-episode';
import { availabilityWeek } from '../../../src/app/workspace/availability-week';
import { overlaps, toInterval } from '../../../src/domain/booking/interval';
import { formatLondon, formatLondonTime, londonDate } from '../../../src/domain/time/london';
import { stillBookedNotice } from '../../../src/conversation/wording/availability';
import { auditEntry, buildDraft, buildRequest, buildRosterMember } from '../../support/builders';
import { completedPpsRequest } from '../../support/episodes';

// H32: a clinician on two services' rosters is one person with one diary. Synthetic people only.
const BOTH = { id: 'clin-both' };
const REFERRER = { id: 'sw-1' };
const BUFFER_MS = 15 * 60_000;

let app: AppContext;
beforeEach(async () => {
  app = { store: createInMemoryStore(), clock: { now: () => new Date('2027-03-01T09:00:00Z') }, ids: { next: () => randomUUID() }, catalogues: loadCatalogues(), meetingUrl: () => 'https://meet.example.test/x' };
  for (const service of ['fass', 'pps']) {
    await app.store.roster.put(service, buildRosterMember({ id: BOTH.id }), auditEntry());
    for (let weekday = 1; weekday <= 5; weekday += 1) {
      await changeAvailability(app, BOTH, { service, version: weekday - 1, change: { change: 'add_weekly', weekday, start: '09:00', end: '17:00' } });
    }
  }
});

async function waiting(service: 'fass' | 'pps', reference: string) {
  const draft = buildDraft({ id: `draft-${reference}`, service, ownerId: REFERRER.id });
  await app.store.drafts.save(draft, auditEntry());
  const request = buildRequest({ service, reference, draftId: draft.id, ownerId: REFERRER.id });
  await app.store.requests.create(request, { ...draft, status: 'submitted', reference, version: 2 }, auditEntry());
  return request;
}

describe('a clinician who works for two services', () => {
  it('is not offered, and cannot take, a time they are booked in the other service; their week shows both', async () => {
    await waiting('fass', 'FASS-2027-0001');
    await waiting('pps', 'PPS-2027-0001');
    const fassFirst = (await findFreeTimes(app, 'fass'))[0]!.start;
    const ppsFirst = (await findFreeTimes(app, 'pps'))[0]!.start;
    // Same diary published in both: the first times clash, which is the case this guards.
    const consultation = (start: string) => ({ start: Date.parse(start), end: Date.parse(start) + 3_600_000 });
    expect(overlaps(consultation(fassFirst), consultation(ppsFirst), BUFFER_MS)).toBe(true);
    await pickTimes(app, REFERRER, { service: 'fass', reference: 'FASS-2027-0001', starts: [fassFirst] });
    await pickTimes(app, REFERRER, { service: 'pps', reference: 'PPS-2027-0001', starts: [ppsFirst] });

    await acceptTime(app, BOTH, { service: 'fass', reference: 'FASS-2027-0001', start: fassFirst });

    const booked = consultation(fassFirst);
    const ppsNow = await findFreeTimes(app, 'pps');
    expect(ppsNow.length).toBeGreaterThan(0);
    expect(ppsNow.filter((t) => overlaps(consultation(t.start), booked, BUFFER_MS))).toEqual([]);
    const before = await app.store.requests.get('pps', 'PPS-2027-0001');
    await expect(acceptTime(app, BOTH, { service: 'pps', reference: 'PPS-2027-0001', start: ppsFirst })).rejects.toMatchObject({ code: 'clinician_busy' });
    expect(await app.store.requests.get('pps', 'PPS-2027-0001')).toEqual(before);
    expect(await app.store.availability.busy('pps', BOTH.id, app.clock.now())).toEqual([]);

    const week = await availabilityWeek(app, BOTH, { service: 'pps', date: londonDate(new Date(fassFirst)) });
    expect(week.busy.map((b) => b.reference)).toEqual(['FASS-2027-0001']);
  });

  it('gets an episode\'s weekly session moved off a week they are booked in the other service', async () => {
    await waiting('fass', 'FASS-2027-0002');
    const fassFirst = (await findFreeTimes(app, 'fass'))[0]!.start;
    await pickTimes(app, REFERRER, { service: 'fass', reference: 'FASS-2027-0002', starts: [fassFirst] });
    await acceptTime(app, BOTH, { service: 'fass', reference: 'FASS-2027-0002', start: fassFirst });
    await completedPpsRequest(app.store, 'PPS-2027-0002', { ownerId: REFERRER.id, therapistId: BOTH.id });

    const { request } = await openEpisode(app, BOTH, {
      service: 'pps', reference: 'PPS-2027-0002', intervention: 'cbt', plannedSessions: 12,
      firstDate: londonDate(new Date(fassFirst)), time: formatLondonTime(fassFirst),
    });
    const sessions = request.episode!.sessions;
    expect(sessions).toHaveLength(12);
    expect(sessions.filter((s) => overlaps(toInterval(s), toInterval({ start: fassFirst, end: new Date(Date.parse(fassFirst) + 3_600_000).toISOString() }), BUFFER_MS))).toEqual([]);
    expect(sessions.flatMap((s) => s.moves ?? []).map((m) => [m.from, m.why])).toContainEqual([fassFirst, 'busy']);
  });
});

describe('a change to availability that leaves bookings outside the clinician\'s time', () => {
  async function bookedFass(reference: string) {
    await waiting('fass', reference);
    const start = (await findFreeTimes(app, 'fass'))[0]!.start;
    await pickTimes(app, REFERRER, { service: 'fass', reference, starts: [start] });
    await acceptTime(app, BOTH, { service: 'fass', reference, start });
    return start;
  }

  it('names the booking a blackout now covers, and the booking stands', async () => {
    const start = await bookedFass('FASS-2027-0003');
    const day = londonDate(new Date(start));
    const version = (await app.store.availability.get('fass', BOTH.id))!.version;
    const elsewhere = await changeAvailability(app, BOTH, { service: 'fass', version, change: { change: 'add_blackout', from: '2027-03-20', to: '2027-03-21' } });
    expect(elsewhere.stillBooked).toEqual([]);
    const over = await changeAvailability(app, BOTH, { service: 'fass', version: version + 1, change: { change: 'add_blackout', from: day, to: day } });
    expect(over.stillBooked.map((b) => [b.reference, new Date(b.start).toISOString()])).toEqual([['FASS-2027-0003', start]]);
    expect(over.availability.blackouts).toHaveLength(2);
    expect((await app.store.requests.get('fass', 'FASS-2027-0003'))!.status).toBe('booked');
    expect(stillBookedNotice(over.stillBooked)).toContain(`FASS-2027-0003 on ${formatLondon(start)}`);
  });

  it('names the booking a removed weekly window no longer covers, and nothing when the window removed held none', async () => {
    const start = await bookedFass('FASS-2027-0004');
    const weekday = ((new Date(start).getUTCDay() + 6) % 7) + 1;
    let availability = (await app.store.availability.get('fass', BOTH.id))!;
    const other = availability.weekly.findIndex((w) => w.weekday !== weekday);
    const first = await changeAvailability(app, BOTH, { service: 'fass', version: availability.version, change: { change: 'remove', list: 'weekly', index: other } });
    expect(first.stillBooked).toEqual([]);
    availability = first.availability;
    const holding = availability.weekly.findIndex((w) => w.weekday === weekday);
    const second = await changeAvailability(app, BOTH, { service: 'fass', version: availability.version, change: { change: 'remove', list: 'weekly', index: holding } });
    expect(second.stillBooked.map((b) => b.reference)).toEqual(['FASS-2027-0004']);
  });

  it('names at most five bookings and counts the rest', () => {
    const booked = Array.from({ length: 7 }, (_, i) => ({ reference: `FASS-2027-01${i}0`, start: Date.parse('2027-03-08T10:00:00Z') + i * 86_400_000, end: 0 }));
    const text = stillBookedNotice(booked);
    expect(text.match(/FASS-2027-01\d0/g)).toEqual(booked.slice(0, 5).map((b) => b.reference));
    expect(text).toContain('and 2 more');
    expect(stillBookedNotice([])).toBe('');
  });
});
