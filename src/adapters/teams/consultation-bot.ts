import { ActivityTypes, TeamsActivityHandler, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Actor, AppContext } from '../../app/context';
import type { Logger } from '../../logger';
import { InvokeValueSchema } from './card-payload';
import { errorCard, runCardAction, type ActionResult } from './card-actions';
import { welcomeCard, noticeCard } from './cards/simple-cards';
import type { Card } from './cards/templates';
import { commandVerb } from './commands';
import { linkHere, NETWORK_HELP, sharedCommand } from './shared-conversation';
import type { Edge } from './booking-actions';
import type { TeamsDirectory } from './directory';
import { hasRole } from '../../domain/booking/roster';
import { UnconfirmedWriteError } from '../../ports/store';

const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';
const WELCOME_DEDUPE_MS = 10 * 60_000;
/** The only card actions taken outside personal chat: triage, which shows nothing beyond reference, status and times. */
const SHARED_CONVERSATION_VERBS = new Set(['booking.accept', 'booking.decline', 'triage.refresh', 'network.follow']);

export interface BotOptions {
  app: AppContext;
  log: Logger;
  defaultService: string;
  edge: Edge;
  directory: TeamsDirectory;
  /** Runs due jobs now, after an action queued messages. */
  kick: () => void;
}

const attachment = (card: Card) => ({ contentType: CARD_RESPONSE, content: card });

/**
 * The Teams edge: turns messages, installs and card actions into use-case calls and answers with cards.
 * It is the only code that knows about activities; it logs verbs and error codes, never what people typed.
 */
export class ConsultationBot extends TeamsActivityHandler {
  constructor(private readonly options: BotOptions) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id);
      if (botAdded) await this.welcome(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onTurn(async (context, next) => {
      if (context.activity.from?.id && context.activity.from.role !== 'bot' && context.activity.type !== 'conversationUpdate') {
        await this.options.directory.rememberPerson(this.options.defaultService, this.actor(context).id, context.activity).catch((e: Error) =>
          this.options.log.warn({ evt: 'directory', code: e.name }, 'could not remember conversation'));
      }
      await next();
    });
  }

  private isTeamChannel = (context: TurnContext) => context.activity.conversation.conversationType === 'channel';

  /** Installed in a team: this channel becomes the triage channel, where requests wait for a clinician. */
  private async adoptTriageChannel(context: TurnContext): Promise<void> {
    await this.options.directory.rememberTriage(this.options.defaultService, context.activity);
    await context.sendActivity({ attachments: [attachment(noticeCard('Triage channel',
      'Consultation requests that are ready for a clinician will be posted here, showing only their reference, status and times. Accept a time to book it.'))] });
    this.options.log.info({ evt: 'triage_channel' }, 'triage channel set');
  }

  private actor(context: TurnContext): Actor {
    const from = context.activity.from;
    return { id: String(from?.aadObjectId || from?.id || 'anonymous').slice(0, 200) };
  }

  private get catalogue() {
    return this.options.app.catalogues.get(this.options.defaultService)!;
  }

  private async welcome(context: TurnContext): Promise<void> {
    const type = context.activity.conversation.conversationType;
    if (type && type !== 'personal') {
      if (!(await this.options.app.store.claimOnce(`shared-install:${context.activity.conversation.id}`, WELCOME_DEDUPE_MS))) return;
      const service = this.options.defaultService;
      await this.options.directory.rememberConversation(service, context.activity);
      // The first team the bot joins becomes the clinicians' triage channel; any later one is a network's conversation.
      if (this.isTeamChannel(context) && !(await this.options.directory.reference(service, 'triage'))) await this.adoptTriageChannel(context);
      else await context.sendActivity({ attachments: [attachment(NETWORK_HELP)] });
      return;
    }
    if (!(await this.options.app.store.claimOnce(`welcome:${context.activity.conversation.id}`, WELCOME_DEDUPE_MS))) return;
    await context.sendActivity({ attachments: [attachment(welcomeCard(this.catalogue))] });
    this.options.log.info({ evt: 'welcome' }, 'welcomed');
  }

  /** Runs a card action, turning an infrastructure failure into an honest card: nothing was saved. */
  private async act(context: TurnContext, verb: string, data: unknown): Promise<ActionResult> {
    const started = Date.now();
    const type = context.activity.conversation.conversationType;
    if (type && type !== 'personal' && !SHARED_CONVERSATION_VERBS.has(verb)) {
      // Whatever the button, a card answered in a channel or group could show a family's details to everyone there.
      this.options.log.info({ evt: 'action', verb, code: 'personal_chat_only' }, 'card action outside personal chat');
      return { card: noticeCard('Open this in your personal chat with me', 'To keep families\' details private, this is only done in a personal chat with me. Nothing was changed.'), code: 'personal_chat_only' };
    }
    if (verb === 'network.follow') {
      const channelId = (context.activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
      data = { ...(data as object), fromConversationId: channelId ?? context.activity.conversation.id.split(';')[0] };
    }
    try {
      const result = await runCardAction(this.options.app, this.actor(context), verb, data, this.options.edge);
      this.options.log.info({ evt: 'action', verb, code: result.code, ms: Date.now() - started }, 'card action');
      this.options.kick();
      return result;
    } catch (e) {
      // The same honest card either way; the log tells the store being away from a write too few replicas acknowledged.
      if (e instanceof UnconfirmedWriteError) {
        this.options.log.warn({ evt: 'action', verb, code: e.code, replicas: e.replicas, ms: Date.now() - started }, 'card action not confirmed by replicas');
        return { card: errorCard('store_unavailable', this.options.defaultService), code: e.code };
      }
      this.options.log.error({ evt: 'action', verb, code: 'store_unavailable', err: { type: (e as Error).name } }, 'card action failed');
      return { card: errorCard('store_unavailable', this.options.defaultService), code: 'store_unavailable' };
    }
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (activity.conversation.conversationType && activity.conversation.conversationType !== 'personal') {
      await this.handleShared(context);
      return;
    }
    const value = activity.value as { verb?: unknown } | undefined;
    if (value && typeof value === 'object' && typeof value.verb === 'string') {
      // Action.Submit from a client without Universal Actions: same handling, the card is replaced when possible.
      const { card } = await this.act(context, value.verb, value);
      if (activity.replyToId) await context.updateActivity({ id: activity.replyToId, type: ActivityTypes.Message, attachments: [attachment(card)] });
      else await context.sendActivity({ attachments: [attachment(card)] });
      return;
    }
    const verb = commandVerb(activity.text ?? '');
    if (!verb || verb === 'help') {
      const intro = verb ? [] : [attachment(noticeCard('I did not catch that', 'Here is what I can do.'))];
      await context.sendActivity({ attachments: [...intro, attachment(welcomeCard(this.catalogue))] });
      return;
    }
    const { card } = await this.act(context, verb, { service: this.options.defaultService });
    await context.sendActivity({ attachments: [attachment(card)] });
  }

  /** A message in a channel or group chat: triage and linking commands; anything else gets the rules of the place. */
  private async handleShared(context: TurnContext): Promise<void> {
    const service = this.options.defaultService;
    const actor = this.actor(context);
    const cmd = sharedCommand(context.activity.text ?? '');
    if (cmd?.kind === 'triage' && this.isTeamChannel(context)) {
      if (hasRole(await this.options.app.store.roster.get(service, actor.id), 'coordinator')) await this.adoptTriageChannel(context);
      else {
        await this.options.app.store.audit.append(service, {
          at: this.options.app.clock.now().toISOString(), actor: actor.id, action: 'triage.here', subject: 'triage', result: 'denied', code: 'not_allowed',
        });
        await context.sendActivity({ attachments: [attachment(errorCard('not_allowed', service))] });
      }
      return;
    }
    if (cmd && cmd.kind !== 'triage') {
      const card = await linkHere(this.options.app, this.options.directory, service, actor, context, { on: cmd.kind === 'link', reference: cmd.reference });
      this.options.log.info({ evt: 'action', verb: `network.${cmd.kind}`, ref: cmd.reference }, 'link command');
      this.options.kick();
      await context.sendActivity({ attachments: [attachment(card)] });
      return;
    }
    await context.sendActivity({ attachments: [attachment(noticeCard('Requests are made in a personal chat',
      'To keep families\' details private, open a personal chat with me to request a consultation. Posts here only ever show a request reference, status, dates and next step.')), attachment(NETWORK_HELP)] });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const parsed = InvokeValueSchema.safeParse(context.activity.value);
    const { card } = parsed.success
      ? await this.act(context, parsed.data.action.verb, parsed.data.action.data ?? {})
      : { card: errorCard('unknown_action', this.options.defaultService) };
    if (!parsed.success) this.options.log.warn({ evt: 'action', code: 'malformed_invoke' }, 'malformed card action');
    return { status: 200, body: { statusCode: 200, type: CARD_RESPONSE, value: card } };
  }
}
