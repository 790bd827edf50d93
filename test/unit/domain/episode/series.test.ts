import fc from 'fast-check';
import { overlaps, type Interval } from '../../../../src/domain/booking/interval';
import { DomainError } from '../../../../src/domain/errors';
import { blockedBy, familySessionNumbers, nextFreeWeek, planWeeklySeries, sessionAt } from '../../../../src/domain/episode/series';
import { addDays, formatLondonTime, londonDate, weekdayOf } from '../../../../src/domain/time/london';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const BUFFER = 15 * MINUTE;
const free = () => undefined;

describe('a weekly series of sessions', () => {
  it('keeps 10:00 London time across the last Sunday of March 2027: 10:00 UTC before, 09:00 UTC after', () => {
    const plan = planWeeklySeries({ firstDate: '2027-03-09', time: '10:00', count: 12, minutes: 60, maxWeeksMoved: 8, blocked: free, notBefore: 0 });
    expect(plan.map((s) => s.start.slice(0, 16))).toEqual([
      '2027-03-09T10:00', '2027-03-16T10:00', '2027-03-23T10:00', // GMT
      '2027-03-30T09:00', '2027-04-06T09:00', '2027-04-13T09:00', '2027-04-20T09:00', '2027-04-27T09:00', // BST from 28 March
      '2027-05-04T09:00', '2027-05-11T09:00', '2027-05-18T09:00', '2027-05-25T09:00',
    ]);
    expect(new Set(plan.map((s) => formatLondonTime(s.start)))).toEqual(new Set(['10:00']));
  });

  it('keeps 18:30 London time across the last Sunday of October 2027: 17:30 UTC before, 18:30 UTC after', () => {
    const plan = planWeeklySeries({ firstDate: '2027-10-20', time: '18:30', count: 3, minutes: 60, maxWeeksMoved: 0, blocked: free, notBefore: 0 });
    expect(plan.map((s) => s.start)).toEqual(['2027-10-20T17:30:00.000Z', '2027-10-27T17:30:00.000Z', '2027-11-03T18:30:00.000Z']);
  });

  it('moves a week the therapist is away to the end, leaving the other sessions where they were', () => {
    const away = sessionAt('2027-03-16', '00:00', 24 * 60);
    const plan = planWeeklySeries({ firstDate: '2027-03-09', time: '10:00', count: 3, minutes: 60, maxWeeksMoved: 2, blocked: blockedBy([away], [], BUFFER), notBefore: 0 });
    expect(plan.map((s) => londonDate(new Date(s.start)))).toEqual(['2027-03-09', '2027-03-23', '2027-03-30']);
    expect(plan[1]!.movedFrom).toEqual([{ start: '2027-03-16T10:00:00.000Z', why: 'blackout' }]);
  });

  it('refuses a series that cannot fit within the weeks it may be moved by, and a first session in the past', () => {
    const booked = [0, 1, 2].map((w) => sessionAt(addDays('2027-03-09', 7 * w), '10:30', 60));
    const tooBusy = () => planWeeklySeries({ firstDate: '2027-03-09', time: '10:00', count: 3, minutes: 60, maxWeeksMoved: 2, blocked: blockedBy([], booked, BUFFER), notBefore: 0 });
    expect(tooBusy).toThrow(new DomainError('series_unavailable'));
    expect(() => planWeeklySeries({ firstDate: '2027-03-09', time: '10:00', count: 3, minutes: 60, maxWeeksMoved: 2, blocked: free, notBefore: Date.parse('2027-03-10T00:00:00Z') }))
      .toThrow(expect.objectContaining({ code: 'invalid_input', issues: [{ field: 'firstDate', message: 'must be in the future' }] }));
  });

  it('puts family sessions at the start, the middle and the end of the plan', () => {
    expect([...familySessionNumbers(12, ['start', 'middle', 'end']).entries()]).toEqual([[1, 'start'], [12, 'end'], [6, 'middle']]);
    expect([...familySessionNumbers(2, ['start', 'middle', 'end']).entries()]).toEqual([[1, 'start'], [2, 'end']]);
    expect([...familySessionNumbers(6, []).entries()]).toEqual([]);
  });

  it('finds the first free week after a session for a cancelled one', () => {
    const away = sessionAt('2027-04-06', '00:00', 24 * 60);
    expect(nextFreeWeek('2027-03-30T09:00:00.000Z', '10:00', 60, blockedBy([away], [], BUFFER), 4)).toEqual(sessionAt('2027-04-13', '10:00', 60));
    expect(nextFreeWeek('2027-03-30T09:00:00.000Z', '10:00', 60, () => 'busy', 4)).toBeUndefined();
  });
});

/** A day in 2027, covering both clock changes, and a session time the planner allows. */
const day = fc.integer({ min: 0, max: 364 }).map((n) => addDays('2027-01-01', n));
const time = fc.tuple(fc.integer({ min: 7, max: 20 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
/** Someone's existing bookings: consultations and sessions anywhere in the year, of 30 to 120 minutes. */
const bookings = fc.array(fc.tuple(day, time, fc.integer({ min: 30, max: 120 })).map(([d, t, m]) => sessionAt(d, t, m)), { maxLength: 60 });
const blackouts = fc.array(fc.tuple(day, fc.integer({ min: 1, max: 14 })).map(([d, n]) => sessionAt(d, '00:00', n * 24 * 60)), { maxLength: 4 });

describe('a weekly series, for any bookings, blackouts, day and time in 2027 (fast-check)', () => {
  it('never overlaps a booking (buffer included) or a blackout, and keeps the weekday and London time of its first session', () => {
    fc.assert(fc.property(day, time, fc.integer({ min: 1, max: 24 }), bookings, blackouts, (first, at, count, busy, away) => {
      let plan;
      try {
        plan = planWeeklySeries({ firstDate: first, time: at, count, minutes: 60, maxWeeksMoved: 8, blocked: blockedBy(away, busy, BUFFER), notBefore: 0 });
      } catch (e) {
        // Refused only when more than the allowed weeks are blocked.
        expect(e).toEqual(new DomainError('series_unavailable'));
        const blockedWeeks = Array.from({ length: count + 8 }, (_, w) => sessionAt(addDays(first, 7 * w), at, 60))
          .filter((s) => away.some((b) => overlaps(b, s)) || busy.some((b) => overlaps(b, s, BUFFER)));
        expect(blockedWeeks.length).toBeGreaterThan(8);
        return;
      }
      expect(plan).toHaveLength(count);
      const spans: Interval[] = plan.map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end) }));
      for (const s of spans) {
        expect(busy.some((b) => overlaps(b, s, BUFFER))).toBe(false);
        expect(away.some((b) => overlaps(b, s))).toBe(false);
        expect(s.end - s.start).toBe(HOUR);
      }
      for (const s of plan) {
        expect(formatLondonTime(s.start)).toBe(at);
        expect(weekdayOf(londonDate(new Date(s.start)))).toBe(weekdayOf(first));
      }
      // In order, a whole number of weeks apart on the calendar, and never two in one week.
      for (let i = 1; i < plan.length; i += 1) {
        const days = (Date.parse(`${londonDate(new Date(plan[i]!.start))}T00:00:00Z`) - Date.parse(`${londonDate(new Date(plan[i - 1]!.start))}T00:00:00Z`)) / 86_400_000;
        expect(days % 7).toBe(0);
        expect(days).toBeGreaterThanOrEqual(7);
      }
    }), { numRuns: 300 });
  });
});
