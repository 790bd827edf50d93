import { ActivityTypes, type CloudAdapter, type ConversationReference } from 'botbuilder';
import { DeliveryError } from '../../ports/notifier';
import type { Card } from './cards/templates';
import type { RateLimiter } from './rate-limiter';

const attachment = (card: Card) => ({ contentType: 'application/vnd.microsoft.card.adaptive', content: card });

export interface Outgoing {
  card?: Card;
  text?: string;
  /** Replace this earlier message in place instead of sending a new one. */
  update?: string;
  /** In a channel: reply in the thread of this root message. */
  replyTo?: string;
  /** The notification preview Teams shows for the message (activity `summary`). */
  summary?: string;
}

/** A send the channel will never accept (the bot was removed, the conversation is gone): retrying cannot help. */
const PERMANENT = new Set([400, 401, 403, 404, 410]);

function statusOf(e: unknown): number | undefined {
  const err = e as { statusCode?: number; status?: number; response?: { status?: number } };
  return err.statusCode ?? err.status ?? err.response?.status;
}

function retryAfterMs(e: unknown): number | undefined {
  const headers = (e as { response?: { headers?: { get?: (n: string) => string | undefined } & Record<string, unknown> } }).response?.headers;
  const raw = headers?.get?.('retry-after') ?? (headers?.['retry-after'] as string | undefined);
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * Proactive sends through the Bot Framework, within Teams' rate limits. A 429 pauses the conversation for
 * as long as Retry-After says and is raised as a retryable DeliveryError; a refusal that retrying cannot
 * change is raised as permanent.
 */
export class TeamsSender {
  constructor(private readonly adapter: CloudAdapter, private readonly appId: string, private readonly limiter: RateLimiter) {}

  async send(reference: Partial<ConversationReference>, out: Outgoing): Promise<string | undefined> {
    const conversationId = reference.conversation!.id;
    const target = out.replyTo ? { ...reference, conversation: { ...reference.conversation!, id: `${conversationId};messageid=${out.replyTo}` } } : reference;
    const done = await this.limiter.acquire(conversationId);
    try {
      return await this.deliver(target, out);
    } catch (e) {
      if (e instanceof DeliveryError) throw e;
      const status = statusOf(e);
      if (status === 429) {
        const wait = retryAfterMs(e) ?? 1000;
        this.limiter.pause(conversationId, wait);
        throw new DeliveryError('throttled', wait);
      }
      if (status !== undefined && PERMANENT.has(status)) throw new DeliveryError(`rejected_${status}`, undefined, true);
      throw new DeliveryError(status ? `failed_${status}` : 'unreachable');
    } finally {
      done();
    }
  }

  /**
   * One proactive send. The adapter runs `logic` through its middleware, which hands any error to the
   * adapter's onTurnError and then returns normally: a send Teams refused (a 429 after the HTTP client's own
   * retries, say) would look sent. So the outcome is carried out of the callback: its error is re-raised
   * here, and a callback that never finished is a failure too. Only an answered send counts as shown.
   */
  private async deliver(target: Partial<ConversationReference>, out: Outgoing): Promise<string | undefined> {
    let sent: { id: string | undefined } | undefined;
    let failure: { error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.appId, target, async (turn) => {
      try {
        const activity = {
          type: ActivityTypes.Message, ...(out.text ? { text: out.text } : {}), ...(out.summary ? { summary: out.summary } : {}),
          ...(out.card ? { attachments: [attachment(out.card)] } : {}),
        };
        if (out.update) {
          await turn.updateActivity({ ...activity, id: out.update });
          sent = { id: out.update };
        } else sent = { id: (await turn.sendActivity(activity))?.id };
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
    if (!sent) throw new DeliveryError('not_sent');
    return sent.id;
  }
}
