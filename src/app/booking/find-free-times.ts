import { freeSlots, offerableTimes, type FreeSlot, type OfferableTime } from '../../domain/booking/free-times';
import { hasRole } from '../../domain/booking/roster';
import { catalogueFor, type AppContext } from '../context';

/** Every free consultation across the service's clinicians, as of now. */
export async function findFreeSlots(ctx: AppContext, service: string): Promise<FreeSlot[]> {
  const rules = catalogueFor(ctx, service).booking;
  const now = ctx.clock.now();
  const [availabilities, roster] = await Promise.all([ctx.store.availability.list(service), ctx.store.roster.list(service)]);
  const clinicians = new Set(roster.filter((m) => hasRole(m, 'clinician')).map((m) => m.id));
  const perClinician = await Promise.all(availabilities.filter((a) => clinicians.has(a.clinicianId)).map(async (a) =>
    freeSlots(a, await ctx.store.availability.busy(service, a.clinicianId, now), rules, now)));
  return perClinician.flat();
}

/** The earliest times a referrer can choose from. */
export async function findFreeTimes(ctx: AppContext, service: string): Promise<OfferableTime[]> {
  return offerableTimes(await findFreeSlots(ctx, service), catalogueFor(ctx, service).booking.timesShown);
}
