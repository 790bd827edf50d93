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

/**
 * 1,000 FASS documents the command accepted when the corpus was drawn (scripts/screen-golden.ts, against
 * catalogue fass-2026.1). The corpus holds each decision (outcome and criteria) and a hash of the exact
 * bytes printed then. fass-2026.2 changed wording on purpose (README: what changed in fass-2026.2), so the
 * bytes now differ by design; the decisions must not.
 */
const rows = readFileSync(resolve(__dirname, '../../fixtures/screen-golden.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as GoldenRow);
const catalogues = loadCatalogues();

describe('npm run screen: every FASS document accepted before', () => {
  it('holds the whole corpus, every outcome among it', () => {
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((r) => r.outcome))).toEqual(new Set(['eligible', 'clinical_review', 'not_recommended', 'cannot_proceed']));
  });

  it('still accepts each, with the same outcome and the same criteria in the same order', () => {
    const changed = rows.filter((row) => {
      const run = screenDocument(row.input, catalogues);
      if (run.status !== 0) return true;
      const out = JSON.parse(run.stdout) as { outcome: string; reasons: { criterion: string }[] };
      return out.outcome !== row.outcome || out.reasons.map((r) => r.criterion).join() !== row.criteria.join();
    });
    expect(changed.map((r) => JSON.stringify(r.input))).toEqual([]);
  });

  it('prints in the same shape, with the catalogue version now in force', () => {
    const run = screenDocument(rows[0]!.input, catalogues);
    expect(Object.keys(JSON.parse(run.stdout))).toEqual(['outcome', 'reasons', 'catalogueVersion']);
    expect(JSON.parse(run.stdout).catalogueVersion).toBe('fass-2026.2');
    expect(createHash('sha256').update(run.stdout).digest('hex')).not.toBe(rows[0]!.sha256);
  });
});
