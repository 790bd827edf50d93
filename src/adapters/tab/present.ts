import { urgencyRank } from '../../app/workspace/triage-queue';
import { labelOf, type Catalogue } from '../../domain/catalogue/catalogue';
import type { RosterMember } from '../../domain/booking/roster';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { formatLondon, formatLondonTime } from '../../domain/time/london';
import { caseView } from '../../conversation/views/booking';
import { EFFECT_LABELS, STATUS_LABELS } from '../../conversation/wording/labels';
import type { NameOf } from '../../ports/people';
import { consultationStart } from '../../app/workspace/my-consultations';
import type { MySession } from '../../app/workspace/my-sessions';
import { inTimeOrder } from '../../domain/episode/episode';
import { ATTENDANCE_LABELS, FAMILY_POINT_LABELS, LOCATION_LABELS } from '../../conversation/wording/episode-labels';

/** How the workspace shows requests and people: words from the conversation layer's wording and the service's catalogue. */

export const ROLE_LABELS = { clinician: 'Clinician', coordinator: 'Coordinator' } as const;

/** What a list of consultations shows of each: no case detail, which is read one case at a time (audited). */
export function consultationSummary(request: ConsultationRequest, catalogue: Catalogue) {
  const start = consultationStart(request);
  const end = request.booking?.end;
  return {
    service: request.service, reference: request.reference, status: request.status, statusLabel: STATUS_LABELS[request.status],
    start, when: `${formatLondon(start)}${end ? ` to ${formatLondonTime(end)}` : ''}`,
    outcomeLabel: request.completion ? labelOf(catalogue.completion.outcomes, request.completion.outcome) ?? request.completion.outcome : undefined,
  };
}

/**
 * A case in full for the workspace: the same view of it as the chat's (facts, the referrer's answers, what the viewer
 * may do), its screening in the service's words, the booking, and (for the clinical team) its episode's sessions.
 */
export function caseDetail(request: ConsultationRequest, viewer: { id: string; coordinator: boolean }, nameOf: NameOf, catalogue: Catalogue, now: Date) {
  const view = caseView(request, viewer, nameOf, catalogue, { now });
  return {
    service: request.service, reference: request.reference, status: request.status, statusLabel: view.statusLabel, nextStep: view.nextStep,
    submitted: formatLondon(request.submittedAt),
    booking: request.booking ? { id: request.booking.id, start: request.booking.start, when: `${formatLondon(request.booking.start)} to ${formatLondonTime(request.booking.end)}` } : undefined,
    facts: view.facts, details: view.details,
    screening: request.screening.reasons.map((r) => ({ effect: r.effect, effectLabel: EFFECT_LABELS[r.effect], text: r.text })),
    canComplete: view.canComplete, canRecordNoShow: view.canRecordNoShow, outcomes: view.outcomes,
    // The episode's sessions, for the clinical team only: when, which of the plan, and how each went.
    ...(request.episode && (viewer.coordinator || request.episode.therapistId === viewer.id) ? {
      sessions: inTimeOrder(request.episode.sessions).map((s) => ({
        when: formatLondon(s.start), label: `Session ${s.number}${s.family ? ` (${FAMILY_POINT_LABELS[s.family]})` : ''}`,
        attended: s.attendance ? ATTENDANCE_LABELS[s.attendance.outcome] : Date.parse(s.start) <= now.getTime() ? 'To record' : 'Planned',
      })),
    } : {}),
  };
}

/** A session in the clinician's lists: the case's reference, the intervention, when, and which of the plan it is. */
export function sessionSummary({ request, session }: MySession, catalogue: Catalogue) {
  return {
    service: request.service, reference: request.reference, version: request.version, sessionId: session.id, number: session.number,
    intervention: labelOf(catalogue.episodes?.interventions ?? [], request.episode!.intervention) ?? request.episode!.intervention,
    start: session.start, when: `${formatLondon(session.start)} to ${formatLondonTime(session.end)}`,
    family: session.family ? FAMILY_POINT_LABELS[session.family] : undefined, location: LOCATION_LABELS[session.location],
  };
}

/** A request in the triage queue: what the triage channel shows, with its urgency and, to clinicians, the times to accept. */
export function triageItem(request: ConsultationRequest, catalogue: Catalogue, clinician: boolean) {
  const rank = urgencyRank(catalogue, request);
  return {
    service: request.service, reference: request.reference, status: request.status, statusLabel: STATUS_LABELS[request.status],
    urgency: labelOf(catalogue.urgencies, request.answers.details?.urgency) ?? 'Not given', mostUrgent: rank === catalogue.urgencies.length - 1,
    submitted: formatLondon(request.submittedAt), escalated: Boolean(request.offer?.escalatedAt),
    times: (request.offer?.preferences ?? []).map((start) => ({ start, label: formatLondon(start) })),
    canAccept: clinician && request.status === 'offered',
  };
}

/** A roster member by name and roles; someone the bot has not met yet is said to be so, not shown by id. */
export function rosterEntry(member: Pick<RosterMember, 'id' | 'roles'>, nameOf: NameOf, known: ReadonlySet<string>) {
  return {
    id: member.id, name: known.has(member.id) ? nameOf(member.id) : 'Not met yet (added by configuration)', met: known.has(member.id),
    roles: member.roles, roleLabels: member.roles.map((r) => ROLE_LABELS[r]),
  };
}
