/**
 * Writes test/fixtures/screen-golden.jsonl: FASS screening documents that `npm run screen` accepts, drawn
 * with fast-check from a fixed seed, each with the outcome, the criteria and a hash of the exact bytes the
 * command printed. The suite checks later versions against it, so that a change of structure cannot change
 * a decision unnoticed. Run it only when a decision is meant to change, and say why in the commit.
 *   npx tsx scripts/screen-golden.ts [COUNT]
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { loadCatalogues } from '../src/adapters/catalogue/load-catalogues';
import { screenDocument } from '../src/cli/screen';
import { fassScreeningDocument } from '../test/support/screening-documents';

const COUNT = Number(process.argv[2] ?? 1000);
const SEED = 20261130;
const FILE = resolve(__dirname, '../test/fixtures/screen-golden.jsonl');

const catalogues = loadCatalogues();
const documents = fc.sample(fassScreeningDocument(catalogues.get('fass')!), { seed: SEED, numRuns: COUNT * 2 });
const rows: string[] = [];
for (const input of documents) {
  const run = screenDocument(input, catalogues);
  if (run.status !== 0) continue; // only what the command accepted
  const out = JSON.parse(run.stdout) as { outcome: string; reasons: { criterion: string }[] };
  rows.push(JSON.stringify({ input, outcome: out.outcome, criteria: out.reasons.map((r) => r.criterion), sha256: createHash('sha256').update(run.stdout).digest('hex') }));
  if (rows.length === COUNT) break;
}
// The function is the command: a few through `npm run --silent screen` itself must print the same bytes.
for (const row of rows.slice(0, 5)) {
  const { input, sha256 } = JSON.parse(row) as { input: unknown; sha256: string };
  const cli = spawnSync('npm', ['run', '--silent', 'screen', '--', '-'], { input: JSON.stringify(input), encoding: 'utf8' });
  if (createHash('sha256').update(cli.stdout).digest('hex') !== sha256) throw new Error('screenDocument and the command differ');
}
writeFileSync(FILE, `${rows.join('\n')}\n`);
process.stdout.write(`${rows.length} accepted documents written to ${FILE} (seed ${SEED})\n`);
