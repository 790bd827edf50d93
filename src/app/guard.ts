import { DomainError, type ErrorCode } from '../domain/errors';
import type { Draft } from '../domain/referral/draft';
import type { Actor, AppContext } from './context';

/** Records a refused action in the audit trail, then throws its code for the card to explain. */
export async function refuse(ctx: AppContext, service: string, actor: Actor, action: string, subject: string, code: ErrorCode): Promise<never> {
  await ctx.store.audit.append(service, { at: ctx.clock.now().toISOString(), actor: actor.id, action, subject, result: 'denied', code });
  throw new DomainError(code);
}

/**
 * Loads a draft for an action by its owner. Anyone else is refused, and the refusal is audited;
 * a missing draft is reported as such (it may have expired).
 */
export async function loadOwnDraft(ctx: AppContext, actor: Actor, service: string, draftId: string, action: string): Promise<Draft> {
  const draft = await ctx.store.drafts.get(service, draftId);
  if (!draft) throw new DomainError('draft_not_found');
  if (draft.ownerId !== actor.id) return refuse(ctx, service, actor, action, draftId, 'not_owner');
  return draft;
}
