import { freeStarts, offerableStarts, type DayRange, type OfferableTime } from '../../domain/booking/free-times';
import type { ClinicianCalendar } from '../../ports/availability-store';
import { hasRole } from '../../domain/booking/roster';
import { addDays, londonDate } from '../../domain/time/london';
import { catalogueFor, type AppContext } from '../context';
import { busyInOtherServices } from './busy-elsewhere';

const DAY_MS = 86_400_000;
/** Days looked at in one go while looking for the earliest times. */
const CHUNK_DAYS = 3;

/**
 * The service's clinicians' published time and bookings, read once per question (the roster, then every calendar in
 * one go), with their bookings in the other services they work for.
 */
async function calendars(ctx: AppContext, service: string, now: Date): Promise<ClinicianCalendar[]> {
  const clinicians = (await ctx.store.roster.list(service)).filter((m) => hasRole(m, 'clinician')).map((m) => m.id);
  const [here, elsewhere] = await Promise.all([ctx.store.availability.calendars(service, clinicians, now), busyInOtherServices(ctx, service, clinicians, now)]);
  return here.map((c) => {
    const more = elsewhere.get(c.availability.clinicianId);
    return more ? { ...c, busy: [...c.busy, ...more] } : c;
  });
}

/** Every clinician's free start times (UTC ms) in these days, one entry per clinician free then. */
function startsIn(ctx: AppContext, service: string, c: readonly ClinicianCalendar[], now: Date, days: DayRange): number[] {
  const rules = catalogueFor(ctx, service).booking;
  return c.flatMap(({ availability, busy }) => freeStarts(availability, busy, rules, now, days));
}

/**
 * The earliest times a referrer can choose from, looking a few days at a time and stopping as soon as
 * enough are found: listing every slot of every clinician for four weeks was most of a times card's cost.
 */
export async function findFreeTimes(ctx: AppContext, service: string): Promise<OfferableTime[]> {
  const rules = catalogueFor(ctx, service).booking;
  const now = ctx.clock.now();
  const c = await calendars(ctx, service, now);
  const last = londonDate(new Date(now.getTime() + rules.horizonDays * DAY_MS));
  const starts: number[] = [];
  let times: OfferableTime[] = [];
  for (let day = londonDate(new Date(now.getTime() + rules.leadTimeHours * 3_600_000)); day <= last; day = addDays(day, CHUNK_DAYS)) {
    starts.push(...startsIn(ctx, service, c, now, { from: day, to: addDays(day, CHUNK_DAYS - 1) }));
    times = offerableStarts(starts, rules.consultationMinutes * 60_000, rules.timesShown);
    if (times.length >= rules.timesShown) break;
  }
  return times;
}

/** Which of these times some clinician could still take now (each checked on its own day only). */
export async function freeStartsAmong(ctx: AppContext, service: string, starts: readonly string[]): Promise<Set<string>> {
  const now = ctx.clock.now();
  const c = await calendars(ctx, service, now);
  const days = [...new Set(starts.map((s) => londonDate(new Date(s))))];
  const free = new Set(days.flatMap((day) => startsIn(ctx, service, c, now, { from: day, to: day })));
  // Only a time written exactly as the times card writes it is one of its times.
  return new Set(starts.filter((s) => free.has(Date.parse(s)) && new Date(Date.parse(s)).toISOString() === s));
}
