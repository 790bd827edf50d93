import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { loadCatalogues } from '../adapters/catalogue/load-catalogues';
import { ConfigError, loadConfig, storeKind } from '../config';
import type { AppContext, Actor } from '../app/context';
import { createLogger } from '../logger';
import { appContextFor, openStore } from '../main';

/** A CLI's failure: what to print on stderr, and the exit status (1 nothing found, 2 bad usage or configuration). */
export class CliError extends Error {
  constructor(message: string, readonly status: 1 | 2) {
    super(message);
  }
}

/** `--service S --reference REF` (and the options a command adds), checked. */
export function caseArgs(argv: readonly string[], usage: string, extra: Record<string, { type: 'string' }> = {}): { service: string; reference: string } & Record<string, string | undefined> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({ args: [...argv], options: { service: { type: 'string' }, reference: { type: 'string' }, ...extra }, strict: true }) as { values: Record<string, string | undefined> });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\nusage: ${usage}`, 2);
  }
  const { service, reference } = values;
  if (!service || !/^[a-z][a-z0-9_]*$/.test(service)) throw new CliError(`--service: a service id such as fass\nusage: ${usage}`, 2);
  if (!reference || !/^[A-Z]{2,8}-\d{4}-\d{4,}$/.test(reference)) throw new CliError(`--reference: a reference such as FASS-2026-0001\nusage: ${usage}`, 2);
  return { ...values, service, reference };
}

/**
 * The bot's own store, from the same environment as the bot (REDIS_URL or REDIS_CLUSTER_NODES), and who is acting:
 * the operator's login, recorded in the audit trail as `cli:<name>`.
 */
export function openCaseStore(service: string): { app: AppContext; actor: Actor; redis: ReturnType<typeof openStore>['redis']; close(): Promise<void> } {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    throw new CliError(e instanceof ConfigError ? e.message : String(e), 2);
  }
  if (storeKind(config) === 'memory') {
    throw new CliError('REDIS_URL or REDIS_CLUSTER_NODES must name the bot\'s Redis: the embedded store lives only inside a running bot', 2);
  }
  if (!loadCatalogues(config.CATALOGUE_DIR).has(service)) throw new CliError(`--service: "${service}" is not a service in force`, 2);
  const { store, redis } = openStore(config, createLogger('warn', process.stderr));
  const app = appContextFor(config, store);
  return { app, actor: { id: `cli:${process.env.USER || userInfo().username}` }, redis, close: () => store.close() };
}

/** Runs a CLI: its output on stdout, a failure's message on stderr, and the exit status. */
export function runCli(run: () => Promise<string>): void {
  run().then((out) => {
    process.stdout.write(out);
    process.exitCode = 0;
  }, (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = e instanceof CliError ? e.status : 1;
  });
}
