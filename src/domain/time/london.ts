/** Times are stored in UTC and shown in Europe/London; these helpers make the conversion in one place. */
export const DISPLAY_TIME_ZONE = 'Europe/London';

const dateParts = new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const display = new Intl.DateTimeFormat('en-GB', {
  timeZone: DISPLAY_TIME_ZONE, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
});
const displayDay = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** The calendar date in London, YYYY-MM-DD. */
export const londonDate = (at: Date): string => dateParts.format(at);

/** The calendar year in London (a request made at 00:30 on 1 January BST/GMT belongs to the new year). */
export const londonYear = (at: Date): number => Number(londonDate(at).slice(0, 4));

/** A moment as a person in London reads it, e.g. "Mon 30 Mar 2026, 09:00". */
export const formatLondon = (iso: string): string => display.format(new Date(iso));

/** A calendar date (YYYY-MM-DD) as words, e.g. "30 March 2026". */
export const formatDay = (isoDate: string): string => displayDay.format(new Date(`${isoDate}T00:00:00Z`));
