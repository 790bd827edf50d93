import type { Interval } from '../../domain/booking/interval';
import { addDays, formatLondonTime, londonDate, londonToUtc } from '../../domain/time/london';

/** A stretch of time on one London day, as a week calendar draws it: the date and wall-clock times ("24:00" for midnight after). */
export interface DayBlock {
  date: string;
  start: string;
  end: string;
}

/**
 * Moments turned into blocks of London wall-clock time, split at London midnights, so the browser draws a week in
 * UK time whatever its own zone and across the clock changes (a 23- or 25-hour day is still 00:00 to 24:00).
 */
export function londonBlocks(spans: readonly Interval[]): DayBlock[] {
  const blocks: DayBlock[] = [];
  for (const span of spans) {
    for (let at = span.start; at < span.end;) {
      const date = londonDate(new Date(at));
      const midnight = londonToUtc(addDays(date, 1), '00:00').getTime();
      const end = Math.min(span.end, midnight);
      blocks.push({ date, start: formatLondonTime(new Date(at).toISOString()), end: end === midnight ? '24:00' : formatLondonTime(new Date(end).toISOString()) });
      at = end;
    }
  }
  return blocks;
}
