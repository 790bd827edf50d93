import { randomUUID } from 'node:crypto';
import { loadCatalogues } from '../adapters/catalogue/load-catalogues';
import type { AppContext } from '../app/context';
import { evaluateServices } from '../app/episode/evaluate-services';
import { ConfigError, loadConfig, redisTarget } from '../config';
import { isDomainError } from '../domain/errors';
import { parseEvaluationInput } from '../domain/measures/evaluation-input';
import { createLogger } from '../logger';
import { openStore } from '../main';

const USAGE = 'usage: npm run --silent evaluate -- --from DATE --to DATE   (YYYY-MM-DD, UTC midnight, or a full ISO instant; --to is not included)\n';

/** `--from 2027-01-01` or a full instant, as the evaluation's period takes it. */
const instant = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);

/**
 * `npm run --silent evaluate -- --from DATE --to DATE`: the service evaluation (episodes opened, closed and active;
 * sessions attended of those held; the NHS Talking Therapies outcome shares from paired PHQ-9 and GAD-7) over the
 * bot's own store, for every service that offers episodes, printed as JSON. It reads the store the bot's
 * configuration names (REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES), and prints counts and shares only.
 */
async function main(argv: readonly string[]): Promise<number> {
  const arg = (name: string) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
  if (argv.length !== 4 || !arg('--from') || !arg('--to')) {
    process.stderr.write(USAGE);
    return 2;
  }
  let period;
  try {
    period = parseEvaluationInput({ period: { from: instant(arg('--from')), to: instant(arg('--to')) }, episodes: [] }).period;
  } catch (e) {
    if (!isDomainError(e)) throw e;
    process.stderr.write(e.issues.map((i) => `${i.field.replace(/^period\./, '--')}: ${i.message}\n`).join(''));
    return 2;
  }
  const log = createLogger('silent');
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    process.stderr.write(`${e.message}\n`);
    return 2;
  }
  if (!redisTarget(config)) {
    process.stderr.write('evaluate reads the bot\'s store: set REDIS_URL (or REDIS_SENTINELS, or REDIS_CLUSTER_NODES) as for the bot\n');
    return 2;
  }
  const { store } = openStore(config, log);
  try {
    const app: AppContext = { store, clock: { now: () => new Date() }, ids: { next: () => randomUUID() }, catalogues: loadCatalogues(config.CATALOGUE_DIR), meetingUrl: () => '' };
    process.stdout.write(`${JSON.stringify(await evaluateServices(app, period), null, 2)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e: Error) => {
    process.stderr.write(`evaluate failed: ${e.name}\n`);
    process.exitCode = 1;
  });
}
