import { loadCatalogues } from '../adapters/catalogue/load-catalogues';
import type { CatalogueSet } from '../domain/catalogue/catalogue';
import { parseScreeningInput } from '../domain/screening/parse-screening-input';
import { screen } from '../domain/screening/screen';
import { answerDocument, documentCommand, type DocumentRun } from './json-document';

/** What the command prints and how it exits, for one parsed JSON document. */
export type ScreenRun = DocumentRun;

/** Screens one document against the catalogues in force: the whole of the contract but reading the file. */
export function screenDocument(raw: unknown, catalogues: CatalogueSet): ScreenRun {
  return answerDocument(() => {
    const input = parseScreeningInput(raw, catalogues);
    const result = screen(input, catalogues.get(input.service)!, new Set(catalogues.keys()));
    return {
      outcome: result.outcome,
      reasons: result.reasons.map(({ criterion, effect, text }) => ({ criterion, effect, text })),
      catalogueVersion: result.catalogueVersion,
    };
  });
}

/**
 * `npm run --silent screen -- FILE` (FILE may be `-` for standard input): screens one referral
 * document and prints the explained outcome as JSON. Input that does not fit exits 2 with a message
 * naming the offending field.
 */
if (require.main === module) {
  process.exitCode = documentCommand('screen', process.argv.slice(2), (raw) => screenDocument(raw, loadCatalogues(process.env.CATALOGUE_DIR || undefined)));
}
