import { INSTRUMENTS, type Band, type Flag, type Instrument } from './instruments';

/** A total read against its instrument's bands and caseness threshold. */
export interface Score {
  total: number;
  band: Band;
  caseness: boolean;
}

/** One completed questionnaire, scored and explained. */
export interface ScoredMeasure extends Score {
  instrument: Instrument;
  flags: Flag[];
}

/** The severity band a total falls in. */
export function bandOf(instrument: Instrument, total: number): Band {
  const bands = INSTRUMENTS[instrument].bands;
  return [...bands].reverse().find((b) => total >= b.from)!.band;
}

/** Reads a total (already summed) against its instrument. */
export function scoreTotal(instrument: Instrument, total: number): Score {
  return { total, band: bandOf(instrument, total), caseness: total >= INSTRUMENTS[instrument].caseness };
}

/**
 * Scores one questionnaire's answers. The answers must already have been checked (`itemsSchema`): the domain trusts
 * its types, and the item count and 0..3 range are checked once, at the edge.
 */
export function scoreMeasure(instrument: Instrument, items: readonly number[]): ScoredMeasure {
  const total = items.reduce((sum, answer) => sum + answer, 0);
  const flags = INSTRUMENTS[instrument].flags.filter((f) => (items[f.item - 1] ?? 0) >= f.atLeast).map((f) => f.flag);
  return { instrument, ...scoreTotal(instrument, total), flags };
}
