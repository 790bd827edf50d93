import type { Role } from '../../domain/booking/roster';
import type { PeopleDirectory } from '../../ports/people';
import { requireRole } from '../booking/access';
import type { Actor, AppContext } from '../context';

export interface PersonChoice {
  id: string;
  name: string;
  /** Their roles in the service; none for someone not on its roster. */
  roles: Role[];
}

/** At most this many people are offered at once: the picker narrows by name. */
const SHOWN = 50;

/**
 * People the bot has met, by name, with their roles in the service: a coordinator picks whom to put on the roster
 * by name and never types an id.
 */
export async function findPeople(ctx: AppContext, people: PeopleDirectory, actor: Actor, cmd: { service: string; query?: string }): Promise<PersonChoice[]> {
  await requireRole(ctx, cmd.service, actor, 'coordinator', 'people.find', cmd.service);
  const found = await people.find((cmd.query ?? '').slice(0, 100), SHOWN);
  const roster = new Map((await ctx.store.roster.list(cmd.service)).map((m) => [m.id, m.roles]));
  return found.map((p) => ({ ...p, roles: roster.get(p.id) ?? [] }));
}
