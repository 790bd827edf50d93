import { Settings } from 'luxon';
import { addDays, formatLondon, formatLondonTime, londonDate, londonToUtc, weekdayOf } from '../../../../src/domain/time/london';

/** UK clocks go forward at 01:00 UTC on the last Sunday of March and back at 01:00 UTC on the last Sunday of October. */
const CHANGES = [
  { year: 2026, spring: '2026-03-29', autumn: '2026-10-25' },
  { year: 2027, spring: '2027-03-28', autumn: '2027-10-31' },
];

const utc = (date: string, time: string) => londonToUtc(date, time).toISOString();

describe('London wall-clock time', () => {
  describe.each(CHANGES)('around the changes of $year', ({ spring, autumn }) => {
    it('reads 09:00 as 09:00 UTC the day before the clocks go forward and 08:00 UTC the day after', () => {
      expect(utc(addDays(spring, -1), '09:00')).toBe(`${addDays(spring, -1)}T09:00:00.000Z`);
      expect(utc(addDays(spring, 1), '09:00')).toBe(`${addDays(spring, 1)}T08:00:00.000Z`);
    });

    it('reads 09:00 as 08:00 UTC the day before the clocks go back and 09:00 UTC the day after', () => {
      expect(utc(addDays(autumn, -1), '09:00')).toBe(`${addDays(autumn, -1)}T08:00:00.000Z`);
      expect(utc(addDays(autumn, 1), '09:00')).toBe(`${addDays(autumn, 1)}T09:00:00.000Z`);
    });

    it('changes at 01:00 UTC on the day itself', () => {
      expect(utc(spring, '00:59')).toBe(`${spring}T00:59:00.000Z`);
      expect(utc(spring, '03:00')).toBe(`${spring}T02:00:00.000Z`);
      expect(utc(autumn, '00:59')).toBe(`${addDays(autumn, -1)}T23:59:00.000Z`);
      expect(utc(autumn, '02:00')).toBe(`${autumn}T02:00:00.000Z`);
    });

    it('moves a time in the skipped hour forward by the hour: 01:30 is read as 02:30 BST', () => {
      expect(utc(spring, '01:00')).toBe(`${spring}T01:00:00.000Z`);
      expect(utc(spring, '01:30')).toBe(`${spring}T01:30:00.000Z`);
      expect(formatLondonTime(utc(spring, '01:30'))).toBe('02:30');
    });

    it('reads a time of the repeated hour as its first occurrence (BST)', () => {
      expect(utc(autumn, '01:00')).toBe(`${autumn}T00:00:00.000Z`);
      expect(utc(autumn, '01:30')).toBe(`${autumn}T00:30:00.000Z`);
    });
  });

  describe('whatever the date the code runs on', () => {
    const realNow = Settings.now;
    afterEach(() => { Settings.now = realNow; });

    // luxon guesses an ambiguous time's offset from today's; the answer must not depend on the season we run in.
    it.each(['2026-01-15T12:00:00Z', '2026-07-15T12:00:00Z'])('resolves the repeated hour the same way when today is %s', (today) => {
      Settings.now = () => Date.parse(today);
      expect(utc('2026-10-25', '01:30')).toBe('2026-10-25T00:30:00.000Z');
      expect(utc('2026-03-29', '01:30')).toBe('2026-03-29T01:30:00.000Z');
      expect(utc('2026-03-30', '09:00')).toBe('2026-03-30T08:00:00.000Z');
    });
  });

  it('refuses dates and times that are not real', () => {
    expect(() => londonToUtc('2026-02-30', '09:00')).toThrow(RangeError);
    expect(() => londonToUtc('2026-03-30', '25:00')).toThrow(RangeError);
  });

  it('shows 09:00 for a winter 09:00 UTC and for a summer 08:00 UTC', () => {
    expect(formatLondon('2026-03-23T09:00:00.000Z')).toMatch(/^Mon,? 23 Mar 2026,? 09:00$/);
    expect(formatLondon('2026-03-30T08:00:00.000Z')).toMatch(/^Mon,? 30 Mar 2026,? 09:00$/);
    expect(formatLondonTime('2026-10-19T08:00:00.000Z')).toBe('09:00');
    expect(formatLondonTime('2026-10-26T09:00:00.000Z')).toBe('09:00');
  });

  it('takes the calendar date in London, which runs an hour ahead of UTC in summer', () => {
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('counts weekdays and days across month ends, leap days and change days', () => {
    expect(CHANGES.flatMap((c) => [weekdayOf(c.spring), weekdayOf(c.autumn)])).toEqual([7, 7, 7, 7]);
    expect(weekdayOf('2026-03-30')).toBe(1);
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-02', -2)).toBe('2026-02-28');
  });
});
