import type { Role } from '../../domain/booking/roster';
import type { Actor, AppContext } from '../context';

/** The services a person works in and their roles there: what the workspace offers them. */
export interface ServiceRoles {
  service: string;
  roles: Role[];
}

/** Every service in force where the person holds a role, in service order; a referrer holds none. */
export async function myServices(ctx: AppContext, actor: Actor): Promise<ServiceRoles[]> {
  const services = [...ctx.catalogues.keys()].sort();
  const members = await Promise.all(services.map((service) => ctx.store.roster.get(service, actor.id)));
  return services.flatMap((service, i) => (members[i] ? [{ service, roles: [...members[i]!.roles].sort() }] : []));
}
