import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { ConversationStore } from '../../ports/conversations';
import type { NameOf } from './cards/booking-cards';

/**
 * Remembers where people and the triage channel can be reached, and professionals' display names
 * (shown on cards as who accepted). Family details never come here: only Teams' own ids and the
 * names Teams gives for the people using the bot.
 */
export class TeamsDirectory {
  private readonly seen = new Map<string, { value: string; at: number }>();

  constructor(private readonly store: ConversationStore, private readonly rewriteAfterMs = 10 * 60_000) {}

  /**
   * Writes what changed since this process last wrote it, so a busy chat costs no extra writes; an
   * unchanged value is written again now and then, in case the store lost it.
   */
  private async remember(service: string, key: string, value: string): Promise<void> {
    const k = `${service}\u0000${key}`;
    const last = this.seen.get(k);
    if (last?.value === value && Date.now() - last.at < this.rewriteAfterMs) return;
    await this.store.set(service, key, value);
    this.seen.set(k, { value, at: Date.now() });
  }

  async rememberPerson(service: string, actorId: string, activity: Activity): Promise<void> {
    const name = activity.from?.name?.slice(0, 120);
    if (name) await this.remember(service, `name:${actorId}`, name);
    // Teams addresses card refreshes to users by their Teams id (MRI), not their directory object id.
    if (activity.from?.id) await this.remember(service, `mri:${actorId}`, activity.from.id.slice(0, 200));
    if (activity.conversation?.conversationType === 'personal' || !activity.conversation?.conversationType) {
      const { activityId: _each, ...reference } = TurnContext.getConversationReference(activity);
      await this.remember(service, `user:${actorId}`, JSON.stringify(reference));
    }
  }

  /** The channel where clinicians triage requests; a thread's id is cut back to its channel so new requests start new threads. */
  async rememberTriage(service: string, activity: Activity): Promise<void> {
    const reference = TurnContext.getConversationReference(activity);
    const channelId = (activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
    const id = channelId ?? reference.conversation!.id.split(';')[0]!;
    // Always written: adopting a channel is rare and deliberate. No user: posts there are for the channel.
    const { activityId: _each, user: _who, ...rest } = reference;
    await this.store.set(service, 'triage', JSON.stringify({ ...rest, conversation: { ...reference.conversation, id } }));
  }

  /**
   * Remembers a channel or group chat of the network, so that the bot can post case cards there later.
   * Returns its id (a channel's, not a thread's).
   */
  async rememberConversation(service: string, activity: Activity): Promise<string> {
    const reference = TurnContext.getConversationReference(activity);
    const channelId = (activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
    const id = channelId ?? reference.conversation!.id.split(';')[0]!;
    // No activity and no user: a post to a shared conversation is addressed to all, never to the person who linked it.
    const { activityId: _each, user: _who, ...rest } = reference;
    await this.remember(service, `conv:${id}`, JSON.stringify({ ...rest, conversation: { ...reference.conversation, id } }));
    return id;
  }

  async reference(service: string, key: string): Promise<Partial<ConversationReference> | null> {
    const value = await this.store.get(service, key);
    return value ? (JSON.parse(value) as Partial<ConversationReference>) : null;
  }

  async names(service: string, ids: readonly string[]): Promise<NameOf> {
    const names = new Map<string, string>();
    await Promise.all([...new Set(ids)].map(async (id) => names.set(id, (await this.store.get(service, `name:${id}`)) ?? id)));
    return (id) => names.get(id) ?? id;
  }

  /** Teams ids of these people, for Adaptive Card refresh; people the bot has never seen are left out. */
  async teamsIds(service: string, ids: readonly string[]): Promise<string[]> {
    const found = await Promise.all(ids.map((id) => this.store.get(service, `mri:${id}`)));
    return found.filter((v): v is string => v !== null);
  }

  cardId = (service: string, key: string) => this.store.get(service, `card:${key}`);
  saveCardId = (service: string, key: string, id: string) => this.store.set(service, `card:${key}`, id);
}
