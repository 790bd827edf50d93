import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_CATALOGUE_DIR, loadCatalogues } from '../../src/adapters/catalogue/load-catalogues';

const FIXTURES = resolve(__dirname, '../fixtures/catalogues');

/**
 * A catalogue folder as a deployment would have it: the shipped catalogues, and beside them the fixture
 * catalogues named (e.g. `eras`, a made-up third service), for `CATALOGUE_DIR`.
 */
export function catalogueDirWith(...fixtures: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'cb-catalogues-'));
  for (const f of readdirSync(DEFAULT_CATALOGUE_DIR).filter((x) => x.endsWith('.json'))) copyFileSync(join(DEFAULT_CATALOGUE_DIR, f), join(dir, f));
  for (const name of fixtures) copyFileSync(join(FIXTURES, `${name}.json`), join(dir, `${name}.json`));
  return dir;
}

/** The shipped catalogues and the fixtures named, loaded. */
export const cataloguesWith = (...fixtures: string[]) => loadCatalogues(catalogueDirWith(...fixtures));
