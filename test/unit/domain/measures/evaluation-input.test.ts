import { isDomainError } from '../../../../src/domain/errors';
import { parseEvaluationInput } from '../../../../src/domain/measures/evaluation-input';

const PERIOD = { from: '2026-04-01T00:00:00+01:00', to: '2026-07-01T00:00:00+01:00' };
const GAD7 = [1, 1, 1, 1, 1, 1, 1];
const EPISODE = {
  service: 'pps', openedAt: '2026-04-10T09:00:00Z', closedAt: '2026-06-10T09:00:00Z',
  plannedSessions: 12, sessionsAttended: 10, sessionsPlannedSoFar: 12,
  pairs: [{ instrument: 'gad7', before: GAD7, after: GAD7 }],
};

function refusedFields(raw: unknown): string[] {
  try {
    parseEvaluationInput(raw);
  } catch (e) {
    if (isDomainError(e)) return e.issues.map((i) => i.field);
    throw e;
  }
  throw new Error('accepted');
}

describe('parseEvaluationInput', () => {
  it('accepts a period and episodes', () => {
    expect(parseEvaluationInput({ period: PERIOD, episodes: [EPISODE] }).episodes).toHaveLength(1);
  });

  it('checks each pair\'s answers with the same rules as the command', () => {
    const pairs = [{ instrument: 'gad7', before: GAD7.slice(1), after: [...GAD7.slice(1), 4] }];
    expect(refusedFields({ period: PERIOD, episodes: [{ ...EPISODE, pairs }] })).toEqual(['episodes[0].pairs[0].before', 'episodes[0].pairs[0].after[6]']);
    expect(refusedFields({ period: PERIOD, episodes: [{ ...EPISODE, pairs: [{ instrument: 'core10', before: [], after: [] }] }] }))
      .toEqual(['episodes[0].pairs[0].instrument']);
  });

  it('takes one pair per instrument: the first and last of the course', () => {
    const pairs = [EPISODE.pairs[0], EPISODE.pairs[0]];
    expect(refusedFields({ period: PERIOD, episodes: [{ ...EPISODE, pairs }] })).toEqual(['episodes[0].pairs[1].instrument']);
  });

  it('refuses an episode closed before it opened, more sessions attended than held, and a period that ends first', () => {
    expect(refusedFields({ period: PERIOD, episodes: [{ ...EPISODE, closedAt: '2026-04-01T09:00:00Z' }] })).toEqual(['episodes[0].closedAt']);
    expect(refusedFields({ period: PERIOD, episodes: [{ ...EPISODE, sessionsAttended: 13 }] })).toEqual(['episodes[0].sessionsAttended']);
    expect(refusedFields({ period: { from: PERIOD.to, to: PERIOD.from }, episodes: [] })).toEqual(['period.to']);
    expect(refusedFields({ period: { from: '1 April', to: PERIOD.to }, episodes: [] })).toEqual(['period.from']);
  });
});
