import type { Actor } from '../app/context';
import { linkCase } from '../app/network/link-case';
import { serviceOfReference } from '../domain/catalogue/catalogue';
import { isDomainError } from '../domain/errors';
import type { ConversationContext } from './context';
import { notice, type NoticeView } from './views/simple';
import { ERROR_TEXT } from './wording/error-text';

/** What someone can type to the bot in a channel or group chat (after the @mention). */
export type SharedCommand = { kind: 'triage' } | { kind: 'link' | 'unlink'; reference: string };

export function sharedCommand(text: string): SharedCommand | undefined {
  const said = text.replace(/<at>[^<]*<\/at>/gi, ' ').replace(/\s+/g, ' ').trim();
  const link = /^(link|unlink)\s+([A-Za-z]{2,8}-\d{4}-\d{4,})[.!]?$/i.exec(said);
  if (link) return { kind: link[1]!.toLowerCase() as 'link' | 'unlink', reference: link[2]!.toUpperCase() };
  if (/^(triage here|use this channel( for triage)?)[.!]?$/i.test(said)) return { kind: 'triage' };
  return undefined;
}

/** How a channel or group chat of the network follows a case; shown when the bot joins one. */
export function networkHelp(example: string): NoticeView {
  return notice('This conversation and its cases',
    `The family's professional network can follow a case here. The referrer or the case's clinician types "@Consultations link ${example}" (the request's reference): the case card then appears here and is kept up to date, showing only the reference, status, dates and next step. "@Consultations unlink ${example}" stops it. Requests themselves are made in a personal chat with me.`);
}

export const SHARED_RULES = notice('Requests are made in a personal chat',
  'To keep families\' details private, open a personal chat with me to request a consultation. Posts here only ever show a request reference, status, dates and next step.');

/**
 * Links or unlinks a case to the channel or group chat the command was typed in; the reference's prefix
 * says which service it belongs to. Only the referrer, the case's clinician or a coordinator may;
 * anyone else is refused (and audited) and nothing changes.
 */
export async function linkHere(
  cc: ConversationContext, actor: Actor, where: { conversationId: string; kind: 'channel' | 'groupChat'; teamId?: string }, cmd: { on: boolean; reference: string },
): Promise<NoticeView> {
  const service = serviceOfReference(cc.app.catalogues, cmd.reference);
  if (!service) return notice(ERROR_TEXT.request_not_found.title, ERROR_TEXT.request_not_found.text);
  try {
    const { changed } = await linkCase(cc.app, actor, { service, reference: cmd.reference, ...where, on: cmd.on });
    const title = cmd.on ? `Linked ${cmd.reference}` : `Unlinked ${cmd.reference}`;
    const text = cmd.on
      ? `${changed ? 'This conversation now follows the case' : 'This conversation already follows the case'}: its card appears here and is kept up to date (reference, status, dates and next step only).`
      : changed ? 'This conversation no longer gets updates on the case. Cards already posted stay as they were.' : 'This conversation was not following the case.';
    return notice(title, text);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return notice(ERROR_TEXT[e.code].title, e.code === 'not_allowed'
      ? 'Only the referrer, the case\'s clinician or a coordinator can link a case to a conversation. Nothing was changed, and the attempt has been recorded.'
      : ERROR_TEXT[e.code].text);
  }
}
