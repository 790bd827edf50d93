import type { Catalogue } from '../catalogue/catalogue';
import type { ConsultationRequest, RequestStatus } from '../request/consultation-request';
import type { Outcome } from '../screening/outcome';
import { toEvaluationEpisode } from '../episode/to-evaluation';
import { evaluate, type OutcomeShares, type Share } from '../measures/evaluation';
import { addDays, londonDate, londonToUtc } from '../time/london';
import { spreadOf, type Spread } from './spread';

/** A reporting period: London calendar dates, both included. */
export interface Period {
  from: string;
  to: string;
}

export const OUTCOMES: readonly Outcome[] = ['eligible', 'clinical_review', 'not_recommended', 'cannot_proceed'];
export const STATUSES: readonly RequestStatus[] = [
  'cannot_proceed', 'not_recommended', 'awaiting_review', 'review_declined', 'awaiting_booking', 'waitlisted', 'offered', 'booked',
  'cancelled', 'no_show', 'completed',
];

/**
 * How a service is doing over a period, in the shape other tools read (snake_case, an exact contract). Requests are
 * those submitted in the period, and the waits are theirs; consultations are those whose outcome was recorded in the
 * period. Later issues add fields (sessions, measures); none is ever renamed or removed.
 */
export interface ServiceReport {
  service: string;
  from: string;
  to: string;
  requests: number;
  by_outcome: Record<Outcome, number>;
  by_status: Record<RequestStatus, number>;
  /** Criterion id to how many "not recommended" requests it stood in the way of. */
  not_recommended_reasons: Record<string, number>;
  /** From submission to the referrer's times first going to the clinicians. */
  hours_to_first_offer: Spread;
  /** From submission to a clinician first booking the consultation. */
  hours_to_booked: Spread;
  consultations_completed: number;
  /** The service's completion outcome ids (every one, zero included) to how many consultations ended so. */
  completion_outcomes: Record<string, number>;
  /**
   * Care after the consultation: episodes opened and closed in the period and active in it, their sessions attended
   * of those held, and from finished courses' paired measures the NHS Talking Therapies outcome shares (a share is
   * null when no case was eligible for it), per instrument and for the course on both.
   */
  episodes: EpisodeFigures;
}

export interface ShareFigure {
  count: number;
  of: number;
  share: number | null;
}

export interface OutcomeFigures {
  paired_cases: number;
  at_caseness_before: number;
  reliable_improvement: ShareFigure;
  reliable_deterioration: ShareFigure;
  recovered: ShareFigure;
  reliable_recovery: ShareFigure;
}

export interface EpisodeFigures {
  opened: number;
  closed: number;
  active: number;
  sessions_attended: number;
  sessions_held: number;
  attendance: ShareFigure;
  outcomes: { phq9: OutcomeFigures; gad7: OutcomeFigures; course: OutcomeFigures };
}

const figure = (s: Share): ShareFigure => ({ count: s.count, of: s.of, share: s.share });
const outcomeFigures = (o: OutcomeShares): OutcomeFigures => ({
  paired_cases: o.pairedCases, at_caseness_before: o.atCasenessBefore, reliable_improvement: figure(o.reliableImprovement),
  reliable_deterioration: figure(o.reliableDeterioration), recovered: figure(o.recovered), reliable_recovery: figure(o.reliableRecovery),
});

/** The episodes of a service's requests over the period (London dates, both included), as the evaluation counts them. */
function episodeFigures(service: string, requests: readonly ConsultationRequest[], period: Period): EpisodeFigures {
  const instants = { from: londonToUtc(period.from, '00:00').toISOString(), to: londonToUtc(addDays(period.to, 1), '00:00').toISOString() };
  const episodes = requests.flatMap((r) => (r.service === service && r.episode ? [toEvaluationEpisode(service, r.episode)] : []));
  const [e] = evaluate({ period: instants, episodes }, [service]).services;
  return {
    opened: e!.episodes.opened, closed: e!.episodes.closed, active: e!.episodes.active,
    sessions_attended: e!.sessions.attended, sessions_held: e!.sessions.plannedSoFar, attendance: figure(e!.sessions.attendance),
    outcomes: { phq9: outcomeFigures(e!.outcomes.phq9), gad7: outcomeFigures(e!.outcomes.gad7), course: outcomeFigures(e!.outcomes.course) },
  };
}

const HOUR = 3_600_000;
const within = (iso: string | undefined, period: Period) => {
  if (!iso) return false;
  const day = londonDate(new Date(iso));
  return day >= period.from && day <= period.to;
};
const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const hoursBetween = (from: string, to: string | undefined) => (to === undefined ? [] : [(Date.parse(to) - Date.parse(from)) / HOUR]);

/** The report for one service and period, from its requests (any order, any period: those outside are left out here). */
export function serviceReport(catalogue: Catalogue, requests: readonly ConsultationRequest[], period: Period): ServiceReport {
  const submitted = requests.filter((r) => r.service === catalogue.service && within(r.submittedAt, period));
  const completed = requests.filter((r) => r.service === catalogue.service && r.status === 'completed' && within(r.completion?.at, period));
  const byOutcome = zeros(OUTCOMES);
  const byStatus = zeros(STATUSES);
  const reasons: Record<string, number> = {};
  for (const r of submitted) {
    byOutcome[r.screening.outcome] += 1;
    byStatus[r.status] += 1;
    if (r.screening.outcome !== 'not_recommended') continue;
    for (const reason of r.screening.reasons.filter((x) => x.effect === 'not_recommended')) reasons[reason.criterion] = (reasons[reason.criterion] ?? 0) + 1;
  }
  const outcomes = zeros(catalogue.completion.outcomes.map((o) => o.id));
  for (const r of completed) outcomes[r.completion!.outcome] = (outcomes[r.completion!.outcome] ?? 0) + 1;
  return {
    service: catalogue.service, from: period.from, to: period.to,
    requests: submitted.length, by_outcome: byOutcome, by_status: byStatus, not_recommended_reasons: reasons,
    hours_to_first_offer: spreadOf(submitted.flatMap((r) => hoursBetween(r.submittedAt, r.milestones?.firstOfferedAt ?? r.offer?.offeredAt))),
    hours_to_booked: spreadOf(submitted.flatMap((r) => hoursBetween(r.submittedAt, r.milestones?.firstBookedAt ?? r.booking?.acceptedAt))),
    consultations_completed: completed.length, completion_outcomes: outcomes,
    episodes: episodeFigures(catalogue.service, requests, period),
  };
}
