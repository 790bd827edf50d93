import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CatalogueSchema, type Catalogue, type CatalogueSet } from '../../domain/catalogue/catalogue';
import { checkCatalogue } from '../../domain/screening/screen';

/** The catalogue folder shipped with the project. */
export const DEFAULT_CATALOGUE_DIR = resolve(__dirname, '../../../catalogue');

/**
 * Reads every `*.json` service catalogue in a folder, checking each against the schema, so that a
 * service can publish new criteria without a code change. A malformed catalogue, one naming a rule that
 * does not exist or without the wording its rules need, or two services sharing an id or reference prefix,
 * stops start-up.
 */
export function loadCatalogues(dir: string = DEFAULT_CATALOGUE_DIR): CatalogueSet {
  const catalogues = new Map<string, Catalogue>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const parsed = CatalogueSchema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new Error(`catalogue ${file} is not valid: ${where}`);
    }
    const problems = checkCatalogue(parsed.data);
    if (problems.length > 0) throw new Error(`catalogue ${file} is not valid: ${problems.join('; ')}`);
    const clash = [...catalogues.values()].find((c) => c.service === parsed.data.service || c.referencePrefix === parsed.data.referencePrefix);
    if (clash) throw new Error(`catalogue ${file} is not valid: service "${parsed.data.service}" or reference prefix "${parsed.data.referencePrefix}" is already in force`);
    catalogues.set(parsed.data.service, parsed.data);
  }
  return catalogues;
}
