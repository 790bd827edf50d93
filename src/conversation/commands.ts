import type { Actor } from '../app/context';
import { resumeDraft } from '../app/resume-draft';
import { hasRole, type Role } from '../domain/booking/roster';
import type { Catalogue } from '../domain/catalogue/catalogue';
import type { ConversationContext } from './context';
import { errorView, runAction, type ActionResult } from './dispatch';
import { mineAction, startAction } from './verbs/journey';
import { notice, welcome } from './views/simple';
import type { View } from './views/view';

/** What a person can type in personal chat, in their own words, mapped to the action it starts. */
const COMMANDS: readonly { verb: string; phrases: readonly string[] }[] = [
  { verb: 'request.start', phrases: ['request consultation', 'request a consultation', 'request', 'new request', 'new', 'start', 'refer', 'consultation'] },
  { verb: 'draft.resume', phrases: ['resume', 'continue', 'carry on'] },
  { verb: 'draft.cancel', phrases: ['cancel', 'discard', 'stop'] },
  { verb: 'requests.mine', phrases: ['my requests', 'requests', 'status', 'my referrals'] },
  { verb: 'availability.show', phrases: ['my availability', 'availability', 'my times'] },
  { verb: 'roster.show', phrases: ['roster', 'team', 'clinicians'] },
  { verb: 'reviews.show', phrases: ['reviews', 'review queue'] },
  { verb: 'deadletters.show', phrases: ['dead letters', 'undelivered', 'failed messages'] },
  { verb: 'triage.here', phrases: ['triage here', 'use this channel', 'use this channel for triage'] },
  { verb: 'help', phrases: ['help', 'hi', 'hello', 'menu', '?'] },
];

/** Strips mention markup and punctuation so that "@Bot Request consultation!" reads as a command. */
export function normaliseCommand(text: string): string {
  return text.replace(/<at>[^<]*<\/at>/gi, ' ').toLowerCase().replace(/[^a-z? ]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The verb a typed message asks for, or undefined when it is not a command. */
export function commandVerb(text: string): string | undefined {
  const said = normaliseCommand(text);
  return COMMANDS.find((c) => c.phrases.includes(said))?.verb;
}

/** Verbs that act for one service, and the role a person needs in a service for it to be theirs. */
const ROLE_FOR: Record<string, Role> = {
  'availability.show': 'clinician', 'roster.show': 'coordinator', 'reviews.show': 'coordinator', 'deadletters.show': 'coordinator',
};

const WHAT: Record<string, string> = {
  'request.start': 'Which service would you like a consultation from?',
  'draft.resume': 'You have requests in progress with more than one service. Which one?',
  'draft.cancel': 'You have requests in progress with more than one service. Which one should be discarded?',
  'availability.show': 'You are a clinician in more than one service. Whose availability?',
  'roster.show': 'You coordinate more than one service. Which roster?',
  'reviews.show': 'You coordinate more than one service. Which review queue?',
  'deadletters.show': 'You coordinate more than one service. Which service\'s undelivered messages?',
};

const chooseService = (verb: string, catalogues: readonly Catalogue[]): View =>
  notice('Which service?', WHAT[verb] ?? 'Which service?', catalogues.map((c) => ({ title: c.name, verb, data: { service: c.service } })));

/** The services a typed command can be for, for this person: the ones they have a draft in, or a role in. */
async function servicesFor(cc: ConversationContext, actor: Actor, verb: string): Promise<Catalogue[]> {
  const all = [...cc.app.catalogues.values()];
  if (verb === 'draft.resume' || verb === 'draft.cancel') {
    const open = await Promise.all(all.map(async (c) => ((await resumeDraft(cc.app, actor, c.service)) ? [c] : [])));
    return open.flat();
  }
  const role = ROLE_FOR[verb];
  if (!role) return all;
  const members = await Promise.all(all.map(async (c) => [c, await cc.app.store.roster.get(c.service, actor.id)] as const));
  const mine = members.filter(([, m]) => hasRole(m, role)).map(([c]) => c);
  if (mine.length > 0) return mine;
  // Without the role: the action itself refuses, in the services they are known to (or the only one), and records it.
  const known = members.filter(([, m]) => m !== null).map(([c]) => c);
  return known.length > 0 ? known.slice(0, 1) : all.length === 1 ? all : [];
}

/**
 * A message typed in personal chat: a command runs its action for the service it is about (asking
 * which when a person could mean more than one); anything else gets the welcome. Answers with the
 * screens to show, in order.
 */
export async function typedCommand(cc: ConversationContext, actor: Actor, text: string): Promise<(ActionResult & { view: View })[]> {
  const verb = commandVerb(text);
  const catalogues = [...cc.app.catalogues.values()];
  if (!verb || verb === 'help') {
    return [...(verb ? [] : [{ view: notice('I did not catch that', 'Here is what I can do.') }]), { view: welcome(catalogues) }];
  }
  const personal = { shared: false };
  if (verb === 'triage.here') {
    return [{ view: notice('Type this in the clinicians\' channel', 'In the clinicians\' team channel, a coordinator types "@Consultations triage here" to have requests posted there.') }];
  }
  if (verb === 'requests.mine') return [await runAction(cc, actor, verb, {}, personal)];
  const services = await servicesFor(cc, actor, verb);
  if (services.length === 1) return [await runAction(cc, actor, verb, { service: services[0]!.service }, personal)];
  if (services.length > 1) return [{ view: chooseService(verb, services) }];
  if (verb === 'draft.resume' || verb === 'draft.cancel') {
    const actions = [...catalogues.map((c) => startAction(c.service, catalogues.length === 1 ? 'Request a consultation' : `Request: ${c.name}`)), mineAction];
    return [{ view: verb === 'draft.resume'
      ? notice('No request in progress', 'You have no unfinished request.', actions)
      : notice('Nothing to discard', 'You have no request in progress.', actions) }];
  }
  return [{ view: errorView('not_allowed'), code: 'not_allowed' }];
}
