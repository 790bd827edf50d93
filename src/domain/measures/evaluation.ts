import { compareMeasures } from './compare-measures';
import { courseOutcome } from './course-outcome';
import type { EvaluationEpisode, EvaluationInput, EvaluationPair, Period } from './evaluation-input';
import type { Instrument } from './instruments';

/**
 * NHS Talking Therapies counts outcomes only for a "finished course of treatment": a referral that ended having
 * attended at least two treatment sessions (NHS Digital's Count_FinishedCourseTreatment; OHID Fingertips glossary).
 * One session gives no second measure worth the name.
 */
export const FINISHED_COURSE_MIN_SESSIONS = 2;

/** A count out of the cases eligible for it; `share` is null when none were eligible (not 0: nothing to divide). */
export interface Share {
  count: number;
  of: number;
  share: number | null;
}

/** Outcomes over the paired cases of one reading (one instrument, or the course on both). */
export interface OutcomeShares {
  /** Finished courses with a before and after on this reading. */
  pairedCases: number;
  /** Of those, the ones at caseness before: the only ones that can recover. */
  atCasenessBefore: number;
  reliableImprovement: Share;
  reliableDeterioration: Share;
  recovered: Share;
  reliableRecovery: Share;
}

export interface ServiceEvaluation {
  service: string;
  /** Opened in the period, closed in the period, and open at any time during it. */
  episodes: { opened: number; closed: number; active: number };
  /** Summed over the episodes active in the period, as the episodes report them. */
  sessions: { attended: number; plannedSoFar: number; planned: number; attendance: Share };
  /** Per instrument (the per-instrument definitions) and per course (PHQ-9 and GAD-7 read together). */
  outcomes: { phq9: OutcomeShares; gad7: OutcomeShares; course: OutcomeShares };
}

export interface Evaluation {
  period: Period;
  finishedCourseMinSessions: number;
  services: ServiceEvaluation[];
}

interface Reading {
  casenessBefore: boolean;
  reliableImprovement: boolean;
  reliableDeterioration: boolean;
  recovered: boolean;
  reliableRecovery: boolean;
}

const share = (count: number, of: number): Share => ({ count, of, share: of === 0 ? null : Math.round((count / of) * 10_000) / 10_000 });

/** Shares as NHS Talking Therapies publishes them: improvement and deterioration of all paired cases, recovery of those at caseness. */
function outcomeShares(readings: readonly Reading[]): OutcomeShares {
  const n = (pick: (r: Reading) => boolean) => readings.filter(pick).length;
  const atCaseness = n((r) => r.casenessBefore);
  return {
    pairedCases: readings.length,
    atCasenessBefore: atCaseness,
    reliableImprovement: share(n((r) => r.reliableImprovement), readings.length),
    reliableDeterioration: share(n((r) => r.reliableDeterioration), readings.length),
    recovered: share(n((r) => r.recovered), atCaseness),
    reliableRecovery: share(n((r) => r.reliableRecovery), atCaseness),
  };
}

const pairOf = (e: EvaluationEpisode, instrument: Instrument): EvaluationPair | undefined => e.pairs.find((p) => p.instrument === instrument);

function instrumentReadings(finished: readonly EvaluationEpisode[], instrument: Instrument): Reading[] {
  return finished.flatMap((e) => {
    const pair = pairOf(e, instrument);
    if (!pair) return [];
    const c = compareMeasures(instrument, pair.before, pair.after);
    return [{ ...c, casenessBefore: c.before.caseness }];
  });
}

function courseReadings(finished: readonly EvaluationEpisode[]): Reading[] {
  return finished.flatMap((e) => {
    const phq9 = pairOf(e, 'phq9');
    const gad7 = pairOf(e, 'gad7');
    return phq9 && gad7 ? [courseOutcome(phq9, gad7)] : [];
  });
}

function evaluateService(service: string, episodes: readonly EvaluationEpisode[], period: Period): ServiceEvaluation {
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  const within = (at: string | undefined) => at !== undefined && Date.parse(at) >= from && Date.parse(at) < to;
  const active = episodes.filter((e) => Date.parse(e.openedAt) < to && (e.closedAt === undefined || Date.parse(e.closedAt) >= from));
  const closed = episodes.filter((e) => within(e.closedAt));
  const finished = closed.filter((e) => e.sessionsAttended >= FINISHED_COURSE_MIN_SESSIONS);
  const sum = (pick: (e: EvaluationEpisode) => number) => active.reduce((total, e) => total + pick(e), 0);
  const attended = sum((e) => e.sessionsAttended);
  const plannedSoFar = sum((e) => e.sessionsPlannedSoFar);
  return {
    service,
    episodes: { opened: episodes.filter((e) => within(e.openedAt)).length, closed: closed.length, active: active.length },
    sessions: { attended, plannedSoFar, planned: sum((e) => e.plannedSessions), attendance: share(attended, plannedSoFar) },
    outcomes: {
      phq9: outcomeShares(instrumentReadings(finished, 'phq9')),
      gad7: outcomeShares(instrumentReadings(finished, 'gad7')),
      course: outcomeShares(courseReadings(finished)),
    },
  };
}

/**
 * The service evaluation the workspace charts, per service, for one period. Episodes are counted as opened or
 * closed when that happened within the period; sessions over every episode open at some time in it; outcomes over
 * the courses that finished in it (closed, at least two sessions attended) with a before and after measure.
 * Sessions are summed as given: an episode model that knows each session's date can pass the period's own counts.
 * `services` names services to report even when they have no episodes, so a chart keeps its rows.
 */
export function evaluate({ period, episodes }: EvaluationInput, services: readonly string[] = []): Evaluation {
  const names = [...new Set([...services, ...episodes.map((e) => e.service)])].sort();
  return {
    period,
    finishedCourseMinSessions: FINISHED_COURSE_MIN_SESSIONS,
    services: names.map((name) => evaluateService(name, episodes.filter((e) => e.service === name), period)),
  };
}
