import { z } from 'zod';
import { AvailabilitySchema, emptyAvailability, type Availability } from '../../domain/booking/availability';
import { coversConsultation } from '../../domain/booking/free-times';
import { overlaps, toInterval } from '../../domain/booking/interval';
import { DomainError, fieldIssues } from '../../domain/errors';
import { addDays, londonToUtc } from '../../domain/time/london';
import type { BusyTime } from '../../ports/availability-store';
import type { Actor, AppContext } from '../context';
import { auditOk, requireRole } from './access';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date');
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 09:30');
const Weekday = z.coerce.number().int().min(1, 'choose a day').max(7, 'choose a day');

/** One change a clinician makes to their availability, in London dates and wall-clock times. */
export const AvailabilityChangeSchema = z.discriminatedUnion('change', [
  z.object({ change: z.literal('add_weekly'), weekday: Weekday, start: Time, end: Time }),
  z.object({ change: z.literal('add_extra'), date: Day, start: Time, end: Time }),
  z.object({ change: z.literal('add_blackout'), from: Day, to: Day }),
  z.object({ change: z.literal('remove'), list: z.enum(['weekly', 'extras', 'blackouts']), index: z.coerce.number().int().min(0).max(500) }),
]);
export type AvailabilityChange = z.infer<typeof AvailabilityChangeSchema>;

function applyChange(current: Availability, change: AvailabilityChange): Availability {
  switch (change.change) {
    case 'add_weekly':
      return { ...current, weekly: [...current.weekly, { weekday: change.weekday, start: change.start, end: change.end }] };
    case 'add_extra':
      return { ...current, extras: [...current.extras, {
        start: londonToUtc(change.date, change.start).toISOString(), end: londonToUtc(change.date, change.end).toISOString() }] };
    case 'add_blackout':
      // Whole London days, from the first day's midnight to the midnight after the last.
      return { ...current, blackouts: [...current.blackouts, {
        start: londonToUtc(change.from, '00:00').toISOString(), end: londonToUtc(addDays(change.to, 1), '00:00').toISOString() }] };
    case 'remove':
      return { ...current, [change.list]: current[change.list].filter((_, i) => i !== change.index) };
  }
}

/** The clinician's own availability (empty until they publish some). */
export async function myAvailability(ctx: AppContext, actor: Actor, service: string): Promise<Availability> {
  await requireRole(ctx, service, actor, 'clinician', 'availability.view', actor.id);
  return (await ctx.store.availability.get(service, actor.id)) ?? emptyAvailability(actor.id, ctx.clock.now());
}

/**
 * The clinician's bookings in this service (consultations and therapy sessions) that a change has just left outside
 * their time: inside a blackout just added, or no longer covered once a window or one-off time was removed. They
 * stay booked (a family is waiting for them), so the clinician is told, to move or cancel each.
 */
async function bookedOutside(ctx: AppContext, service: string, clinicianId: string, before: Availability, after: Availability, change: AvailabilityChange, now: Date): Promise<BusyTime[]> {
  if (change.change === 'add_weekly' || change.change === 'add_extra' || (change.change === 'remove' && change.list === 'blackouts')) return [];
  const busy = await ctx.store.availability.busy(service, clinicianId, now);
  if (change.change === 'add_blackout') {
    // A session need not lie in the published hours, so any booking the new blackout touches is named.
    const added = after.blackouts.filter((b) => !before.blackouts.some((o) => o.start === b.start && o.end === b.end)).map(toInterval);
    return busy.filter((b) => added.some((a) => overlaps(b, a)));
  }
  const covered = (a: Availability, b: BusyTime) => coversConsultation(a, new Date(b.start), new Date(b.end));
  return busy.filter((b) => covered(before, b) && !covered(after, b));
}

/**
 * Applies one change to the clinician's own availability. `version` is the one their card showed: if it
 * changed meanwhile, nothing is saved and the current availability comes back with `stale`. `stillBooked` lists
 * the bookings the change left outside their time, soonest first.
 */
export async function changeAvailability(
  ctx: AppContext, actor: Actor, cmd: { service: string; version: number; change: unknown },
): Promise<{ availability: Availability; stale: boolean; stillBooked: BusyTime[] }> {
  const current = await myAvailability(ctx, actor, cmd.service);
  const parsed = AvailabilityChangeSchema.safeParse(cmd.change);
  if (!parsed.success) throw new DomainError('invalid_input', fieldIssues(parsed.error));
  if (current.version !== cmd.version) return { availability: current, stale: true, stillBooked: [] };
  const at = ctx.clock.now();
  const next = { ...applyChange(current, parsed.data), version: current.version + 1, updatedAt: at.toISOString() };
  const checked = AvailabilitySchema.safeParse(next);
  if (!checked.success) throw new DomainError('invalid_input', fieldIssues(checked.error));
  try {
    await ctx.store.availability.save(cmd.service, checked.data, auditOk(ctx, actor, 'availability.change', actor.id, { change: parsed.data.change }));
  } catch (e) {
    if (e instanceof DomainError && e.code === 'version_conflict') return { availability: (await ctx.store.availability.get(cmd.service, actor.id))!, stale: true, stillBooked: [] };
    throw e;
  }
  const stillBooked = (await bookedOutside(ctx, cmd.service, actor.id, current, checked.data, parsed.data, at)).sort((a, b) => a.start - b.start);
  return { availability: checked.data, stale: false, stillBooked };
}
