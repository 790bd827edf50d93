import { readFileSync } from 'node:fs';
import { loadCatalogues } from '../adapters/catalogue/load-catalogues';
import { isDomainError } from '../domain/errors';
import { parseScreeningInput } from '../domain/screening/parse-screening-input';
import { screen } from '../domain/screening/screen';

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
  try {
    const catalogues = loadCatalogues(process.env.CATALOGUE_DIR || undefined);
    const input = parseScreeningInput(raw, catalogues);
    const result = screen(input, catalogues.get(input.service)!);
    const out = {
      outcome: result.outcome,
      reasons: result.reasons.map(({ criterion, effect, text }) => ({ criterion, effect, text })),
      catalogueVersion: result.catalogueVersion,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    for (const issue of e.issues) process.stderr.write(`${issue.field}: ${issue.message}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
