import type { TurnContext } from 'botbuilder';
import { linkCase } from '../../app/network/link-case';
import type { Actor, AppContext } from '../../app/context';
import { isDomainError } from '../../domain/errors';
import { noticeCard } from './cards/simple-cards';
import type { Card } from './cards/templates';
import type { TeamsDirectory } from './directory';
import { ERROR_TEXT } from './error-text';

/** What someone can type to the bot in a channel or group chat (after the @mention). */
export type SharedCommand = { kind: 'triage' } | { kind: 'link' | 'unlink'; reference: string };

export function sharedCommand(text: string): SharedCommand | undefined {
  const said = text.replace(/<at>[^<]*<\/at>/gi, ' ').replace(/\s+/g, ' ').trim();
  const link = /^(link|unlink)\s+([A-Za-z]{2,8}-\d{4}-\d{4,})[.!]?$/i.exec(said);
  if (link) return { kind: link[1]!.toLowerCase() as 'link' | 'unlink', reference: link[2]!.toUpperCase() };
  if (/^(triage here|use this channel( for triage)?)[.!]?$/i.test(said)) return { kind: 'triage' };
  return undefined;
}

export const NETWORK_HELP = noticeCard('This conversation and its cases',
  'The family\'s professional network can follow a case here. The referrer or the case\'s clinician types "@Consultations link FASS-2026-0001" (the request\'s reference): the case card then appears here and is kept up to date, showing only the reference, status, dates and next step. "@Consultations unlink FASS-2026-0001" stops it. Requests themselves are made in a personal chat with me.');

/**
 * Links or unlinks a case to the channel or group chat the command was typed in. Only the referrer, the
 * case's clinician or a coordinator may; anyone else is refused (and audited) and nothing changes.
 */
export async function linkHere(app: AppContext, directory: TeamsDirectory, service: string, actor: Actor, context: TurnContext, cmd: { on: boolean; reference: string }): Promise<Card> {
  const conversationId = await directory.rememberConversation(service, context.activity);
  const kind = context.activity.conversation.conversationType === 'channel' ? 'channel' : 'groupChat';
  try {
    const { changed } = await linkCase(app, actor, { service, reference: cmd.reference, conversationId, kind, on: cmd.on });
    const title = cmd.on ? `Linked ${cmd.reference}` : `Unlinked ${cmd.reference}`;
    const text = cmd.on
      ? `${changed ? 'This conversation now follows the case' : 'This conversation already follows the case'}: its card appears here and is kept up to date (reference, status, dates and next step only).`
      : changed ? 'This conversation no longer gets updates on the case. Cards already posted stay as they were.' : 'This conversation was not following the case.';
    return noticeCard(title, text);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    const code = e.code === 'request_not_found' ? 'request_not_found' : e.code === 'not_allowed' ? 'not_allowed' : e.code;
    return noticeCard(ERROR_TEXT[code].title, code === 'not_allowed'
      ? 'Only the referrer, the case\'s clinician or a coordinator can link a case to a conversation. Nothing was changed, and the attempt has been recorded.'
      : ERROR_TEXT[code].text);
  }
}
