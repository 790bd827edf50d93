import { loadCatalogues } from '../../../../src/adapters/catalogue/load-catalogues';
import type { Availability } from '../../../../src/domain/booking/availability';
import { coversConsultation, freeSlots, freeStarts, offerableTimes } from '../../../../src/domain/booking/free-times';
import type { Interval } from '../../../../src/domain/booking/interval';
import { formatLondonTime, londonDate } from '../../../../src/domain/time/london';
import { buildAvailability, londonDays, londonSpan } from '../../../support/builders';

const rules = loadCatalogues().get('fass')!.booking;
const MINUTE = 60_000;
const mondayMornings = buildAvailability({ weekly: [{ weekday: 1, start: '09:00', end: '12:00' }] });

const starts = (availability: Availability, now: string, busy: Interval[] = []) =>
  freeSlots(availability, busy, rules, new Date(now)).map((s) => s.start);
const startsOn = (day: string, availability: Availability, now: string, busy: Interval[] = []) =>
  starts(availability, now, busy).filter((s) => londonDate(new Date(s)) === day);
const at = (isoMinute: string) => `${isoMinute}:00.000Z`;
const busyAt = (from: string, to: string): Interval => ({ start: Date.parse(at(from)), end: Date.parse(at(to)) });

describe('free consultation slots', () => {
  it('uses the FASS booking rules: an hour, a quarter-hour buffer, a day ahead, four weeks out', () => {
    expect(rules).toMatchObject({ consultationMinutes: 60, bufferMinutes: 15, leadTimeHours: 24, horizonDays: 28, reminderHours: [24, 1] });
  });

  it('offers an hour at the window start and the next after the buffer, for the clinician', () => {
    const slots = freeSlots(mondayMornings, [], rules, new Date('2026-12-01T09:00:00Z'));
    expect(slots.slice(0, 3)).toEqual([
      { clinicianId: 'clinician-a', start: at('2026-12-07T09:00'), end: at('2026-12-07T10:00') },
      { clinicianId: 'clinician-a', start: at('2026-12-07T10:15'), end: at('2026-12-07T11:15') },
      { clinicianId: 'clinician-a', start: at('2026-12-14T09:00'), end: at('2026-12-14T10:00') },
    ]);
  });

  describe.each([
    ['spring 2026', '2026-03-20T12:00:00Z', ['2026-03-23T09:00', '2026-03-23T10:15', '2026-03-30T08:00', '2026-03-30T09:15']],
    ['autumn 2026', '2026-10-16T12:00:00Z', ['2026-10-19T08:00', '2026-10-19T09:15', '2026-10-26T09:00', '2026-10-26T10:15']],
    ['spring 2027', '2027-03-19T12:00:00Z', ['2027-03-22T09:00', '2027-03-22T10:15', '2027-03-29T08:00', '2027-03-29T09:15']],
    ['autumn 2027', '2027-10-22T12:00:00Z', ['2027-10-25T08:00', '2027-10-25T09:15', '2027-11-01T09:00', '2027-11-01T10:15']],
  ])('in the Mondays either side of the %s change', (_, now, expected) => {
    it('moves the UTC slots with the clocks', () => {
      expect(starts(mondayMornings, now).slice(0, 4)).toEqual(expected.map(at));
    });

    it('shows them at 09:00 and 10:15 London both weeks', () => {
      expect(starts(mondayMornings, now).slice(0, 4).map(formatLondonTime)).toEqual(['09:00', '10:15', '09:00', '10:15']);
    });
  });

  it('fits one consultation into a Sunday 00:30-03:30 window on the night the clocks go forward, two on other Sundays', () => {
    const nights = buildAvailability({ weekly: [{ weekday: 7, start: '00:30', end: '03:30' }] });
    const now = '2026-03-19T12:00:00Z';
    expect(startsOn('2026-03-22', nights, now)).toEqual([at('2026-03-22T00:30'), at('2026-03-22T01:45')]);
    expect(startsOn('2026-03-29', nights, now)).toEqual([at('2026-03-29T00:30')]);
    expect(startsOn('2026-04-05', nights, now).map(formatLondonTime)).toEqual(['00:30', '01:45']);
  });

  it('fits three into the same window on the night the clocks go back, read as 00:30, 01:45 BST and 02:00 GMT', () => {
    const nights = buildAvailability({ weekly: [{ weekday: 7, start: '00:30', end: '03:30' }] });
    const slots = starts(nights, '2026-10-20T12:00:00Z').filter((s) => s >= '2026-10-24T22' && s < '2026-10-25T23');
    expect(slots).toEqual([at('2026-10-24T23:30'), at('2026-10-25T00:45'), at('2026-10-25T02:00')]);
    expect(slots.map(formatLondonTime)).toEqual(['00:30', '01:45', '02:00']);
  });

  it('offers a one-off on a change day at the London time given', () => {
    const extras = buildAvailability({ extras: [londonSpan('2026-03-29', '09:00', '10:00'), londonSpan('2026-10-25', '09:00', '10:00')] });
    expect(starts(extras, '2026-03-20T12:00:00Z')).toEqual([at('2026-03-29T08:00')]);
    expect(starts(extras, '2026-10-20T12:00:00Z')).toEqual([at('2026-10-25T09:00')]);
    expect([...starts(extras, '2026-03-20T12:00:00Z'), ...starts(extras, '2026-10-20T12:00:00Z')].map(formatLondonTime)).toEqual(['09:00', '09:00']);
  });

  it('offers nothing on a blacked-out change day and keeps the Sundays either side', () => {
    const sundays = buildAvailability({ weekly: [{ weekday: 7, start: '09:00', end: '10:00' }], blackouts: [londonDays('2026-03-29', '2026-03-29')] });
    expect(starts(sundays, '2026-03-19T12:00:00Z').slice(0, 2)).toEqual([at('2026-03-22T09:00'), at('2026-04-05T08:00')]);
  });

  describe('lead time', () => {
    // Sunday 29 March 2026, 09:00 BST: Monday's 09:00 BST consultation is exactly 24 hours away.
    const now = '2026-03-29T08:00:00.000Z';

    it('offers a consultation exactly the lead time away', () => {
      expect(starts(mondayMornings, now)[0]).toBe(at('2026-03-30T08:00'));
    });

    it('drops one a moment closer, and offers the next on the window grid (10:15 London), not a time cut at the boundary', () => {
      const later = new Date(Date.parse(now) + 1).toISOString();
      expect(startsOn('2026-03-30', mondayMornings, later)).toEqual([at('2026-03-30T09:15')]);
    });

    it('keeps offering the same times as the minutes pass, so a time the referrer saw can still be chosen', () => {
      const shown = startsOn('2026-03-30', mondayMornings, '2026-03-29T08:37:12.345Z');
      const chosenLater = startsOn('2026-03-30', mondayMornings, '2026-03-29T08:42:40.001Z');
      expect(shown).toEqual([at('2026-03-30T09:15')]);
      expect(chosenLater).toEqual(shown);
    });
  });

  describe('horizon', () => {
    // Monday 2 March 2026, 09:00 GMT: the horizon ends 28 days later at 09:00 UTC, 10:00 BST on 30 March.
    const now = '2026-03-02T09:00:00.000Z';

    it('offers a consultation that ends exactly at the horizon, and none after it', () => {
      expect(starts(mondayMornings, now).slice(-2)).toEqual([at('2026-03-23T10:15'), at('2026-03-30T08:00')]);
    });

    it('drops that one when it would end a moment past the horizon', () => {
      const earlier = new Date(Date.parse(now) - 1).toISOString();
      expect(starts(mondayMornings, earlier).at(-1)).toBe(at('2026-03-23T10:15'));
    });

    it('does not offer this Monday, inside the lead time', () => {
      expect(startsOn('2026-03-02', mondayMornings, now)).toEqual([]);
    });
  });

  describe('buffer around consultations the clinician already has', () => {
    // Monday 7 December 2026 (GMT): the grid is 09:00, 10:15, 11:30, 12:45, 14:00, 15:15.
    const days = buildAvailability({ weekly: [{ weekday: 1, start: '09:00', end: '17:00' }] });
    const now = '2026-12-04T09:00:00Z';
    const on = (busy: Interval[]) => startsOn('2026-12-07', days, now, busy).map(formatLondonTime);

    it('takes only a booked slot off the grid: its neighbours are exactly the buffer away', () => {
      expect(on([])).toEqual(['09:00', '10:15', '11:30', '12:45', '14:00', '15:15']);
      expect(on([busyAt('2026-12-07T12:45', '2026-12-07T13:45')])).toEqual(['09:00', '10:15', '11:30', '14:00', '15:15']);
    });

    it('drops the slot after a consultation that ends less than the buffer before it', () => {
      expect(on([busyAt('2026-12-07T13:00', '2026-12-07T13:46')])).toEqual(['09:00', '10:15', '11:30', '15:15']);
    });

    it('drops the slot before a consultation that starts less than the buffer after it', () => {
      expect(on([busyAt('2026-12-07T12:44', '2026-12-07T13:45')])).toEqual(['09:00', '10:15', '14:00', '15:15']);
    });

    it('ignores consultations on other days', () => {
      expect(on([busyAt('2026-12-08T09:00', '2026-12-08T17:00')])).toHaveLength(6);
    });
  });
});

describe('offerable times', () => {
  it('merges clinicians free at the same time, earliest first, up to the limit', () => {
    const slot = (clinicianId: string, start: string) => ({ clinicianId, start: at(start), end: at(start.replace('T09', 'T10')) });
    const times = offerableTimes([slot('b', '2026-12-08T09:00'), slot('a', '2026-12-07T09:00'), slot('c', '2026-12-08T09:00'), slot('a', '2026-12-09T09:00')], 2);
    expect(times).toEqual([
      { start: at('2026-12-07T09:00'), end: at('2026-12-07T10:00'), clinicians: 1 },
      { start: at('2026-12-08T09:00'), end: at('2026-12-08T10:00'), clinicians: 2 },
    ]);
  });

  it('spreads the times over days: at most a quarter of them on any one London day', () => {
    const everyDay = buildAvailability({ weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })) });
    const times = offerableTimes(freeSlots(everyDay, [], rules, new Date('2026-11-23T19:00:00Z')), 12);
    const perDay = new Map<string, number>();
    for (const t of times) perDay.set(londonDate(new Date(t.start)), (perDay.get(londonDate(new Date(t.start))) ?? 0) + 1);
    expect(times).toHaveLength(12);
    expect([...perDay.values()]).toEqual([3, 3, 3, 3]);
    expect([...perDay.keys()]).toEqual(['2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28']);
    expect(formatLondonTime(times[0]!.start)).toBe('09:00');
  });

  it('is empty when nobody is free', () => {
    expect(offerableTimes([], 12)).toEqual([]);
  });

  it('lists the same start times as numbers as it lists slots', () => {
    const everyDay = buildAvailability({ weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })) });
    const busy = [busyAt('2026-11-25T09:30', '2026-11-25T10:30')];
    const now = new Date('2026-11-23T19:00:00Z');
    expect(freeStarts(everyDay, busy, rules, now).map((s) => new Date(s).toISOString())).toEqual(freeSlots(everyDay, busy, rules, now).map((s) => s.start));
  });
});

describe('whether availability covers a consultation', () => {
  const hour = (start: string) => [new Date(at(start)), new Date(Date.parse(at(start)) + 60 * MINUTE)] as const;

  it('follows London time: 09:00 UTC is inside a Monday 09:00 window in winter, 08:00 UTC in summer', () => {
    expect(coversConsultation(mondayMornings, ...hour('2026-03-23T09:00'))).toBe(true);
    expect(coversConsultation(mondayMornings, ...hour('2026-03-23T08:00'))).toBe(false);
    expect(coversConsultation(mondayMornings, ...hour('2026-03-30T08:00'))).toBe(true);
    expect(coversConsultation(mondayMornings, ...hour('2026-03-30T10:30'))).toBe(false);
  });

  it('refuses a consultation running past the window or into a blackout', () => {
    expect(coversConsultation(mondayMornings, ...hour('2026-12-07T11:01'))).toBe(false);
    expect(coversConsultation(mondayMornings, ...hour('2026-12-07T11:00'))).toBe(true);
    const away = buildAvailability({ ...mondayMornings, blackouts: [londonDays('2026-12-07', '2026-12-07')] });
    expect(coversConsultation(away, ...hour('2026-12-07T09:00'))).toBe(false);
    expect(coversConsultation(away, ...hour('2026-12-14T09:00'))).toBe(true);
  });
});
