import { exportCase } from '../app/retention/export-case';
import { isDomainError } from '../domain/errors';
import { caseArgs, CliError, openCaseStore, runCli } from './case-store';

const USAGE = 'npm run --silent export -- --service S --reference REF';

/**
 * `npm run --silent export -- --service S --reference REF`: prints, as JSON, everything held about one case (a
 * subject-access request): the request with its answers, its bookings, every disclosure, follows and links, and its
 * audit entries. The export is recorded in the audit trail. Exits 1 when there is no such case, 2 on bad usage.
 */
async function main(argv: readonly string[]): Promise<string> {
  const { service, reference } = caseArgs(argv, USAGE);
  const { app, actor, close } = openCaseStore(service);
  try {
    return `${JSON.stringify(await exportCase(app, actor, { service, reference, via: 'cli' }), null, 2)}\n`;
  } catch (e) {
    if (isDomainError(e) && e.code === 'request_not_found') throw new CliError(`no case ${reference} in ${service}`, 1);
    throw e;
  } finally {
    await close();
  }
}

if (require.main === module) runCli(() => main(process.argv.slice(2)));
