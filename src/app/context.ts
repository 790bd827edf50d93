import type { CatalogueSet, Catalogue } from '../domain/catalogue/catalogue';
import { DomainError } from '../domain/errors';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/ids';
import type { Store } from '../ports/store';

/** What every use case is given: the ports, and the catalogues in force. */
export interface AppContext {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  catalogues: CatalogueSet;
  /** The meeting link for a booked consultation (e.g. from a Teams meeting URL template). */
  meetingUrl(reference: string, bookingId: string): string;
}

/** Who is acting, as the transport has authenticated them. Only an opaque id: names never reach the store. */
export interface Actor {
  id: string;
}

export function catalogueFor(ctx: AppContext, service: string): Catalogue {
  const catalogue = ctx.catalogues.get(service);
  if (!catalogue) throw new DomainError('unknown_service', [{ field: 'service', message: `unknown service "${service}"` }]);
  return catalogue;
}
