import type { Draft } from '../domain/referral/draft';
import type { Actor, AppContext } from './context';

/** The referrer's request in progress for a service, if they have one. */
export const resumeDraft = (ctx: AppContext, actor: Actor, service: string): Promise<Draft | null> =>
  ctx.store.drafts.activeFor(service, actor.id);
