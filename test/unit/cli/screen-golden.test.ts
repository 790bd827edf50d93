import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadCatalogues } from '../../../src/adapters/catalogue/load-catalogues';
import { screenDocument } from '../../../src/cli/screen';

interface GoldenRow {
  input: { service: string };
  outcome: string;
  criteria: string[];
  sha256: string;
}

/** 1,000 FASS documents the command accepted when the corpus was drawn (scripts/screen-golden.ts). */
const rows = readFileSync(resolve(__dirname, '../../fixtures/screen-golden.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as GoldenRow);
const catalogues = loadCatalogues();

describe('npm run screen: every FASS document accepted before', () => {
  it('holds the whole corpus, every outcome among it', () => {
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((r) => r.outcome))).toEqual(new Set(['eligible', 'clinical_review', 'not_recommended', 'cannot_proceed']));
  });

  it('prints exactly the same bytes for each', () => {
    const changed = rows.filter((row) => {
      const run = screenDocument(row.input, catalogues);
      return run.status !== 0 || createHash('sha256').update(run.stdout).digest('hex') !== row.sha256;
    });
    expect(changed.map((r) => JSON.stringify(r.input))).toEqual([]);
  });
});
