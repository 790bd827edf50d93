import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { requireRole } from '../booking/access';
import type { Actor, AppContext } from '../context';
import { assignedClinician } from '../network/access';

export interface MyConsultations {
  /** Booked, soonest first. */
  upcoming: ConsultationRequest[];
  /** Completed, missed, cancelled or moved, latest first. */
  past: ConsultationRequest[];
}

/** When the consultation was (or is) due: the booking, the recorded one, or the last one that was changed. */
export const consultationStart = (r: ConsultationRequest): string =>
  r.booking?.start ?? r.completion?.consultationAt ?? r.changes?.at(-1)?.start ?? r.submittedAt;

/**
 * The clinician's own consultations in a service: those booked with them and those they held. References, statuses
 * and times only; the detail of a case is read one case at a time, audited (readCase).
 */
export async function listMyConsultations(ctx: AppContext, actor: Actor, service: string): Promise<MyConsultations> {
  await requireRole(ctx, service, actor, 'clinician', 'consultations.list', service);
  const mine = (await ctx.store.requests.listAll(service, 20_000)).filter((r) => assignedClinician(r) === actor.id);
  const byStart = (a: ConsultationRequest, b: ConsultationRequest) => consultationStart(a).localeCompare(consultationStart(b));
  return {
    upcoming: mine.filter((r) => r.status === 'booked').sort(byStart),
    past: mine.filter((r) => r.status !== 'booked').sort(byStart).reverse(),
  };
}
