import { ActivityTypes, type TurnContext } from 'botbuilder';
import { errorView } from '../../conversation/dispatch';
import type { Logger } from '../../logger';
import { InboundLimiter, type InboundLimits } from './inbound-limiter';
import { tenantOf } from './inbound-policy';
import type { TeamsCards } from './messenger';

const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';

/** An Adaptive Card's own refresh (Teams asks when someone sees the card), not a click. */
const isAutomaticRefresh = (activity: { type?: unknown; name?: unknown; value?: unknown }) =>
  activity.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action' && (activity.value as { trigger?: unknown } | undefined)?.trigger === 'automatic';

/**
 * The inbound limits at the Teams edge, after authentication: a turn over its person's or tenant's limit
 * does nothing but, now and then, show the "slow down" card (in place of a clicked card, or as a message).
 */
export class InboundGate {
  private readonly limiter: InboundLimiter;
  /** The slow-down card, drawn once: a flood's refusals cost as little as they can. */
  private card: Promise<object> | undefined;

  constructor(limits: InboundLimits, private readonly cards: TeamsCards, private readonly log: Logger, now?: () => number) {
    this.limiter = new InboundLimiter(limits, now);
  }

  /**
   * Before authentication: a caller already over a limit, and already told, is answered at once without the adapter
   * (a clicked card gets the slow-down card; anything else an empty 200). Null when the activity must go on.
   */
  async early(activity: { type?: unknown; name?: unknown; value?: unknown; from?: { id?: unknown; aadObjectId?: unknown } }): Promise<{ status: number; body?: object } | null> {
    const user = String(activity.from?.aadObjectId || activity.from?.id || 'anonymous').slice(0, 200);
    if (!this.limiter.refusedAlready(tenantOf(activity) ?? 'none', user)) return null;
    if (isAutomaticRefresh(activity)) return { status: 429 };
    if (activity.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action') return { status: 200, body: { statusCode: 200, type: CARD_RESPONSE, value: await this.slowDown() } };
    return { status: 200 };
  }

  /** True when the turn may run; otherwise it has been answered (or dropped) here. */
  async admit(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    const user = String(activity.from?.aadObjectId || activity.from?.id || 'anonymous').slice(0, 200);
    const over = this.limiter.admit(tenantOf(activity) ?? 'none', user);
    if (over === 'ok') return true;
    const tell = this.limiter.shouldTell(user);
    if (tell) this.log.warn({ evt: 'inbound_limited', limit: over, activityType: activity.type }, 'inbound turn over its limit');
    if (isAutomaticRefresh(activity)) {
      // A card refreshing itself as someone scrolls past it: a failed refresh leaves the card as it was, better than a
      // "slow down" card in its place.
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 429 } });
    } else if (activity.type === ActivityTypes.Invoke && activity.name === 'adaptiveCard/action') {
      // A clicked card always gets an answer (Teams shows an error otherwise), and the answer costs no outbound call.
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, type: CARD_RESPONSE, value: await this.slowDown() } } });
    } else if (tell && activity.type === ActivityTypes.Message) {
      await context.sendActivity({ attachments: [{ contentType: CARD_RESPONSE, content: await this.slowDown() }] });
    }
    return false;
  }

  private slowDown(): Promise<object> {
    this.card ??= this.cards.render(errorView('too_many_requests'));
    return this.card;
  }

  size = () => this.limiter.size();
}
