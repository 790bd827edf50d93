import { compareMeasures } from '../domain/measures/compare-measures';
import { parseMeasureInput } from '../domain/measures/parse-measure-input';
import { scoreMeasure } from '../domain/measures/score-measure';
import type { Score } from '../domain/measures/score-measure';
import { answerDocument, documentCommand, type DocumentRun } from './json-document';

/** What the command prints and how it exits, for one parsed JSON document. */
export type MeasureRun = DocumentRun;

const scoreOut = ({ total, band, caseness }: Score) => ({ total, band, caseness });

/**
 * Scores one document: the whole of the contract but reading the file. The keys are spelt and ordered here, once,
 * as the contract has them (snake_case), whatever the domain calls them.
 */
export function measureDocument(raw: unknown): MeasureRun {
  return answerDocument(() => {
    const input = parseMeasureInput(raw);
    let out: object;
    if ('items' in input) {
      const { instrument, total, band, caseness, flags } = scoreMeasure(input.instrument, input.items);
      out = { instrument, total, band, caseness, flags };
    } else {
      const c = compareMeasures(input.instrument, input.before, input.after);
      out = {
        instrument: c.instrument,
        before: scoreOut(c.before),
        after: scoreOut(c.after),
        change: c.change,
        reliable_improvement: c.reliableImprovement,
        reliable_deterioration: c.reliableDeterioration,
        recovered: c.recovered,
        reliable_recovery: c.reliableRecovery,
      };
    }
    return out;
  });
}

/**
 * `npm run --silent measure -- FILE` (FILE may be `-` for standard input): scores a PHQ-9 or GAD-7, or compares
 * two, by the NHS Talking Therapies conventions, and prints the result as JSON. Input that does not fit exits 2
 * with a message naming the offending field.
 */
if (require.main === module) process.exitCode = documentCommand('measure', process.argv.slice(2), measureDocument);
