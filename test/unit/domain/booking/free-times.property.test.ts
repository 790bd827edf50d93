import fc from 'fast-check';
import { loadCatalogues } from '../../../../src/adapters/catalogue/load-catalogues';
import { openSpans, type Availability } from '../../../../src/domain/booking/availability';
import { coversConsultation, freeSlots } from '../../../../src/domain/booking/free-times';
import { overlaps, toInterval, type Interval } from '../../../../src/domain/booking/interval';
import { addDays, londonDate } from '../../../../src/domain/time/london';
import { buildAvailability, londonDays, londonSpan } from '../../../support/builders';

const catalogueRules = loadCatalogues().get('fass')!.booking;
const MINUTE = 60_000;
const DAY = 86_400_000;
// 2026 and 2027, so that every run crosses clock changes often.
const FIRST = Date.parse('2026-01-01T00:00:00Z');
const LAST = Date.parse('2027-12-01T00:00:00Z');

const quarter = fc.integer({ min: 0, max: 95 });
const hhmm = (q: number) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
const timeRange = fc.tuple(quarter, quarter).filter(([a, b]) => a !== b).map(([a, b]) => [hhmm(Math.min(a, b)), hhmm(Math.max(a, b))] as const);

/** Availability as the cards build it: weekly windows, one-off London times, whole-day and partial blackouts near `now`. */
const world = fc.record({
  now: fc.integer({ min: FIRST, max: LAST }),
  weekly: fc.array(fc.record({ weekday: fc.integer({ min: 1, max: 7 }), range: timeRange }), { maxLength: 5 }),
  extras: fc.array(fc.record({ day: fc.integer({ min: -2, max: 31 }), range: timeRange }), { maxLength: 4 }),
  dayBlackouts: fc.array(fc.record({ day: fc.integer({ min: -2, max: 31 }), length: fc.integer({ min: 0, max: 3 }) }), { maxLength: 2 }),
  partialBlackouts: fc.array(fc.record({ from: fc.integer({ min: -2 * DAY, max: 31 * DAY }), minutes: fc.integer({ min: 1, max: 600 }) }), { maxLength: 2 }),
  busy: fc.array(fc.record({ from: fc.integer({ min: -2 * DAY, max: 31 * DAY }), minutes: fc.integer({ min: 15, max: 240 }) }), { maxLength: 8 }),
  bufferMinutes: fc.constantFrom(0, 5, 15, 30),
  consultationMinutes: fc.constantFrom(30, 60, 90),
});
type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

function build(w: World) {
  const today = londonDate(new Date(w.now));
  const availability: Availability = buildAvailability({
    weekly: w.weekly.map(({ weekday, range: [start, end] }) => ({ weekday, start, end })),
    extras: w.extras.map(({ day, range: [start, end] }) => londonSpan(addDays(today, day), start, end)),
    blackouts: [
      ...w.dayBlackouts.map(({ day, length }) => londonDays(addDays(today, day), addDays(today, day + length))),
      ...w.partialBlackouts.map(({ from, minutes }) => ({
        start: new Date(w.now + from).toISOString(), end: new Date(w.now + from + minutes * MINUTE).toISOString() })),
    ],
  });
  const busy: Interval[] = w.busy.map(({ from, minutes }) => ({ start: w.now + from, end: w.now + from + minutes * MINUTE }));
  const rules = { ...catalogueRules, bufferMinutes: w.bufferMinutes, consultationMinutes: w.consultationMinutes };
  return { availability, busy, rules };
}

describe('free slots, for any availability and calendar', () => {
  it('never overlap a consultation the clinician has (with the buffer) and lie within the published time, lead time and horizon', () => {
    fc.assert(fc.property(world, (w) => {
      const { availability, busy, rules } = build(w);
      const earliest = w.now + rules.leadTimeHours * 60 * MINUTE;
      const latest = w.now + rules.horizonDays * DAY;
      const published = openSpans(availability, new Date(earliest), new Date(latest));
      const wrong = freeSlots(availability, busy, rules, new Date(w.now)).flatMap((slot, i) => {
        const s = toInterval(slot);
        const faults = [
          s.end - s.start !== rules.consultationMinutes * MINUTE && 'not one consultation long',
          busy.some((b) => overlaps(s, b, rules.bufferMinutes * MINUTE)) && 'too close to a booked consultation',
          !published.some((p) => p.start <= s.start && s.end <= p.end) && 'outside the published spans',
          availability.blackouts.some((b) => overlaps(s, toInterval(b))) && 'in a blackout',
          // The accept check, slow enough to sample: the first slots are those the lead time cuts closest to.
          i < 10 && !coversConsultation(availability, new Date(s.start), new Date(s.end)) && 'refused by the accept check',
          s.start < earliest && 'inside the lead time',
          s.end > latest && 'beyond the horizon',
        ].filter(Boolean);
        return faults.length ? [{ slot, faults }] : [];
      });
      expect(wrong).toEqual([]);
    }), { numRuns: 300 });
  });

  it('stay the same as time passes, apart from those the lead time drops and the horizon adds', () => {
    fc.assert(fc.property(world, fc.integer({ min: 0, max: 3 * DAY }), (w, wait) => {
      const { availability, busy, rules } = build(w);
      const later = w.now + wait;
      const before = freeSlots(availability, busy, rules, new Date(w.now));
      const after = freeSlots(availability, busy, rules, new Date(later));
      const stillAhead = before.filter((s) => Date.parse(s.start) >= later + rules.leadTimeHours * 60 * MINUTE);
      const alreadyInReach = after.filter((s) => Date.parse(s.end) <= w.now + rules.horizonDays * DAY);
      expect(alreadyInReach).toEqual(stillAhead);
    }), { numRuns: 300 });
  });
});
