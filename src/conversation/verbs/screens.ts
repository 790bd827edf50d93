import { catalogueFor, type Actor } from '../../app/context';
import { previewScreening } from '../../app/preview-screening';
import { recordRead } from '../../app/record-read';
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

export interface CaseScreenOptions {
  headline?: string;
  errors?: DomainError['issues'];
  /** What showed it, for the audit of reads (default `case.screen`). */
  via?: string;
  /** The caller records this disclosure itself (the notifier does, as it sends). */
  recorded?: true;
}

/** The case as one of its parties sees it in personal chat, with the names and links it shows; the read is audited. */
export async function caseScreen(cc: ConversationContext, actor: Actor, request: ConsultationRequest, options: CaseScreenOptions = {}): Promise<CaseView> {
  const coordinator = hasRole(await cc.app.store.roster.get(request.service, actor.id), 'coordinator');
  if (!options.recorded) await recordRead(cc.app, actor, request, options.via ?? 'case.screen');
  const people = [request.ownerId, ...(request.booking ? [request.booking.clinicianId] : []), ...(request.offer?.declines.map((d) => d.clinicianId) ?? [])];
  const nameOf = await cc.people.names(people);
  return caseView(request, { id: actor.id, coordinator }, nameOf, catalogueFor(cc.app, request.service), {
    ...(options.headline !== undefined ? { headline: options.headline } : {}), ...(options.errors ? { errors: options.errors } : {}), calendarUrl: request.booking ? cc.links.calendarUrl(request) : '', now: cc.app.clock.now(),
  });
}

/** The triage channel's card for a request; clinicians' and coordinators' copies keep themselves up to date. */
export async function triageScreen(cc: ConversationContext, request: ConsultationRequest, notice?: string): Promise<TriageView> {
  const [nameOf, roster] = await Promise.all([
    cc.people.names(request.booking ? [request.booking.clinicianId] : []),
    cc.app.store.roster.list(request.service),
  ]);
  const refreshFor = roster.filter((m) => hasRole(m, 'clinician') || hasRole(m, 'coordinator')).map((m) => m.id);
  return triageView(request, nameOf, refreshFor, notice);
}
