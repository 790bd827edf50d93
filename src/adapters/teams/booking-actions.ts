import { acceptTime } from '../../app/booking/accept-time';
import { changeBooking, type BookingChangeKind } from '../../app/booking/change-booking';
import { declineOffer } from '../../app/booking/decline-offer';
import { decideReview, listReviews } from '../../app/booking/decide-review';
import { joinWaitlist } from '../../app/booking/join-waitlist';
import { listRoster, removeRosterMember, setRosterMember } from '../../app/booking/manage-roster';
import { pickTimes } from '../../app/booking/pick-times';
import { changeAvailability, myAvailability } from '../../app/booking/set-availability';
import { timesForRequest } from '../../app/booking/times-for-request';
import { viewRequest, viewTriage } from '../../app/booking/view-request';
import { catalogueFor, type Actor, type AppContext } from '../../app/context';
import { ROLES, type Role } from '../../domain/booking/roster';
import { DomainError, isDomainError, type ErrorCode } from '../../domain/errors';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { availabilityChange, textInput, type BookingVerb, type BookingVerbData } from './booking-payload';
import { availabilityCard, caseCard, reviewsCard, rosterCard, timesCard, triageCard, type NameOf } from './cards/booking-cards';
import { outcomeCard } from './cards/outcome-card';
import type { Card } from './cards/templates';
import { ERROR_TEXT } from './error-text';
import { NETWORK_HANDLERS, type CaseView, type NetworkVerb } from './network-actions';

/** What booking cards need from the Teams edge beyond the use cases. */
export interface Edge {
  names(service: string, ids: readonly string[]): Promise<NameOf>;
  calendarUrl(request: ConsultationRequest): string;
  /** Roster ids whose copy of the triage card refreshes itself when viewed. */
  refreshUserIds(service: string): Promise<string[]>;
}

type Handler<V extends BookingVerb> = (ctx: AppContext, edge: Edge, actor: Actor, data: BookingVerbData<V>, raw: Record<string, unknown>) => Promise<Card>;

const SHOWN_ON_TRIAGE: readonly ErrorCode[] = ['slot_taken', 'request_moved_on', 'clinician_busy', 'outside_availability', 'time_unavailable', 'invalid_input'];

/** The case card as one of its parties sees it in personal chat, with the names and links it shows. */
export async function caseFor(ctx: AppContext, edge: Edge, actor: Actor, request: ConsultationRequest, options: { headline?: string; errors?: DomainError['issues'] } = {}): Promise<Card> {
  const coordinator = (await ctx.store.roster.get(request.service, actor.id))?.roles.includes('coordinator') ?? false;
  const people = [request.ownerId, ...(request.booking ? [request.booking.clinicianId] : []), ...(request.offer?.declines.map((d) => d.clinicianId) ?? [])];
  const nameOf = await edge.names(request.service, people);
  return caseCard(request, { id: actor.id, coordinator }, nameOf, {
    ...options, calendarUrl: request.booking ? edge.calendarUrl(request) : '', catalogue: catalogueFor(ctx, request.service), now: ctx.clock.now(),
  });
}

export async function triageFor(ctx: AppContext, edge: Edge, request: ConsultationRequest, notice?: string): Promise<Card> {
  const [nameOf, userIds] = await Promise.all([edge.names(request.service, request.booking ? [request.booking.clinicianId] : []), edge.refreshUserIds(request.service)]);
  return triageCard(request, nameOf, userIds, notice);
}

/** A triage action that did not go through still shows the request as it is now, with why. */
async function onTriage(ctx: AppContext, edge: Edge, actor: Actor, cmd: { service: string; reference: string }, act: () => Promise<{ request: ConsultationRequest }>): Promise<Card> {
  try {
    return await triageFor(ctx, edge, (await act()).request);
  } catch (e) {
    if (!isDomainError(e) || !SHOWN_ON_TRIAGE.includes(e.code)) throw e;
    const request = await viewTriage(ctx, actor, cmd);
    const why = e.code === 'invalid_input' ? e.issues.map((i) => `${i.field}: ${i.message}`).join('; ') : ERROR_TEXT[e.code].text;
    return triageFor(ctx, edge, request, `${ERROR_TEXT[e.code].title}. ${why}`);
  }
}

/** A case action that failed on what was typed keeps the card, with the message. */
async function onCase(ctx: AppContext, edge: Edge, actor: Actor, cmd: { service: string; reference: string }, act: () => Promise<{ request: ConsultationRequest; changed: boolean }>, done: string): Promise<Card> {
  try {
    const { request, changed } = await act();
    return caseFor(ctx, edge, actor, request, { headline: changed ? done : `${done} (already done)` });
  } catch (e) {
    if (!isDomainError(e) || (e.code !== 'invalid_input' && e.code !== 'request_moved_on')) throw e;
    const { request } = await viewRequest(ctx, actor, cmd);
    return caseFor(ctx, edge, actor, request, e.code === 'invalid_input' ? { errors: e.issues } : { headline: ERROR_TEXT.request_moved_on.title });
  }
}

type ChangeVerb = 'booking.cancel' | 'booking.reschedule' | 'booking.no_show';
const changeHandler = <V extends ChangeVerb>(kind: BookingChangeKind, done: string): Handler<V> => (ctx, edge, actor, cmd) =>
  onCase(ctx, edge, actor, cmd, () => changeBooking(ctx, actor, { ...cmd, kind }), done);

const HANDLERS: { [V in Exclude<BookingVerb, NetworkVerb>]: Handler<V> } = {
  'booking.times': async (ctx, _edge, actor, cmd) => {
    const { request, times } = await timesForRequest(ctx, actor, cmd);
    return timesCard(request, catalogueFor(ctx, cmd.service), times);
  },
  'booking.offer': async (ctx, edge, actor, cmd) => {
    const starts = (cmd.times ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    try {
      const { request } = await pickTimes(ctx, actor, { ...cmd, starts });
      return caseFor(ctx, edge, actor, request, { headline: 'Sent to the clinicians' });
    } catch (e) {
      if (!isDomainError(e) || (e.code !== 'invalid_input' && e.code !== 'time_unavailable')) throw e;
      const { request, times } = await timesForRequest(ctx, actor, cmd);
      const errors = e.code === 'invalid_input' ? e.issues : [{ field: 'times', message: ERROR_TEXT.time_unavailable.text }];
      return timesCard(request, catalogueFor(ctx, cmd.service), times, { errors });
    }
  },
  'booking.waitlist': (ctx, edge, actor, cmd) => onCase(ctx, edge, actor, cmd, () => joinWaitlist(ctx, actor, cmd), 'You are on the waitlist'),
  'booking.view': async (ctx, edge, actor, cmd) => {
    const { request } = await viewRequest(ctx, actor, cmd);
    const screeningOnly = ['cannot_proceed', 'not_recommended', 'awaiting_review'].includes(request.status) && request.ownerId === actor.id;
    return screeningOnly ? outcomeCard(request, catalogueFor(ctx, cmd.service)) : caseFor(ctx, edge, actor, request);
  },
  'booking.accept': (ctx, edge, actor, cmd) => onTriage(ctx, edge, actor, cmd, () => acceptTime(ctx, actor, cmd)),
  'booking.decline': (ctx, edge, actor, cmd) => onTriage(ctx, edge, actor, cmd, () => declineOffer(ctx, actor, cmd)),
  'booking.cancel': changeHandler('cancel', 'Consultation cancelled'),
  'booking.reschedule': changeHandler('reschedule', 'Consultation released for rescheduling'),
  'booking.no_show': changeHandler('no_show', 'Recorded as not taken place'),
  'triage.refresh': async (ctx, edge, actor, cmd) => triageFor(ctx, edge, await viewTriage(ctx, actor, cmd)),
  'availability.show': async (ctx, _edge, actor, cmd) =>
    availabilityCard(await myAvailability(ctx, actor, cmd.service), catalogueFor(ctx, cmd.service), ctx.clock.now()),
  'availability.change': async (ctx, _edge, actor, cmd, raw) => {
    const catalogue = catalogueFor(ctx, cmd.service);
    try {
      const { availability, stale } = await changeAvailability(ctx, actor, { ...cmd, change: availabilityChange(cmd.change, raw) });
      return availabilityCard(availability, catalogue, ctx.clock.now(), {
        notice: stale ? 'This card was out of date, so nothing was changed: here is your availability as it stands now.' : 'Saved.',
      });
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'invalid_input') throw e;
      return availabilityCard(await myAvailability(ctx, actor, cmd.service), catalogue, ctx.clock.now(), { errors: e.issues });
    }
  },
  'roster.show': async (ctx, edge, actor, cmd) => {
    const members = await listRoster(ctx, actor, cmd.service);
    return rosterCard(cmd.service, members, await edge.names(cmd.service, members.map((m) => m.id)));
  },
  'roster.set': async (ctx, edge, actor, cmd) => {
    const roles = (cmd.roles ?? '').split(',').map((r) => r.trim()).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
    const memberId = (cmd.memberId ?? '').trim();
    let notice = '';
    let errors: DomainError['issues'] = [];
    if (!/^[A-Za-z0-9_.:@-]{1,200}$/.test(memberId)) errors = [{ field: 'memberId', message: 'enter their Teams user id' }];
    else if (roles.length === 0) errors = [{ field: 'roles', message: 'choose at least one role' }];
    else {
      try {
        await setRosterMember(ctx, actor, { service: cmd.service, memberId, roles });
        notice = 'Saved.';
      } catch (e) {
        if (!isDomainError(e) || e.code !== 'invalid_input') throw e;
        errors = e.issues;
      }
    }
    const members = await listRoster(ctx, actor, cmd.service);
    return rosterCard(cmd.service, members, await edge.names(cmd.service, members.map((m) => m.id)), { notice, errors });
  },
  'roster.remove': async (ctx, edge, actor, cmd) => {
    let options: { notice?: string; errors?: DomainError['issues'] } = {};
    try {
      options = { notice: (await removeRosterMember(ctx, actor, cmd)) ? 'Removed.' : 'They were not on the roster.' };
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'invalid_input') throw e;
      options = { errors: e.issues };
    }
    const members = await listRoster(ctx, actor, cmd.service);
    return rosterCard(cmd.service, members, await edge.names(cmd.service, members.map((m) => m.id)), options);
  },
  'reviews.show': async (ctx, _edge, actor, cmd) => reviewsCard(cmd.service, await listReviews(ctx, actor, cmd.service)),
  'review.decide': async (ctx, _edge, actor, cmd, raw) => {
    let options: { notice?: string; errors?: DomainError['issues'] } = {};
    try {
      const { request } = await decideReview(ctx, actor, { ...cmd, approved: cmd.approved === 'true', reason: textInput(raw, cmd.reasonField) });
      options = { notice: `${request.reference}: ${request.status === 'awaiting_booking' ? 'approved for booking' : 'not taken forward'}. The referrer has been told.` };
    } catch (e) {
      if (!isDomainError(e) || (e.code !== 'invalid_input' && e.code !== 'request_moved_on')) throw e;
      options = { errors: e.code === 'invalid_input' ? e.issues.map((i) => ({ ...i, field: `${cmd.reference} ${i.field}` })) : [{ field: cmd.reference, message: ERROR_TEXT.request_moved_on.text }] };
    }
    return reviewsCard(cmd.service, await listReviews(ctx, actor, cmd.service), options);
  },
};

export async function runBookingAction(ctx: AppContext, edge: Edge, actor: Actor, verb: BookingVerb, data: unknown, raw: Record<string, unknown>): Promise<Card> {
  if (verb in NETWORK_HANDLERS) {
    const view: CaseView = (c, a, request, options) => caseFor(c, edge, a, request, options);
    const handler = NETWORK_HANDLERS[verb as NetworkVerb] as (c: AppContext, v: CaseView, a: Actor, d: unknown, r: Record<string, unknown>) => Promise<Card>;
    return handler(ctx, view, actor, data, raw);
  }
  return (HANDLERS[verb as Exclude<BookingVerb, NetworkVerb>] as Handler<BookingVerb>)(ctx, edge, actor, data as BookingVerbData<BookingVerb>, raw);
}
