import { AvailabilitySchema, openSpans, WeeklyWindowSchema } from '../../../../src/domain/booking/availability';
import type { Interval } from '../../../../src/domain/booking/interval';
import { londonDate, londonToUtc } from '../../../../src/domain/time/london';
import { buildAvailability, londonDays, londonSpan } from '../../../support/builders';

const iso = (spans: Interval[]) => spans.map((s) => [new Date(s.start).toISOString(), new Date(s.end).toISOString()]);
/** The spans between two London midnights. */
const spansOver = (availability: ReturnType<typeof buildAvailability>, fromDate: string, toDate: string) =>
  openSpans(availability, londonToUtc(fromDate, '00:00'), londonToUtc(toDate, '00:00'));
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '23:59' }));
const HOUR = 3_600_000;

describe('published availability', () => {
  it('accepts a weekly window only if it ends after it starts, in HH:MM', () => {
    expect(WeeklyWindowSchema.safeParse({ weekday: 1, start: '09:00', end: '12:00' }).success).toBe(true);
    expect(WeeklyWindowSchema.safeParse({ weekday: 1, start: '12:00', end: '09:00' }).success).toBe(false);
    expect(WeeklyWindowSchema.safeParse({ weekday: 1, start: '09:00', end: '09:00' }).success).toBe(false);
    expect(WeeklyWindowSchema.safeParse({ weekday: 1, start: '9:00', end: '12:00' }).success).toBe(false);
    expect(WeeklyWindowSchema.safeParse({ weekday: 8, start: '09:00', end: '12:00' }).success).toBe(false);
    expect(WeeklyWindowSchema.safeParse({ weekday: 7, start: '23:00', end: '24:00' }).success).toBe(false);
  });

  it('accepts extras and blackouts only as UTC moments that end after they start', () => {
    expect(AvailabilitySchema.safeParse(buildAvailability({ extras: [londonSpan('2026-03-29', '09:00', '11:00')] })).success).toBe(true);
    expect(AvailabilitySchema.safeParse(buildAvailability({ extras: [{ start: '2026-03-29T11:00:00Z', end: '2026-03-29T09:00:00Z' }] })).success).toBe(false);
    expect(AvailabilitySchema.safeParse(buildAvailability({ blackouts: [{ start: '29 March', end: '30 March' }] })).success).toBe(false);
  });
});

describe('open spans', () => {
  const mondayMornings = buildAvailability({ weekly: [{ weekday: 1, start: '09:00', end: '12:00' }] });

  it.each([
    ['spring 2026', '2026-03-23', ['2026-03-23T09:00', '2026-03-23T12:00'], ['2026-03-30T08:00', '2026-03-30T11:00']],
    ['autumn 2026', '2026-10-19', ['2026-10-19T08:00', '2026-10-19T11:00'], ['2026-10-26T09:00', '2026-10-26T12:00']],
    ['spring 2027', '2027-03-22', ['2027-03-22T09:00', '2027-03-22T12:00'], ['2027-03-29T08:00', '2027-03-29T11:00']],
    ['autumn 2027', '2027-10-25', ['2027-10-25T08:00', '2027-10-25T11:00'], ['2027-11-01T09:00', '2027-11-01T12:00']],
  ])('keeps a Monday 09:00-12:00 window at 09:00 London in the weeks either side of the %s change', (_, monday, before, after) => {
    const spans = spansOver(mondayMornings, monday, '2027-12-31').slice(0, 2);
    expect(iso(spans)).toEqual([before, after].map((pair) => pair.map((t) => `${t}:00.000Z`)));
  });

  it('shortens a window over the skipped hour by that hour', () => {
    const nights = buildAvailability({ weekly: [{ weekday: 7, start: '00:30', end: '03:30' }] });
    const [before, changeDay, after] = spansOver(nights, '2026-03-22', '2026-04-06');
    expect((before!.end - before!.start) / HOUR).toBe(3);
    expect(iso([changeDay!])).toEqual([['2026-03-29T00:30:00.000Z', '2026-03-29T02:30:00.000Z']]);
    expect((after!.end - after!.start) / HOUR).toBe(3);
  });

  it('lengthens a window over the repeated hour by that hour, starting at the first 01:00', () => {
    const nights = buildAvailability({ weekly: [{ weekday: 7, start: '01:00', end: '03:00' }] });
    const spans = spansOver(nights, '2026-10-18', '2026-11-02');
    expect(iso(spans)).toEqual([
      ['2026-10-18T00:00:00.000Z', '2026-10-18T02:00:00.000Z'],
      ['2026-10-25T00:00:00.000Z', '2026-10-25T03:00:00.000Z'],
      ['2026-11-01T01:00:00.000Z', '2026-11-01T03:00:00.000Z'],
    ]);
  });

  it('places a one-off extra on a change day at the London time it was given', () => {
    const extras = buildAvailability({ extras: [londonSpan('2026-03-29', '09:00', '11:00'), londonSpan('2026-10-25', '09:00', '11:00')] });
    expect(iso(spansOver(extras, '2026-03-01', '2026-12-01'))).toEqual([
      ['2026-03-29T08:00:00.000Z', '2026-03-29T10:00:00.000Z'],
      ['2026-10-25T09:00:00.000Z', '2026-10-25T11:00:00.000Z'],
    ]);
  });

  it.each([
    ['spring', '2026-03-28', '2026-03-29', '2026-03-30', 23],
    ['autumn', '2026-10-24', '2026-10-25', '2026-10-26', 25],
  ])('removes exactly the blacked-out London day over the %s change', (_, dayBefore, changeDay, dayAfter, hoursInDay) => {
    const blackout = londonDays(changeDay, changeDay);
    expect((Date.parse(blackout.end) - Date.parse(blackout.start)) / HOUR).toBe(hoursInDay);
    const spans = spansOver(buildAvailability({ weekly: EVERY_DAY, blackouts: [blackout] }), dayBefore, '2026-12-31').slice(0, 2);
    expect(spans.map((s) => londonDate(new Date(s.start)))).toEqual([dayBefore, dayAfter]);
    expect(iso(spans)).toEqual([
      [londonToUtc(dayBefore, '00:00').toISOString(), londonToUtc(dayBefore, '23:59').toISOString()],
      [londonToUtc(dayAfter, '00:00').toISOString(), londonToUtc(dayAfter, '23:59').toISOString()],
    ]);
  });

  it('trims a window that a blackout only partly covers', () => {
    const availability = buildAvailability({ weekly: [{ weekday: 1, start: '09:00', end: '17:00' }], blackouts: [londonSpan('2026-12-07', '12:00', '13:30')] });
    expect(iso(spansOver(availability, '2026-12-07', '2026-12-08'))).toEqual([
      ['2026-12-07T09:00:00.000Z', '2026-12-07T12:00:00.000Z'],
      ['2026-12-07T13:30:00.000Z', '2026-12-07T17:00:00.000Z'],
    ]);
  });

  it('clips to the period asked for and leaves out what falls outside it', () => {
    const availability = buildAvailability({ weekly: [{ weekday: 1, start: '09:00', end: '12:00' }], extras: [londonSpan('2026-12-20', '09:00', '10:00')] });
    const spans = openSpans(availability, new Date('2026-12-07T10:30:00Z'), new Date('2026-12-14T11:00:00Z'));
    expect(iso(spans)).toEqual([
      ['2026-12-07T10:30:00.000Z', '2026-12-07T12:00:00.000Z'],
      ['2026-12-14T09:00:00.000Z', '2026-12-14T11:00:00.000Z'],
    ]);
  });

  it('has nothing open for a clinician who published nothing', () => {
    expect(spansOver(buildAvailability(), '2026-01-01', '2026-12-31')).toEqual([]);
  });
});

describe('overlapping published time', () => {
  it('joins a weekly window and a one-off that overlap or meet into one span, so slots follow one grid', () => {
    const availability = buildAvailability({
      weekly: [{ weekday: 1, start: '09:00', end: '12:00' }],
      extras: [londonSpan('2026-11-30', '11:00', '13:00'), londonSpan('2026-11-30', '13:00', '14:00')],
    });
    expect(iso(spansOver(availability, '2026-11-30', '2026-12-01'))).toEqual([['2026-11-30T09:00:00.000Z', '2026-11-30T14:00:00.000Z']]);
  });
});
