import { readFileSync } from 'node:fs';
import { loadCatalogues } from '../adapters/catalogue/load-catalogues';
import type { CatalogueSet } from '../domain/catalogue/catalogue';
import { isDomainError } from '../domain/errors';
import { parseScreeningInput } from '../domain/screening/parse-screening-input';
import { screen } from '../domain/screening/screen';

/** What the command prints and how it exits, for one parsed JSON document. */
export interface ScreenRun {
  status: 0 | 2;
  stdout: string;
  stderr: string;
}

/** Screens one document against the catalogues in force: the whole of the contract but reading the file. */
export function screenDocument(raw: unknown, catalogues: CatalogueSet): ScreenRun {
  try {
    const input = parseScreeningInput(raw, catalogues);
    const result = screen(input, catalogues.get(input.service)!, new Set(catalogues.keys()));
    const out = {
      outcome: result.outcome,
      reasons: result.reasons.map(({ criterion, effect, text }) => ({ criterion, effect, text })),
      catalogueVersion: result.catalogueVersion,
    };
    return { status: 0, stdout: `${JSON.stringify(out, null, 2)}\n`, stderr: '' };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return { status: 2, stdout: '', stderr: e.issues.map((issue) => `${issue.field}: ${issue.message}\n`).join('') };
  }
}

/**
 * `npm run --silent screen -- FILE` (FILE may be `-` for standard input): screens one referral
 * document and prints the explained outcome as JSON. Input that does not fit exits 2 with a message
 * naming the offending field.
 */
function main(argv: readonly string[]): number {
  const file = argv[0];
  if (!file || argv.length > 1) {
    process.stderr.write('usage: npm run --silent screen -- FILE   (FILE may be - for standard input)\n');
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
  } catch (e) {
    process.stderr.write(`input: ${e instanceof SyntaxError ? 'not valid JSON' : 'cannot be read'} (${(e as Error).message})\n`);
    return 2;
  }
  const run = screenDocument(raw, loadCatalogues(process.env.CATALOGUE_DIR || undefined));
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  return run.status;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
