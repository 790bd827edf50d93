import { DateTime } from 'luxon';

/** Times are stored in UTC and shown in Europe/London; these helpers make the conversion in one place. */
export const DISPLAY_TIME_ZONE = 'Europe/London';

const dateParts = new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const display = new Intl.DateTimeFormat('en-GB', {
  timeZone: DISPLAY_TIME_ZONE, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
});
const displayTime = new Intl.DateTimeFormat('en-GB', { timeZone: DISPLAY_TIME_ZONE, hour: '2-digit', minute: '2-digit' });
const displayDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

const HOUR_MS = 3_600_000;
const dates = new Map<number, string>();

/**
 * The calendar date in London, YYYY-MM-DD. London's offset is a whole number of hours, so the date is the
 * same throughout a UTC hour: it is worked out once per hour, formatting being costly.
 */
export function londonDate(at: Date): string {
  const hour = Math.floor(at.getTime() / HOUR_MS);
  let date = dates.get(hour);
  if (date === undefined) {
    date = dateParts.format(at);
    if (dates.size >= RESOLVED_MAX) dates.delete(dates.keys().next().value!);
    dates.set(hour, date);
  }
  return date;
}

/** The calendar year in London (a request made at 00:30 on 1 January BST/GMT belongs to the new year). */
export const londonYear = (at: Date): number => Number(londonDate(at).slice(0, 4));

/** A moment as a person in London reads it, e.g. "Mon 30 Mar 2026, 09:00". */
export const formatLondon = (iso: string): string => display.format(new Date(iso));

/** The wall-clock time of a moment in London, e.g. "09:00". */
export const formatLondonTime = (iso: string): string => displayTime.format(new Date(iso));

/** A calendar date (YYYY-MM-DD) as words, e.g. "30 March 2026". */
export const formatDay = (isoDate: string): string => displayDay.format(new Date(`${isoDate}T00:00:00Z`));

/**
 * The UTC moment at which London's clocks read `time` on `date`. A time that does not exist (the hour
 * skipped in March) moves forward by the gap; a time that happens twice (October) is the first one.
 */
export function londonToUtc(date: string, time: string): Date {
  const key = `${date}T${time}`;
  let ms = resolved.get(key);
  if (ms === undefined) {
    const local = DateTime.fromISO(key, { zone: DISPLAY_TIME_ZONE });
    if (!local.isValid) throw new RangeError(`not a London date and time: ${date} ${time}`);
    // luxon resolves a repeated time from today's offset, so its answer would change with the season we run in.
    ms = Math.min(...local.getPossibleOffsets().map((d) => d.toMillis()), local.toMillis());
    // The zone maths is the costly part of listing free times; the same few hundred dates and times recur.
    if (resolved.size >= RESOLVED_MAX) resolved.delete(resolved.keys().next().value!);
    resolved.set(key, ms);
  }
  return new Date(ms);
}

const RESOLVED_MAX = 20_000;
const resolved = new Map<string, number>();

const utcMidnight = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

/** ISO weekday (1 = Monday ... 7 = Sunday) of a calendar date. Calendar arithmetic needs no time zone. */
export const weekdayOf = (date: string): number => new Date(utcMidnight(date)).getUTCDay() || 7;

/** The calendar date `days` after `date`. */
export const addDays = (date: string, days: number): string => new Date(utcMidnight(date) + days * 86_400_000).toISOString().slice(0, 10);
