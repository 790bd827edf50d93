import { z } from 'zod';
import { addDays, londonDate, londonToUtc, weekdayOf } from '../time/london';
import { merge, subtract, toInterval, type Interval } from './interval';

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 09:30');
const Instant = z.iso.datetime();

/** A recurring weekly window in London wall-clock time ("Tuesdays 09:00-12:00"): the rule, not a moment. */
export const WeeklyWindowSchema = z.object({ weekday: z.number().int().min(1).max(7), start: Time, end: Time })
  .refine((w) => w.start < w.end, { message: 'must end after it starts', path: ['end'] });
export type WeeklyWindow = z.infer<typeof WeeklyWindowSchema>;

/** A concrete span, stored in UTC. */
export const SpanSchema = z.object({ start: Instant, end: Instant })
  .refine((s) => s.start < s.end, { message: 'must end after it starts', path: ['end'] });
export type Span = z.infer<typeof SpanSchema>;

/** What one clinician has published: weekly windows, one-off extra times and blackouts. */
export const AvailabilitySchema = z.object({
  clinicianId: z.string().min(1),
  weekly: z.array(WeeklyWindowSchema).max(50),
  extras: z.array(SpanSchema).max(200),
  blackouts: z.array(SpanSchema).max(200),
  version: z.number().int().nonnegative(),
  updatedAt: z.string(),
});
export type Availability = z.infer<typeof AvailabilitySchema>;

export const emptyAvailability = (clinicianId: string, at: Date): Availability =>
  ({ clinicianId, weekly: [], extras: [], blackouts: [], version: 0, updatedAt: at.toISOString() });

/**
 * The spans in [from, to) during which the clinician said they can see people. Weekly windows are
 * turned into moments date by date in London time, so "09:00" is 09:00 UTC in winter and 08:00 UTC in
 * summer, including the weeks the clocks change.
 */
export function openSpans(availability: Availability, from: Date, to: Date): Interval[] {
  const spans: Interval[] = [];
  const last = londonDate(to);
  for (let day = londonDate(from); day <= last; day = addDays(day, 1)) {
    const weekday = weekdayOf(day);
    for (const w of availability.weekly) {
      if (w.weekday === weekday) spans.push({ start: londonToUtc(day, w.start).getTime(), end: londonToUtc(day, w.end).getTime() });
    }
  }
  spans.push(...availability.extras.map(toInterval));
  const window = { start: from.getTime(), end: to.getTime() };
  const clipped = spans
    .map((s) => ({ start: Math.max(s.start, window.start), end: Math.min(s.end, window.end) }))
    .filter((s) => s.start < s.end);
  // A weekly window and a one-off that overlap (or meet) are one stretch of time, not two grids of slots.
  return subtract(merge(clipped), availability.blackouts.map(toInterval));
}
