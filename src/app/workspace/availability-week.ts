import { z } from 'zod';
import { openSpans, type Availability } from '../../domain/booking/availability';
import type { Interval } from '../../domain/booking/interval';
import { DomainError, fieldIssues } from '../../domain/errors';
import { addDays, londonToUtc, weekdayOf } from '../../domain/time/london';
import type { BusyTime } from '../../ports/availability-store';
import { busyEverywhere } from '../booking/busy-elsewhere';
import { myAvailability } from '../booking/set-availability';
import type { Actor, AppContext } from '../context';

export interface AvailabilityWeek {
  availability: Availability;
  /** The London dates of the week, Monday first. */
  days: string[];
  /** When the clinician can be booked that week, blackouts taken out (UTC). */
  open: Interval[];
  blackouts: Interval[];
  /** Consultations and sessions booked with them that week, in this service and any other they work for (the reference says which). */
  busy: BusyTime[];
}

const Day = z.iso.date({ message: 'must be a date such as 2026-03-30' });

/**
 * A clinician's week in London time, from the Monday of the week holding `date`: weekly windows turned into moments
 * day by day (so a week with a clock change is right), one-off times, blackouts and bookings.
 */
export async function availabilityWeek(ctx: AppContext, actor: Actor, cmd: { service: string; date?: string }): Promise<AvailabilityWeek> {
  const availability = await myAvailability(ctx, actor, cmd.service);
  const date = Day.safeParse(cmd.date);
  if (!date.success) throw new DomainError('invalid_input', fieldIssues(date.error).map((i) => ({ ...i, field: 'date' })));
  const monday = addDays(date.data, 1 - weekdayOf(date.data));
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  const from = londonToUtc(monday, '00:00');
  const to = londonToUtc(addDays(monday, 7), '00:00');
  const inWeek = (s: Interval) => s.start < to.getTime() && s.end > from.getTime();
  const busy = (await busyEverywhere(ctx, cmd.service, actor.id, from)).filter(inWeek);
  const blackouts = availability.blackouts.map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.end) })).filter(inWeek);
  return { availability, days, open: openSpans(availability, from, to), blackouts, busy };
}
