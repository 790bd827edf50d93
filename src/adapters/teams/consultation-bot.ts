import { ActivityTypes, TeamsActivityHandler, type Attachment, type InvokeResponse, type TurnContext } from 'botbuilder';
import { triageOnInstall, type TriageTeams } from '../../app/booking/triage-channel';
import type { Actor } from '../../app/context';
import { conversationGone, memberLeft } from '../../app/network/manage-network';
import { hasRole } from '../../domain/booking/roster';
import type { Logger } from '../../logger';
import { typedCommand } from '../../conversation/commands';
import type { ConversationContext, Place } from '../../conversation/context';
import { errorView, runAction, type ActionResult } from '../../conversation/dispatch';
import { linkHere, networkHelp, SHARED_RULES, sharedCommand } from '../../conversation/shared';
import { notice, welcome } from '../../conversation/views/simple';
import type { View } from '../../conversation/views/view';
import { TeamsDirectory } from './directory';
import { InvokeValueSchema } from './invoke';
import type { TeamsCards } from './messenger';

const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';
const WELCOME_DEDUPE_MS = 10 * 60_000;

export interface BotOptions {
  cc: ConversationContext;
  log: Logger;
  directory: TeamsDirectory;
  cards: TeamsCards;
  /** Runs due jobs now, after an action queued messages. */
  kick: () => void;
  /** Teams configured to become a service's triage channel on install, whoever installs the bot there. */
  triageTeams: TriageTeams;
}

/**
 * The Teams edge: turns messages, installs and card actions into the conversation layer's calls, and its
 * screens into Adaptive Cards. It is the only code that knows about activities; it logs verbs and error
 * codes, never what people typed.
 */
export class ConsultationBot extends TeamsActivityHandler {
  constructor(private readonly o: BotOptions) {
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
    this.onMembersRemoved(async (context, next) => {
      await this.membersLeft(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onTurn(async (context, next) => {
      if (context.activity.from?.id && context.activity.from.role !== 'bot' && context.activity.type !== 'conversationUpdate') {
        await this.o.directory.rememberPerson(this.actor(context).id, context.activity).catch((e: Error) =>
          this.o.log.warn({ evt: 'directory', code: e.name }, 'could not remember conversation'));
      }
      await next();
    });
  }

  private get app() {
    return this.o.cc.app;
  }

  private attachment = async (view: View): Promise<Attachment> => ({ contentType: CARD_RESPONSE, content: await this.o.cards.render(view) });

  private async show(context: TurnContext, ...views: View[]): Promise<void> {
    await context.sendActivity({ attachments: await Promise.all(views.map(this.attachment)) });
  }

  private actor(context: TurnContext): Actor {
    const from = context.activity.from;
    return { id: String(from?.aadObjectId || from?.id || 'anonymous').slice(0, 200) };
  }

  private place(context: TurnContext): Place {
    const type = context.activity.conversation.conversationType;
    return type && type !== 'personal' ? { shared: true, conversationId: TeamsDirectory.conversationIdOf(context.activity) } : { shared: false };
  }

  private isTeamChannel = (context: TurnContext) => context.activity.conversation.conversationType === 'channel';

  private teamIdOf(context: TurnContext): string | undefined {
    const id = (context.activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
    return typeof id === 'string' && id.length <= 300 ? id : undefined;
  }

  /**
   * People removed from a channel's team or a group chat: follows of cases linked there that came from it end
   * (the app layer decides which). The bot itself removed: the cases linked there are unlinked.
   */
  private async membersLeft(context: TurnContext): Promise<void> {
    if (!this.place(context).shared) return;
    const conversationId = TeamsDirectory.conversationIdOf(context.activity);
    const teamId = this.teamIdOf(context);
    for (const member of context.activity.membersRemoved ?? []) {
      if (member.id === context.activity.recipient.id) {
        const unlinked = await conversationGone(this.app, conversationId);
        this.o.log.info({ evt: 'bot_removed', unlinked }, 'removed from a conversation');
        continue;
      }
      const userId = String(member.aadObjectId || member.id || '').slice(0, 200);
      if (!userId) continue;
      const ended = await memberLeft(this.app, { conversationId, userId, ...(teamId ? { teamId } : {}) });
      this.o.log.info({ evt: 'member_left', follows_ended: ended }, 'member left a conversation');
    }
  }

  /** A team channel becomes the triage channel of these services, where their requests wait for a clinician. */
  private async adoptTriageChannel(context: TurnContext, services: readonly string[]): Promise<void> {
    for (const service of services) await this.o.directory.rememberTriage(service, context.activity);
    const names = services.map((s) => this.app.catalogues.get(s)!.name).join(' and the ');
    await this.show(context, notice('Triage channel',
      `Consultation requests that are ready for a clinician will be posted here, showing only their reference, status and times. Accept a time to book it. Requests for: the ${names}.`));
    this.o.log.info({ evt: 'triage_channel', services: services.length }, 'triage channel set');
  }

  private async welcome(context: TurnContext): Promise<void> {
    if (this.place(context).shared) {
      if (!(await this.app.store.claimOnce(`shared-install:${context.activity.conversation.id}`, WELCOME_DEDUPE_MS))) return;
      await this.o.directory.rememberConversation(context.activity);
      // A team channel becomes the triage channel of a service without one only when a coordinator of it installs the bot, or the
      // deployment named this team; anywhere else it is a network's conversation.
      const unset = this.isTeamChannel(context)
        ? (await Promise.all([...this.app.catalogues.keys()].map(async (s) => ((await this.o.directory.triage(s)) ? [] : [s])))).flat()
        : [];
      const teamId = this.teamIdOf(context);
      const services = unset.length === 0 ? [] : await triageOnInstall(this.app, this.actor(context), {
        services: unset, configured: this.o.triageTeams, ...(teamId ? { teamId } : {}),
      });
      if (services.length > 0) await this.adoptTriageChannel(context, services);
      else await this.show(context, networkHelp(this.exampleReference()));
      return;
    }
    if (!(await this.app.store.claimOnce(`welcome:${context.activity.conversation.id}`, WELCOME_DEDUPE_MS))) return;
    await this.show(context, welcome([...this.app.catalogues.values()]));
    this.o.log.info({ evt: 'welcome' }, 'welcomed');
  }

  private exampleReference = () => `${[...this.app.catalogues.values()][0]!.referencePrefix}-2026-0001`;

  /** Runs a card action; the conversation layer turns every failure into a screen that says nothing was saved. */
  private async act(context: TurnContext, verb: string, data: unknown): Promise<ActionResult> {
    const started = Date.now();
    const result = await runAction(this.o.cc, this.actor(context), verb, data, this.place(context));
    // The same honest card either way; the log tells the store being away from a write too few replicas acknowledged.
    if (result.failure) this.o.log[result.code === 'store_unavailable' ? 'error' : 'warn']({ evt: 'action', verb, code: result.code, err: { type: result.failure.name } }, 'card action failed');
    else this.o.log.info({ evt: 'action', verb, code: result.code, ms: Date.now() - started }, 'card action');
    this.o.kick();
    return result;
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (this.place(context).shared) {
      await this.handleShared(context);
      return;
    }
    const value = activity.value as { verb?: unknown } | undefined;
    if (value && typeof value === 'object' && typeof value.verb === 'string') {
      // Action.Submit from a client without Universal Actions: same handling, the card is replaced when possible.
      const { view } = await this.act(context, value.verb, value);
      const attachment = await this.attachment(view);
      if (activity.replyToId) await context.updateActivity({ id: activity.replyToId, type: ActivityTypes.Message, attachments: [attachment] });
      else await context.sendActivity({ attachments: [attachment] });
      return;
    }
    const results = await typedCommand(this.o.cc, this.actor(context), activity.text ?? '');
    for (const r of results) if (r.failure) this.o.log.error({ evt: 'command', code: r.code, err: { type: r.failure.name } }, 'command failed');
    this.o.kick();
    await this.show(context, ...results.map((r) => r.view));
  }

  /** A message in a channel or group chat: triage and linking commands; anything else gets the rules of the place. */
  private async handleShared(context: TurnContext): Promise<void> {
    const actor = this.actor(context);
    const cmd = sharedCommand(context.activity.text ?? '');
    if (cmd?.kind === 'triage' && this.isTeamChannel(context)) {
      const services = (await Promise.all([...this.app.catalogues.keys()].map(async (s) => (hasRole(await this.app.store.roster.get(s, actor.id), 'coordinator') ? [s] : [])))).flat();
      if (services.length > 0) await this.adoptTriageChannel(context, services);
      else {
        const at = this.app.clock.now().toISOString();
        for (const service of this.app.catalogues.keys()) {
          await this.app.store.audit.append(service, { at, actor: actor.id, action: 'triage.here', subject: 'triage', result: 'denied', code: 'not_allowed' });
        }
        await this.show(context, errorView('not_allowed'));
      }
      return;
    }
    if (cmd && cmd.kind !== 'triage') {
      const conversationId = await this.o.directory.rememberConversation(context.activity);
      const kind = this.isTeamChannel(context) ? 'channel' : 'groupChat';
      const teamId = kind === 'channel' ? this.teamIdOf(context) : undefined;
      const view = await linkHere(this.o.cc, actor, { conversationId, kind, ...(teamId ? { teamId } : {}) }, { on: cmd.kind === 'link', reference: cmd.reference });
      this.o.log.info({ evt: 'action', verb: `network.${cmd.kind}`, ref: cmd.reference }, 'link command');
      this.o.kick();
      await this.show(context, view);
      return;
    }
    await this.show(context, SHARED_RULES, networkHelp(this.exampleReference()));
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);
    const parsed = InvokeValueSchema.safeParse(context.activity.value);
    if (!parsed.success) this.o.log.warn({ evt: 'action', code: 'malformed_invoke' }, 'malformed card action');
    const { view } = parsed.success
      ? await this.act(context, parsed.data.action.verb, parsed.data.action.data ?? {})
      : { view: errorView('unknown_action') };
    return { status: 200, body: { statusCode: 200, type: CARD_RESPONSE, value: await this.o.cards.render(view) } };
  }
}
