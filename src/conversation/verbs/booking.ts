import { z } from 'zod';
import { acceptTime } from '../../app/booking/accept-time';
import { changeBooking, type BookingChangeKind } from '../../app/booking/change-booking';
import { declineOffer } from '../../app/booking/decline-offer';
import { joinWaitlist } from '../../app/booking/join-waitlist';
import { pickTimes } from '../../app/booking/pick-times';
import { timesForRequest } from '../../app/booking/times-for-request';
import { viewRequest, viewTriage } from '../../app/booking/view-request';
import { catalogueFor, type Actor } from '../../app/context';
import { recordRead } from '../../app/record-read';
import { isDomainError, type ErrorCode } from '../../domain/errors';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { ConversationContext } from '../context';
import { timesView } from '../views/booking';
import { outcomeView } from '../views/outcome';
import type { View } from '../views/view';
import { ERROR_TEXT } from '../wording/error-text';
import { caseScreen, triageScreen, type CaseScreenOptions } from './screens';
import { FreeText, Instant, PersonId, Ref, verb } from './verb';

const SHOWN_ON_TRIAGE: readonly ErrorCode[] = ['slot_taken', 'request_moved_on', 'clinician_busy', 'outside_availability', 'time_unavailable', 'invalid_input'];

/** A triage action that did not go through still shows the request as it is now, with why. */
async function onTriage(cc: ConversationContext, actor: Actor, cmd: { service: string; reference: string }, act: () => Promise<{ request: ConsultationRequest }>): Promise<View> {
  try {
    return await triageScreen(cc, (await act()).request);
  } catch (e) {
    if (!isDomainError(e) || !SHOWN_ON_TRIAGE.includes(e.code)) throw e;
    const request = await viewTriage(cc.app, actor, cmd);
    const why = e.code === 'invalid_input' ? e.issues.map((i) => `${i.field}: ${i.message}`).join('; ') : ERROR_TEXT[e.code].text;
    return triageScreen(cc, request, `${ERROR_TEXT[e.code].title}. ${why}`);
  }
}

/**
 * A case action answers with the case as it now stands: with what was done, or, when it failed on what was typed
 * or on the case having moved on (`shownOnCase`), why nothing was, on the same screen (`screen`: the case card or
 * its episode). Any other failure is the dispatcher's to explain.
 */
export async function onCase(
  cc: ConversationContext, actor: Actor, cmd: { service: string; reference: string },
  act: () => Promise<{ request: ConsultationRequest; changed: boolean }>, done: string,
  shownOnCase: readonly ErrorCode[] = ['invalid_input', 'request_moved_on'], screen?: CaseScreenOptions['screen'],
): Promise<View> {
  try {
    const { request, changed } = await act();
    return caseScreen(cc, actor, request, { headline: changed ? done : `${done} (already done)` });
  } catch (e) {
    if (!isDomainError(e) || !shownOnCase.includes(e.code)) throw e;
    const { request } = await viewRequest(cc.app, actor, cmd);
    const why = e.code === 'invalid_input' ? { errors: e.issues } : { headline: `${ERROR_TEXT[e.code].title}. ${ERROR_TEXT[e.code].text}` };
    return caseScreen(cc, actor, request, { ...why, ...(screen ? { screen } : {}) });
  }
}

const Change = z.object({ ...Ref, bookingId: PersonId, reason: FreeText });
const change = (kind: BookingChangeKind, done: string) => verb({
  schema: Change,
  run: (cc, actor, cmd) => onCase(cc, actor, cmd, () => changeBooking(cc.app, actor, { ...cmd, kind }), done),
});

export const BOOKING_VERBS = {
  'booking.times': verb({
    schema: z.object(Ref),
    async run(cc, actor, cmd) {
      const { request, times } = await timesForRequest(cc.app, actor, cmd);
      return timesView(request, catalogueFor(cc.app, cmd.service), times);
    },
  }),
  'booking.offer': verb({
    schema: z.object({ ...Ref, times: z.string().max(2000).optional() }),
    async run(cc, actor, cmd) {
      const starts = (cmd.times ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      try {
        const { request } = await pickTimes(cc.app, actor, { ...cmd, starts });
        return caseScreen(cc, actor, request, { headline: 'Sent to the clinicians' });
      } catch (e) {
        if (!isDomainError(e) || (e.code !== 'invalid_input' && e.code !== 'time_unavailable')) throw e;
        const { request, times } = await timesForRequest(cc.app, actor, cmd);
        const errors = e.code === 'invalid_input' ? e.issues : [{ field: 'times', message: ERROR_TEXT.time_unavailable.text }];
        return timesView(request, catalogueFor(cc.app, cmd.service), times, { errors });
      }
    },
  }),
  'booking.waitlist': verb({
    schema: z.object(Ref),
    run: (cc, actor, cmd) => onCase(cc, actor, cmd, () => joinWaitlist(cc.app, actor, cmd), 'You are on the waitlist'),
  }),
  'booking.view': verb({
    schema: z.object(Ref),
    async run(cc, actor, cmd) {
      const { request } = await viewRequest(cc.app, actor, cmd);
      const screeningOnly = ['cannot_proceed', 'not_recommended', 'awaiting_review'].includes(request.status) && request.ownerId === actor.id;
      if (!screeningOnly) return caseScreen(cc, actor, request, { via: 'booking.view' });
      await recordRead(cc.app, actor, request, 'booking.view', ['screening']);
      return outcomeView(request, catalogueFor(cc.app, cmd.service));
    },
  }),
  'booking.accept': verb({
    schema: z.object({ ...Ref, start: Instant }),
    shared: true,
    run: (cc, actor, cmd) => onTriage(cc, actor, cmd, () => acceptTime(cc.app, actor, cmd)),
  }),
  'booking.decline': verb({
    schema: z.object({ ...Ref, reason: FreeText }),
    shared: true,
    run: (cc, actor, cmd) => onTriage(cc, actor, cmd, () => declineOffer(cc.app, actor, cmd)),
  }),
  'booking.cancel': change('cancel', 'Consultation cancelled'),
  'booking.reschedule': change('reschedule', 'Consultation released for rescheduling'),
  'booking.no_show': change('no_show', 'Recorded as not taken place'),
  'triage.refresh': verb({
    schema: z.object(Ref),
    shared: true,
    run: async (cc, actor, cmd) => triageScreen(cc, await viewTriage(cc.app, actor, cmd)),
  }),
};
