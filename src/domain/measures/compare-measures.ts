import { INSTRUMENTS, type Instrument } from './instruments';
import { scoreMeasure, scoreTotal, type Score } from './score-measure';

/** What changed on one instrument between two administrations, by the NHS Talking Therapies conventions. */
export interface MeasureChange {
  instrument: Instrument;
  before: Score;
  after: Score;
  /** After minus before: negative is better, both instruments scoring symptoms. */
  change: number;
  /** A fall of at least the instrument's reliable change (PHQ-9 6, GAD-7 4). */
  reliableImprovement: boolean;
  /** A rise of at least the same. */
  reliableDeterioration: boolean;
  /** At caseness before and not after. */
  recovered: boolean;
  /** Recovered and reliably improved: a move below the threshold that is more than measurement error. */
  reliableRecovery: boolean;
}

/** Compares two totals (already summed) on one instrument. */
export function compareTotals(instrument: Instrument, beforeTotal: number, afterTotal: number): MeasureChange {
  const before = scoreTotal(instrument, beforeTotal);
  const after = scoreTotal(instrument, afterTotal);
  const change = after.total - before.total;
  const threshold = INSTRUMENTS[instrument].reliableChange;
  const reliableImprovement = -change >= threshold;
  const recovered = before.caseness && !after.caseness;
  return {
    instrument,
    before,
    after,
    change,
    reliableImprovement,
    reliableDeterioration: change >= threshold,
    recovered,
    reliableRecovery: recovered && reliableImprovement,
  };
}

/**
 * Compares a questionnaire given before (at the start of a course) with one given after (a review or the end),
 * each instrument on its own. Answers must already have been checked (`itemsSchema`).
 */
export function compareMeasures(instrument: Instrument, before: readonly number[], after: readonly number[]): MeasureChange {
  return compareTotals(instrument, scoreMeasure(instrument, before).total, scoreMeasure(instrument, after).total);
}
