import type { Interval } from '../../domain/booking/interval';
import { overlaps } from '../../domain/booking/interval';
import { DomainError } from '../../domain/errors';
import type { BusyTime } from '../../ports/availability-store';
import type { AppContext } from '../context';

/**
 * The clinicians' bookings in the other services whose rosters they are also on (consultations and episode
 * sessions), by clinician. A service claims its clinicians' time atomically within its own keys (one Redis Cluster
 * slot per service), so a person who works for two services would otherwise be offered, and could take, a time
 * they are already booked in the other: the other services' bookings are read here and kept out. Only clinicians on
 * another service's roster cost a read; two accepts in two services at the same instant are the residual (H32).
 */
export async function busyInOtherServices(ctx: AppContext, service: string, clinicianIds: readonly string[], from: Date): Promise<Map<string, BusyTime[]>> {
  const out = new Map<string, BusyTime[]>();
  const others = [...ctx.catalogues.keys()].filter((s) => s !== service);
  if (others.length === 0 || clinicianIds.length === 0) return out;
  const wanted = new Set(clinicianIds);
  await Promise.all(others.map(async (other) => {
    const onBoth = (await ctx.store.roster.list(other)).filter((m) => wanted.has(m.id));
    await Promise.all(onBoth.map(async (m) => {
      const busy = await ctx.store.availability.busy(other, m.id, from);
      if (busy.length > 0) out.set(m.id, [...(out.get(m.id) ?? []), ...busy]);
    }));
  }));
  return out;
}

/** One clinician's bookings here and in the other services they work for, as one list. */
export async function busyEverywhere(ctx: AppContext, service: string, clinicianId: string, from: Date): Promise<BusyTime[]> {
  const [here, elsewhere] = await Promise.all([
    ctx.store.availability.busy(service, clinicianId, from), busyInOtherServices(ctx, service, [clinicianId], from),
  ]);
  return [...here, ...(elsewhere.get(clinicianId) ?? [])];
}

/**
 * Refuses (`clinician_busy`, nothing written) times that overlap, with the buffer, the clinician's bookings in
 * another service; the claim's own atomic check covers this service's.
 */
export async function refuseIfBusyElsewhere(ctx: AppContext, service: string, clinicianId: string, times: readonly Interval[], bufferMs: number, from: Date): Promise<void> {
  const elsewhere = (await busyInOtherServices(ctx, service, [clinicianId], from)).get(clinicianId) ?? [];
  if (times.some((t) => elsewhere.some((b) => overlaps(b, t, bufferMs)))) throw new DomainError('clinician_busy');
}
