import { Cluster } from 'ioredis';
import { eraseCase } from '../app/retention/erase-case';
import { isDomainError } from '../domain/errors';
import { caseArgs, CliError, openCaseStore, runCli } from './case-store';

const USAGE = 'npm run erase -- --service S --reference REF --reason TEXT';

/**
 * `npm run erase -- --service S --reference REF --reason TEXT`: deletes every piece of personal data held about one
 * case; the audit trail keeps a tombstone (who: cli:<login>, when, why). Then asks Redis to rewrite its append-only
 * file, so that the erased values leave the disk as well as memory. Prints what was done as JSON.
 */
async function main(argv: readonly string[]): Promise<string> {
  const { service, reference, reason } = caseArgs(argv, USAGE, { reason: { type: 'string' } });
  if (!reason || reason.trim().length < 3) throw new CliError(`--reason: why it must be erased (recorded; do not name the family)\nusage: ${USAGE}`, 2);
  const { app, actor, redis, close } = openCaseStore(service);
  try {
    const { erasedAt } = await eraseCase(app, actor, { service, reference, reason, via: 'cli' });
    // Best effort: the data is already gone from Redis; this only hurries it off the disk.
    const nodes = redis instanceof Cluster ? redis.nodes('master') : redis ? [redis] : [];
    const rewrite = await Promise.all(nodes.map((n) => n.bgrewriteaof())).then(() => 'started', () => 'not_started');
    return `${JSON.stringify({ erased: true, service, reference, erasedAt, by: actor.id, aofRewrite: rewrite })}\n`;
  } catch (e) {
    if (isDomainError(e) && e.code === 'request_not_found') throw new CliError(`no case ${reference} in ${service}`, 1);
    if (isDomainError(e) && e.code === 'invalid_input') throw new CliError(`--reason: ${e.issues.map((i) => i.message).join('; ')}`, 2);
    throw e;
  } finally {
    await close();
  }
}

if (require.main === module) runCli(() => main(process.argv.slice(2)));
