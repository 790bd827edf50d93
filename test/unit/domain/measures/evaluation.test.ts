import type { EvaluationEpisode } from '../../../../src/domain/measures/evaluation-input';
import { evaluate } from '../../../../src/domain/measures/evaluation';
import { answersFor } from '../../../support/measure-builders';

/** The first quarter of 2026/27, London time: 1 April (BST) up to 1 July. */
const Q1 = { from: '2026-04-01T00:00:00+01:00', to: '2026-07-01T00:00:00+01:00' };

const phq9 = (before: number, after: number) => ({ instrument: 'phq9' as const, before: answersFor('phq9', before), after: answersFor('phq9', after) });
const gad7 = (before: number, after: number) => ({ instrument: 'gad7' as const, before: answersFor('gad7', before), after: answersFor('gad7', after) });

function episode(overrides: Partial<EvaluationEpisode>): EvaluationEpisode {
  return { service: 'pps', openedAt: '2026-04-10T09:00:00Z', plannedSessions: 12, sessionsAttended: 0, sessionsPlannedSoFar: 0, pairs: [], ...overrides };
}

/**
 * Synthetic episodes, each chosen for what it tests; the expected figures below are worked by hand from this table.
 *   A pps  opened before, closed in Q1, 11/12 sessions  PHQ-9 15->5 (improved, recovered, reliably)   GAD-7 12->6 (the same)
 *   B pps  opened before, closed in Q1, 14/16           PHQ-9 12->8 (recovered, fall 4 not reliable)  GAD-7 6->3 (never a case)
 *   C pps  opened in Q1,  closed in Q1,  1/3            PHQ-9 20->24: one session is not a finished course, so no outcome
 *   D pps  opened in Q1,  still open,    5/6            PHQ-9 14->10 at review: not finished, so no outcome
 *   E pps  opened and closed before Q1, 12/12           not active in Q1 at all
 *   F pps  opened in Q1,  closed in Q1,  8/10           PHQ-9 9->16 (worse, never a case)             GAD-7 10->14 (worse, still a case)
 *   G fass opened in Q1,  closed in Q1,  6/6            GAD-7 9->4 (improved, recovered, reliably)
 */
const EPISODES: EvaluationEpisode[] = [
  episode({ openedAt: '2026-01-10T10:00:00Z', closedAt: '2026-05-20T10:00:00Z', plannedSessions: 12, sessionsAttended: 11, sessionsPlannedSoFar: 12, pairs: [phq9(15, 5), gad7(12, 6)] }),
  episode({ openedAt: '2026-02-01T10:00:00Z', closedAt: '2026-06-15T10:00:00Z', plannedSessions: 16, sessionsAttended: 14, sessionsPlannedSoFar: 16, pairs: [phq9(12, 8), gad7(6, 3)] }),
  episode({ openedAt: '2026-04-15T10:00:00Z', closedAt: '2026-06-01T10:00:00Z', plannedSessions: 12, sessionsAttended: 1, sessionsPlannedSoFar: 3, pairs: [phq9(20, 24)] }),
  episode({ openedAt: '2026-04-20T10:00:00Z', plannedSessions: 24, sessionsAttended: 5, sessionsPlannedSoFar: 6, pairs: [phq9(14, 10)] }),
  episode({ openedAt: '2025-11-01T10:00:00Z', closedAt: '2026-03-15T10:00:00Z', plannedSessions: 12, sessionsAttended: 12, sessionsPlannedSoFar: 12, pairs: [phq9(18, 2)] }),
  episode({ openedAt: '2026-05-01T10:00:00Z', closedAt: '2026-06-20T10:00:00Z', plannedSessions: 12, sessionsAttended: 8, sessionsPlannedSoFar: 10, pairs: [phq9(9, 16), gad7(10, 14)] }),
  episode({ service: 'fass', openedAt: '2026-04-02T10:00:00Z', closedAt: '2026-06-10T10:00:00Z', plannedSessions: 6, sessionsAttended: 6, sessionsPlannedSoFar: 6, pairs: [gad7(9, 4)] }),
];

const share = (count: number, of: number, value: number | null) => ({ count, of, share: value });

describe('evaluate: one quarter, worked by hand', () => {
  const result = evaluate({ period: Q1, episodes: EPISODES });
  const pps = result.services.find((s) => s.service === 'pps')!;
  const fass = result.services.find((s) => s.service === 'fass')!;

  it('reports each service once, in order, with the period and the finished-course rule it used', () => {
    expect(result.period).toEqual(Q1);
    expect(result.finishedCourseMinSessions).toBe(2);
    expect(result.services.map((s) => s.service)).toEqual(['fass', 'pps']);
  });

  it('counts episodes opened in, closed in and active during the period', () => {
    expect(pps.episodes).toEqual({ opened: 3, closed: 4, active: 5 }); // opened C D F; closed A B C F; active all but E
    expect(fass.episodes).toEqual({ opened: 1, closed: 1, active: 1 });
  });

  it('sums sessions attended against sessions held so far over the active episodes', () => {
    // attended 11+14+1+5+8 = 39 of 12+16+3+6+10 = 47 held; planned 12+16+12+24+12 = 76
    expect(pps.sessions).toEqual({ attended: 39, plannedSoFar: 47, planned: 76, attendance: share(39, 47, 0.8298) });
    expect(fass.sessions).toEqual({ attended: 6, plannedSoFar: 6, planned: 6, attendance: share(6, 6, 1) });
  });

  it('reads PHQ-9 over finished courses: improvement of all pairs, recovery of those at caseness', () => {
    // pairs A B F; at caseness A B; improved A; worse F; recovered A B; reliably recovered A
    expect(pps.outcomes.phq9).toEqual({
      pairedCases: 3,
      atCasenessBefore: 2,
      reliableImprovement: share(1, 3, 0.3333),
      reliableDeterioration: share(1, 3, 0.3333),
      recovered: share(2, 2, 1),
      reliableRecovery: share(1, 2, 0.5),
    });
  });

  it('reads GAD-7 the same way', () => {
    // pairs A B F; at caseness A F; improved A; worse F; recovered A; reliably recovered A
    expect(pps.outcomes.gad7).toEqual({
      pairedCases: 3,
      atCasenessBefore: 2,
      reliableImprovement: share(1, 3, 0.3333),
      reliableDeterioration: share(1, 3, 0.3333),
      recovered: share(1, 2, 0.5),
      reliableRecovery: share(1, 2, 0.5),
    });
  });

  it('reads the course on both measures: a case on either, recovered below both', () => {
    // A: both fall reliably, below both after. B: a case on PHQ-9, below both after, no reliable fall. F: both rise.
    expect(pps.outcomes.course).toEqual({
      pairedCases: 3,
      atCasenessBefore: 3,
      reliableImprovement: share(1, 3, 0.3333),
      reliableDeterioration: share(1, 3, 0.3333),
      recovered: share(2, 3, 0.6667),
      reliableRecovery: share(1, 3, 0.3333),
    });
  });

  it('gives no share, rather than 0, where no case was eligible', () => {
    expect(fass.outcomes.gad7).toEqual({
      pairedCases: 1, atCasenessBefore: 1,
      reliableImprovement: share(1, 1, 1), reliableDeterioration: share(0, 1, 0), recovered: share(1, 1, 1), reliableRecovery: share(1, 1, 1),
    });
    expect(fass.outcomes.phq9).toEqual({
      pairedCases: 0, atCasenessBefore: 0,
      reliableImprovement: share(0, 0, null), reliableDeterioration: share(0, 0, null), recovered: share(0, 0, null), reliableRecovery: share(0, 0, null),
    });
    expect(fass.outcomes.course.pairedCases).toBe(0);
  });
});

describe('evaluate: the period and its edges', () => {
  it('includes the first instant of the period and excludes its end', () => {
    const atStart = episode({ openedAt: '2026-03-01T10:00:00Z', closedAt: '2026-03-31T23:00:00Z', sessionsAttended: 2, sessionsPlannedSoFar: 2, pairs: [phq9(12, 4)] });
    const atEnd = episode({ openedAt: '2026-06-30T23:00:00Z' });
    const [pps] = evaluate({ period: Q1, episodes: [atStart, atEnd] }).services;
    expect(pps!.episodes).toEqual({ opened: 0, closed: 1, active: 1 });
    expect(pps!.outcomes.phq9.pairedCases).toBe(1);
  });

  it('keeps a row for a service named but with no episodes, so a chart keeps its rows', () => {
    const result = evaluate({ period: Q1, episodes: [] }, ['pps']);
    expect(result.services).toEqual([{
      service: 'pps',
      episodes: { opened: 0, closed: 0, active: 0 },
      sessions: { attended: 0, plannedSoFar: 0, planned: 0, attendance: share(0, 0, null) },
      outcomes: expect.objectContaining({ phq9: expect.objectContaining({ pairedCases: 0 }) }),
    }]);
  });
});
