import { DomainError } from '../../domain/errors';
import { requiredText } from '../required-text';
import { requireRole } from '../booking/access';
import type { Actor, AppContext } from '../context';
import { forgetCase } from './forget-case';

/**
 * Erases a case (a right-to-erasure or rectification decision): every piece of personal data held about it is
 * deleted, and the audit trail keeps a tombstone saying who erased it, when and why, and nothing about the family.
 * `reason` is recorded as given: it must not name the family. Throws `request_not_found` if there is no such case.
 */
export async function eraseCase(ctx: AppContext, actor: Actor, cmd: { service: string; reference: string; reason: string; via: string }): Promise<{ erasedAt: string }> {
  const reason = requiredText(cmd.reason, 'reason', 500, 'say why it must be erased (without naming the family)');
  const request = await ctx.store.requests.get(cmd.service, cmd.reference);
  if (!request) throw new DomainError('request_not_found');
  const at = ctx.clock.now().toISOString();
  const removed = await forgetCase(ctx, request, {
    at, actor: actor.id, action: 'case.erased', subject: cmd.reference, result: 'ok', detail: { reason, status: request.status, via: cmd.via },
  });
  if (!removed) throw new DomainError('request_not_found');
  return { erasedAt: at };
}

/**
 * A coordinator erases a case from its card, typing its reference to confirm. Anyone else is refused and audited;
 * a missing reason or confirmation changes nothing.
 */
export async function eraseFromCard(ctx: AppContext, actor: Actor, cmd: { service: string; reference: string; reason?: string; confirm?: string }): Promise<{ erasedAt: string }> {
  await requireRole(ctx, cmd.service, actor, 'coordinator', 'case.erase', cmd.reference);
  const reason = requiredText(cmd.reason, 'Reason for erasure', 500, 'say why it must be erased (without naming the family)');
  if ((cmd.confirm ?? '').trim().toUpperCase() !== cmd.reference) {
    throw new DomainError('invalid_input', [{ field: 'Confirmation', message: `type ${cmd.reference} to confirm` }]);
  }
  return eraseCase(ctx, actor, { service: cmd.service, reference: cmd.reference, reason, via: 'card' });
}
