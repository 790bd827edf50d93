import { catalogueFor, type Actor } from '../../app/context';
import { previewScreening } from '../../app/preview-screening';
import { hasRole } from '../../domain/booking/roster';
import type { DomainError } from '../../domain/errors';
import type { Draft } from '../../domain/referral/draft';
import { journeyOf } from '../../domain/referral/steps';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { londonDate } from '../../domain/time/london';
import type { ConversationContext } from '../context';
import { caseView, triageView, type CaseView, type TriageView } from '../views/booking';
import { reviewView, stepView, type ReviewView, type StepView } from '../views/journey';

export interface DraftScreenOptions {
  errors?: DomainError['issues'];
  values?: Record<string, string>;
  notice?: string;
}

/** The screen for where a draft stands: its current step, or the review once every step is answered. */
export function draftScreen(cc: ConversationContext, draft: Draft, options: DraftScreenOptions = {}): StepView | ReviewView {
  const catalogue = catalogueFor(cc.app, draft.service);
  if (draft.step === 'review') {
    const preview = previewScreening(cc.app, draft);
    if (preview) return reviewView(draft, preview, catalogue, options);
  }
  const journey = journeyOf(catalogue);
  const step = draft.step !== 'review' && journey.answerSteps.includes(draft.step)
    ? draft.step
    : journey.answerSteps.find((s) => !draft.answers[s]) ?? journey.answerSteps.at(-1)!;
  return stepView(draft, step, catalogue, { ...options, today: londonDate(cc.app.clock.now()) });
}

/** The case as one of its parties sees it in personal chat, with the names and links it shows. */
export async function caseScreen(cc: ConversationContext, actor: Actor, request: ConsultationRequest, options: { headline?: string; errors?: DomainError['issues'] } = {}): Promise<CaseView> {
  const coordinator = hasRole(await cc.app.store.roster.get(request.service, actor.id), 'coordinator');
  const people = [request.ownerId, ...(request.booking ? [request.booking.clinicianId] : []), ...(request.offer?.declines.map((d) => d.clinicianId) ?? [])];
  const nameOf = await cc.people.names(people);
  return caseView(request, { id: actor.id, coordinator }, nameOf, catalogueFor(cc.app, request.service), {
    ...options, calendarUrl: request.booking ? cc.links.calendarUrl(request) : '', now: cc.app.clock.now(),
  });
}

/** The triage channel's card for a request; clinicians' and coordinators' copies keep themselves up to date. */
export async function triageScreen(cc: ConversationContext, request: ConsultationRequest, notice?: string): Promise<TriageView> {
  const [nameOf, roster] = await Promise.all([
    cc.people.names(request.booking ? [request.booking.clinicianId] : []),
    cc.app.store.roster.list(request.service),
  ]);
  const refreshFor = roster.filter((m) => hasRole(m, 'clinician') || hasRole(m, 'coordinator')).map((m) => m.id);
  const urgency = catalogueFor(cc.app, request.service).urgencies.find((u) => u.id === request.answers.details?.urgency);
  return triageView(request, nameOf, refreshFor, notice, urgency);
}
