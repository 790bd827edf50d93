import type { DeadLetter } from '../../ports/outbox';
import { auditOk, requireRole } from '../booking/access';
import type { Actor, AppContext } from '../context';

/** As many as "retry all" puts back: the screen shows them a page at a time and counts them all. */
const DEAD_LETTERS_READ = 1000;

/** Coordinators see what could not be delivered, newest first. */
export async function listDeadLetters(ctx: AppContext, actor: Actor, service: string): Promise<DeadLetter[]> {
  await requireRole(ctx, service, actor, 'coordinator', 'outbox.dead_letters', service);
  return ctx.store.outbox.listDead(service, DEAD_LETTERS_READ);
}

/** Puts dead letters back in the outbox (all of them when no id is given); each keeps its id, so nobody is told twice. */
export async function retryDeadLetters(ctx: AppContext, actor: Actor, cmd: { service: string; deadId?: string }): Promise<number> {
  await requireRole(ctx, cmd.service, actor, 'coordinator', 'outbox.retry', cmd.deadId ?? 'all');
  const ids = cmd.deadId ? [cmd.deadId] : (await ctx.store.outbox.listDead(cmd.service, DEAD_LETTERS_READ)).map((d) => d.deadId);
  let retried = 0;
  for (const id of ids) if (await ctx.store.outbox.retryDead(cmd.service, id)) retried += 1;
  await ctx.store.audit.append(cmd.service, auditOk(ctx, actor, 'outbox.retry', cmd.deadId ?? 'all', { retried: String(retried) }));
  return retried;
}
