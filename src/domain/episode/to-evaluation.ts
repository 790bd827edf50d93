import type { EvaluationEpisode, EvaluationPair } from '../measures/evaluation-input';
import { INSTRUMENT_IDS } from '../measures/instruments';
import { attended, heldSoFar, type Episode } from './episode';

/**
 * An episode as the service evaluation reads it: its dates, its sessions attended of those held, and for each
 * instrument the first measure of the course and the last (the end one, or the latest review when it closed early).
 */
export function toEvaluationEpisode(service: string, episode: Episode): EvaluationEpisode {
  const pairs = INSTRUMENT_IDS.flatMap((instrument): EvaluationPair[] => {
    const taken = episode.measures.filter((m) => m.instrument === instrument).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const first = taken[0];
    const last = taken.at(-1);
    return first && last && first !== last ? [{ instrument, before: first.items, after: last.items } as EvaluationPair] : [];
  });
  return {
    service, openedAt: episode.openedAt, ...(episode.closure ? { closedAt: episode.closure.at } : {}),
    plannedSessions: episode.plannedSessions, sessionsAttended: attended(episode), sessionsPlannedSoFar: heldSoFar(episode), pairs,
  };
}
