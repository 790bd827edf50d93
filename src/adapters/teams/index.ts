import type { AppContext } from '../../app/context';
import type { ConversationContext, Links } from '../../conversation/context';
import { CaseNotifier } from '../../conversation/notify/case-notifier';
import type { MessageEndpoint } from '../../http/server';
import type { Logger } from '../../logger';
import type { Notifier } from '../../ports/notifier';
import { createAdapter, createBotEndpoint, type BotCredentials } from './bot-endpoint';
import { ConsultationBot } from './consultation-bot';
import { TeamsDirectory } from './directory';
import { InboundGate } from './inbound-gate';
import type { InboundLimits } from './inbound-limiter';
import type { InboundPolicy } from './inbound-policy';
import { TeamsCards, TeamsMessenger } from './messenger';
import { RateLimiter, TEAMS_CONVERSATION_LIMITS } from './rate-limiter';
import { TeamsSender } from './sender';

export type { BotCredentials } from './bot-endpoint';
export type { InboundLimits } from './inbound-limiter';
export type { InboundPolicy } from './inbound-policy';

export interface TeamsEdgeOptions {
  credentials: BotCredentials;
  app: AppContext;
  links: Links;
  log: Logger;
  /** Sends per second across all conversations for this process's notifier (Teams allows a bot about 50). */
  notifyGlobalPerSecond: number;
}

/** What Microsoft Teams needs of the rest: its conversation context, the directory behind it, and how it sends. */
function parts(o: TeamsEdgeOptions) {
  const directory = new TeamsDirectory(o.app.store.conversations);
  const cc: ConversationContext = { app: o.app, people: directory, links: o.links };
  const cards = new TeamsCards(directory, o.log);
  return { directory, cc, cards };
}

/** The notifier's sending side: proactive messages through the Bot Framework, within Teams' limits. */
function teamsNotifier(o: TeamsEdgeOptions, p: ReturnType<typeof parts>, adapter: ReturnType<typeof createAdapter>): Notifier {
  const sender = new TeamsSender(adapter, o.credentials.appId, new RateLimiter(TEAMS_CONVERSATION_LIMITS, o.notifyGlobalPerSecond));
  return new CaseNotifier(p.cc, new TeamsMessenger(p.directory, sender, p.cards), o.log);
}

/**
 * The Teams edge of a bot process: the endpoint Teams posts activities to, and a notifier that sends
 * through the same Bot Framework adapter. The only place botbuilder is put together.
 */
export function createTeamsEdge(o: TeamsEdgeOptions & {
  kick: () => void;
  policy: InboundPolicy;
  limits: InboundLimits;
  /** Teams whose channel becomes a service's triage channel when the bot is installed there, by service. */
  triageTeams: ReadonlyMap<string, ReadonlySet<string>>;
}): { endpoint: MessageEndpoint; notifier(): Notifier; cc: ConversationContext } {
  const p = parts(o);
  const bot = new ConsultationBot({ cc: p.cc, log: o.log, directory: p.directory, cards: p.cards, kick: o.kick, triageTeams: o.triageTeams });
  const endpoint = createBotEndpoint(o.credentials, bot, o.log, { policy: o.policy, gate: new InboundGate(o.limits, p.cards, o.log) });
  return { endpoint, notifier: () => teamsNotifier(o, p, endpoint.adapter), cc: p.cc };
}

/** A notifier on its own (`npm run notifier`): the same delivery, with no endpoint. */
export function createTeamsNotifier(o: TeamsEdgeOptions): Notifier {
  return teamsNotifier(o, parts(o), createAdapter(o.credentials, o.log));
}
