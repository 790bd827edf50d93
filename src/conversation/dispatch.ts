import type { Actor } from '../app/context';
import { cleanInput } from './clean-input';
import { DomainError, fieldIssues, isDomainError, type ErrorCode } from '../domain/errors';
import { UnconfirmedWriteError } from '../ports/store';
import type { ConversationContext, Place } from './context';
import { isVerb, VERBS } from './verbs';
import type { VerbSpec } from './verbs/verb';
import { mineAction, startAction } from './verbs/journey';
import { notice, type NoticeView } from './views/simple';
import type { View } from './views/view';
import { ERROR_TEXT } from './wording/error-text';

export interface ActionResult {
  view: View;
  /** The error code, when the action was refused or failed; for logs and metrics. */
  code?: string;
  /** The failure behind `store_unavailable`, for the transport's log (its name only: never a family's details). */
  failure?: Error;
}

/** The screen that explains a refused or failed action; nothing changed. */
export function errorView(code: ErrorCode, service?: string): NoticeView {
  const { title, text } = ERROR_TEXT[code];
  return notice(title, text, code === 'not_owner' || !service ? (code === 'not_owner' ? [] : [mineAction]) : [startAction(service), mineAction]);
}

const PERSONAL_ONLY = notice('Open this in your personal chat with me', 'To keep families\' details private, this is only done in a personal chat with me. Nothing was changed.');

const serviceOf = (data: Record<string, unknown>, ctx: ConversationContext) =>
  typeof data.service === 'string' && ctx.app.catalogues.has(data.service) ? data.service : undefined;

/**
 * Runs one action for an actor wherever it was taken: parses its data for its verb, keeps anything
 * that could show a family's details out of shared conversations, calls the use case, and answers with
 * the screen to show in place of the one clicked. Every failure becomes a screen that says what happened.
 */
export async function runAction(cc: ConversationContext, actor: Actor, verb: string, data: unknown, place: Place): Promise<ActionResult> {
  const raw = data && typeof data === 'object' && !Array.isArray(data) ? cleanInput(data as Record<string, unknown>) : {};
  const service = serviceOf(raw, cc);
  if (!isVerb(verb)) return { view: errorView('unknown_action', service), code: 'unknown_action' };
  const spec = VERBS[verb] as VerbSpec;
  // Whatever the button, an answer in a channel or group chat could show a family's details to everyone there.
  if (place.shared && !spec.shared) return { view: PERSONAL_ONLY, code: 'personal_chat_only' };
  try {
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) throw new DomainError('invalid_input', fieldIssues(parsed.error));
    // A service that is not in force is refused before any use case runs, so nothing is written under its name.
    if (typeof raw.service === 'string' && !service) throw new DomainError('unknown_service', [{ field: 'service', message: 'not a service in force' }]);
    return { view: await spec.run(cc, actor, parsed.data, { raw, place }) };
  } catch (e) {
    if (isDomainError(e)) return { view: errorView(e.code, service), code: e.code };
    // A write the replicas did not confirm in time is, to the person, the store being away: nothing was saved.
    return { view: errorView('store_unavailable', service), code: e instanceof UnconfirmedWriteError ? e.code : 'store_unavailable', failure: e as Error };
  }
}
