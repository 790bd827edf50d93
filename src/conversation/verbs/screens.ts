import { catalogueFor, type Actor } from '../../app/context';
import { previewScreening } from '../../app/preview-screening';
import { recordRead } from '../../app/record-read';
import { hasRole } from '../../domain/booking/roster';
import { DomainError } from '../../domain/errors';
import type { Draft } from '../../domain/referral/draft';
import { journeyOf } from '../../domain/referral/steps';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { londonDate } from '../../domain/time/london';
import type { ConversationContext } from '../context';
import { assignedClinician } from '../../app/network/access';
import { offeredInterventions } from '../../domain/episode/transitions';
import { caseView, triageView, type CaseView, type TriageView } from '../views/booking';
import type { Choice } from '../views/common';
import { episodeOffer, episodeOpenView, episodeView, type EpisodeOpenView, type EpisodeView } from '../views/episode';
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
  /** Once an episode is open its screen is the case's; `case` shows the referral and consultation instead. */
  screen?: 'case' | 'episode';
  /** What showed it, for the audit of reads (default `case.screen`). */
  via?: string;
  /** The caller records this disclosure itself (the notifier does, as it sends). */
  recorded?: true;
}

/** How many clinicians the case card offers a coordinator to open an episode for: the viewer first, then by name. */
const THERAPISTS_OFFERED = 25;

/** The clinicians a coordinator may open an episode for (themselves first, when they are one); a clinician only themselves. */
async function therapistChoices(cc: ConversationContext, service: string, actor: Actor, coordinator: boolean): Promise<Choice[]> {
  const roster = await cc.app.store.roster.list(service);
  const clinicians = roster.filter((m) => hasRole(m, 'clinician') && (coordinator || m.id === actor.id)).map((m) => m.id);
  const nameOf = await cc.people.names(clinicians);
  const choices = clinicians.map((id) => ({ value: id, title: nameOf(id) })).sort((a, b) => a.title.localeCompare(b.title));
  return [...choices.filter((c) => c.value === actor.id), ...choices.filter((c) => c.value !== actor.id)].slice(0, THERAPISTS_OFFERED);
}

/**
 * The case as one of its parties sees it in personal chat, with the names and links it shows: the episode of
 * work once there is one (the clinical team's record, or the referrer's progress), the case card before that.
 * The read is audited.
 */
export async function caseScreen(cc: ConversationContext, actor: Actor, request: ConsultationRequest, options: CaseScreenOptions = {}): Promise<CaseView | EpisodeView> {
  const people = [
    request.ownerId, ...(request.booking ? [request.booking.clinicianId] : []), ...(request.offer?.declines.map((d) => d.clinicianId) ?? []),
    ...(request.episode ? [request.episode.therapistId] : []),
  ];
  // Three independent round trips, sent together: the card is drawn only once the read is on the audit trail.
  const [member, nameOf] = await Promise.all([
    cc.app.store.roster.get(request.service, actor.id), cc.people.names(people),
    options.recorded ? undefined : recordRead(cc.app, actor, request, options.via ?? 'case.screen'),
  ]);
  const coordinator = hasRole(member, 'coordinator');
  const catalogue = catalogueFor(cc.app, request.service);
  const now = cc.app.clock.now();
  const shown = { ...(options.headline !== undefined ? { headline: options.headline } : {}), ...(options.errors ? { errors: options.errors } : {}) };
  if (request.episode && options.screen !== 'case') return episodeView(request, catalogue, { id: actor.id, coordinator }, nameOf, { ...shown, now });
  const leads = coordinator || assignedClinician(request) === actor.id;
  return caseView(request, { id: actor.id, coordinator }, nameOf, catalogue, {
    ...shown, calendarUrl: request.booking ? cc.links.calendarUrl(request) : '', now, canOpenEpisode: leads && offeredInterventions(request, catalogue).length > 0,
  });
}

/** The form that opens the episode a consultation's outcome offered; anything else answers that it was not offered. */
export async function episodeOpenScreen(cc: ConversationContext, actor: Actor, request: ConsultationRequest, options: { headline?: string; errors?: DomainError['issues'] } = {}): Promise<EpisodeOpenView> {
  const catalogue = catalogueFor(cc.app, request.service);
  const coordinator = hasRole(await cc.app.store.roster.get(request.service, actor.id), 'coordinator');
  const offer = episodeOffer(catalogue, offeredInterventions(request, catalogue), await therapistChoices(cc, request.service, actor, coordinator), actor.id);
  if (!offer) throw new DomainError(request.episode ? 'episode_exists' : 'episode_not_offered');
  return episodeOpenView(request, catalogue, offer, options);
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
