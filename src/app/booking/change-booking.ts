import { cancel, noShow, reschedule } from '../../domain/booking/transitions';
import { DomainError } from '../../domain/errors';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { catalogueFor, type Actor, type AppContext } from '../context';
import { refuse } from '../guard';
import { auditOk, loadRequest, requireBookingParty } from './access';
import { checkReason } from '../required-text';
import { allReminderIds } from './jobs';
import { notification, type Notification } from '../../domain/network/notification';

export type BookingChangeKind = 'cancel' | 'reschedule' | 'no_show';

const STEP = { cancel, reschedule, no_show: noShow } as const;
/** The event each change makes, which is also how the booking's change is recorded. */
const EVENT = { cancel: 'cancelled', reschedule: 'rescheduled', no_show: 'no_show' } as const;

/** The referrer first in the waitlist (not this request), to be offered a freed time before anyone else: the index keeps them in order. */
async function waitlistHead(ctx: AppContext, service: string, except: string): Promise<ConsultationRequest | undefined> {
  const first = await ctx.store.requests.listByStatus(service, 'waitlisted', { limit: 2 });
  return first.find((r) => r.reference !== except);
}

/**
 * Cancels, reschedules or records a missed consultation, with a reason. The referrer, the booked
 * clinician or a coordinator may cancel or reschedule; only the clinician or a coordinator records a
 * no-show. A cancelled or moved time goes back to the clinician's availability, offered to the
 * waitlist first. Repeating the same change changes nothing.
 */
export async function changeBooking(
  ctx: AppContext, actor: Actor, cmd: { service: string; reference: string; kind: BookingChangeKind; bookingId: string; reason?: string },
): Promise<{ request: ConsultationRequest; changed: boolean }> {
  const rules = catalogueFor(ctx, cmd.service).booking;
  const request = await loadRequest(ctx, cmd.service, cmd.reference);
  const action = `booking.${cmd.kind}`;
  const last = request.changes?.at(-1);
  // Who is acting is settled before the "already done" answer: that answer shows the case, so someone who has since
  // lost the right to it (a coordinator taken off the roster) replaying their click gets a refusal, not the case.
  const replayed = request.status !== 'booked' && last?.bookingId === cmd.bookingId && last.kind === EVENT[cmd.kind] && last.by === actor.id;
  const party = replayed && last.clinicianId === actor.id ? 'clinician' : await requireBookingParty(ctx, request, actor, action);
  if (cmd.kind === 'no_show' && party === 'referrer') return refuse(ctx, cmd.service, actor, action, cmd.reference, 'not_allowed');
  if (replayed) return { request, changed: false };
  if (request.status !== 'booked' || request.booking!.id !== cmd.bookingId) throw new DomainError('request_moved_on');
  const reason = checkReason(cmd.reason);
  const booking = request.booking!;
  const now = ctx.clock.now();
  const changed = STEP[cmd.kind](request, actor.id, reason, now);
  const notify: Notification[] = [notification(changed, EVENT[cmd.kind], now)];
  const freed = cmd.kind !== 'no_show' && Date.parse(booking.start) > now.getTime();
  const head = freed ? await waitlistHead(ctx, cmd.service, request.reference) : undefined;
  if (head) notify.push(notification(head, 'waitlist_offer', now, { start: booking.start, freedBy: request.reference }, `:${booking.id}`));
  await ctx.store.requests.update(changed, auditOk(ctx, actor, action, request.reference, { by: party }), {
    ...(cmd.kind === 'no_show' ? {} : { release: { clinicianId: booking.clinicianId, times: [{ start: booking.start, end: booking.end }] } }),
    unschedule: allReminderIds(booking.id, rules),
    notify,
  });
  return { request: changed, changed: true };
}
