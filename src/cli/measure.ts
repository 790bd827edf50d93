import { readFileSync } from 'node:fs';
import { isDomainError } from '../domain/errors';
import { compareMeasures } from '../domain/measures/compare-measures';
import { parseMeasureInput } from '../domain/measures/parse-measure-input';
import { scoreMeasure } from '../domain/measures/score-measure';
import type { Score } from '../domain/measures/score-measure';

/** What the command prints and how it exits, for one parsed JSON document. */
export interface MeasureRun {
  status: 0 | 2;
  stdout: string;
  stderr: string;
}

const scoreOut = ({ total, band, caseness }: Score) => ({ total, band, caseness });

/**
 * Scores one document: the whole of the contract but reading the file. The keys are spelt and ordered here, once,
 * as the issue's contract has them (snake_case), whatever the domain calls them.
 */
export function measureDocument(raw: unknown): MeasureRun {
  try {
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
    return { status: 0, stdout: `${JSON.stringify(out, null, 2)}\n`, stderr: '' };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return { status: 2, stdout: '', stderr: e.issues.map((issue) => `${issue.field}: ${issue.message}\n`).join('') };
  }
}

/**
 * `npm run --silent measure -- FILE` (FILE may be `-` for standard input): scores a PHQ-9 or GAD-7, or compares
 * two, by the NHS Talking Therapies conventions, and prints the result as JSON. Input that does not fit exits 2
 * with a message naming the offending field.
 */
function main(argv: readonly string[]): number {
  const file = argv[0];
  if (!file || argv.length > 1) {
    process.stderr.write('usage: npm run --silent measure -- FILE   (FILE may be - for standard input)\n');
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
  } catch (e) {
    process.stderr.write(`input: ${e instanceof SyntaxError ? 'not valid JSON' : 'cannot be read'} (${(e as Error).message})\n`);
    return 2;
  }
  const run = measureDocument(raw);
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  return run.status;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
