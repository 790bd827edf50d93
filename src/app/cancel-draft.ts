import { DomainError } from '../domain/errors';
import type { Actor, AppContext } from './context';
import { refuse } from './guard';

/** Discards the referrer's request in progress. Cancelling one already cancelled changes nothing. */
export async function cancelDraft(ctx: AppContext, actor: Actor, cmd: { service: string; draftId?: string }): Promise<{ cancelled: boolean }> {
  const draft = cmd.draftId ? await ctx.store.drafts.get(cmd.service, cmd.draftId) : await ctx.store.drafts.activeFor(cmd.service, actor.id);
  if (!draft) return { cancelled: false };
  if (draft.ownerId !== actor.id) return refuse(ctx, cmd.service, actor, 'draft.cancel', draft.id, 'not_owner');
  if (draft.status === 'submitted') throw new DomainError('draft_already_submitted');
  if (draft.status === 'cancelled') return { cancelled: false };
  const now = ctx.clock.now().toISOString();
  await ctx.store.drafts.save(
    // A discarded draft keeps none of its answers.
    { ...draft, answers: {}, status: 'cancelled', version: draft.version + 1, updatedAt: now },
    { at: now, actor: actor.id, action: 'draft.cancel', subject: draft.id, result: 'ok' },
  );
  return { cancelled: true };
}
