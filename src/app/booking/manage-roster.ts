import { parseRosterSeed, type Role, type RosterMember } from '../../domain/booking/roster';
import { DomainError } from '../../domain/errors';
import type { Actor, AppContext } from '../context';
import { auditOk, requireRole } from './access';

export async function listRoster(ctx: AppContext, actor: Actor, service: string): Promise<RosterMember[]> {
  await requireRole(ctx, service, actor, 'coordinator', 'roster.list', service);
  return ctx.store.roster.list(service);
}

/** A coordinator gives someone roles (replacing the ones they had). */
export async function setRosterMember(ctx: AppContext, actor: Actor, cmd: { service: string; memberId: string; roles: Role[] }): Promise<RosterMember> {
  await requireRole(ctx, cmd.service, actor, 'coordinator', 'roster.set', cmd.memberId);
  if (cmd.memberId === actor.id && !cmd.roles.includes('coordinator')) await ensureAnotherCoordinator(ctx, cmd.service, actor.id);
  const member: RosterMember = { id: cmd.memberId, roles: [...new Set(cmd.roles)].sort(), addedBy: actor.id, addedAt: ctx.clock.now().toISOString() };
  await ctx.store.roster.put(cmd.service, member, auditOk(ctx, actor, 'roster.set', cmd.memberId, { roles: member.roles.join('+') }));
  return member;
}

/** A coordinator takes someone off the roster; the last coordinator cannot be removed, so the roster is never orphaned. */
export async function removeRosterMember(ctx: AppContext, actor: Actor, cmd: { service: string; memberId: string }): Promise<boolean> {
  await requireRole(ctx, cmd.service, actor, 'coordinator', 'roster.remove', cmd.memberId);
  const member = await ctx.store.roster.get(cmd.service, cmd.memberId);
  if (!member) return false;
  if (member.roles.includes('coordinator')) await ensureAnotherCoordinator(ctx, cmd.service, cmd.memberId);
  return ctx.store.roster.remove(cmd.service, cmd.memberId, auditOk(ctx, actor, 'roster.remove', cmd.memberId));
}

async function ensureAnotherCoordinator(ctx: AppContext, service: string, leaving: string): Promise<void> {
  const others = (await ctx.store.roster.list(service)).filter((m) => m.id !== leaving && m.roles.includes('coordinator'));
  if (others.length === 0) throw new DomainError('invalid_input', [{ field: 'member', message: 'the service must keep at least one coordinator' }]);
}

/** Seeds an empty roster from configuration (first deployment, demo); a roster coordinators have managed is left alone. */
export async function seedRoster(ctx: AppContext, service: string, seed: string): Promise<number> {
  if (!seed.trim() || (await ctx.store.roster.list(service)).length > 0) return 0;
  const entries = parseRosterSeed(seed);
  const at = ctx.clock.now().toISOString();
  for (const { id, roles } of entries) {
    await ctx.store.roster.put(service, { id, roles, addedBy: 'config', addedAt: at }, { at, actor: 'config', action: 'roster.seed', subject: id, result: 'ok' });
  }
  return entries.length;
}

/**
 * Seeds each service's empty roster from one configuration string: `[service/]id:role[+role],...`; an
 * entry without a service is for `defaultService`. Returns how many members were seeded in all.
 */
export async function seedRosters(ctx: AppContext, defaultService: string, seed: string): Promise<number> {
  const byService = new Map<string, string[]>();
  for (const entry of seed.split(',').map((s) => s.trim()).filter(Boolean)) {
    const prefixed = /^([a-z][a-z0-9_]*)\/(.+)$/.exec(entry);
    const service = prefixed ? prefixed[1]! : defaultService;
    if (!ctx.catalogues.has(service)) throw new RangeError(`roster entry "${entry}" names no service in force`);
    byService.set(service, [...(byService.get(service) ?? []), prefixed ? prefixed[2]! : entry]);
  }
  let seeded = 0;
  for (const [service, entries] of byService) seeded += await seedRoster(ctx, service, entries.join(','));
  return seeded;
}
