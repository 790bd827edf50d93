import type { Draft } from '../domain/referral/draft';
import { catalogueFor, type Actor, type AppContext } from './context';

export interface StartResult {
  draft: Draft;
  /** True when the referrer already had a request in progress, which is returned instead of a new one. */
  existing: boolean;
}

/**
 * Opens a consultation request for the referrer, or returns the one they have in progress.
 * With `fresh`, the draft in progress is discarded first and a new one begun.
 */
export async function startRequest(ctx: AppContext, actor: Actor, service: string, fresh = false): Promise<StartResult> {
  catalogueFor(ctx, service);
  const now = ctx.clock.now().toISOString();
  const active = await ctx.store.drafts.activeFor(service, actor.id);
  if (active && !fresh) return { draft: active, existing: true };
  if (active) {
    await ctx.store.drafts.save(
      { ...active, answers: {}, status: 'cancelled', version: active.version + 1, updatedAt: now },
      { at: now, actor: actor.id, action: 'draft.cancel', subject: active.id, result: 'ok' },
    );
  }
  const draft: Draft = {
    id: ctx.ids.next(), service, ownerId: actor.id, step: 'about', answers: {}, reachedReview: false,
    status: 'open', version: 1, createdAt: now, updatedAt: now,
  };
  await ctx.store.drafts.save(draft, { at: now, actor: actor.id, action: 'draft.start', subject: draft.id, result: 'ok' });
  return { draft, existing: false };
}
