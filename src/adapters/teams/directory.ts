import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { ConversationStore } from '../../ports/conversations';
import type { NameOf } from './cards/booking-cards';

/**
 * Remembers where people and the triage channel can be reached, and professionals' display names
 * (shown on cards as who accepted). Family details never come here: only Teams' own ids and the
 * names Teams gives for the people using the bot.
 */
export class TeamsDirectory {
  private readonly seen = new Map<string, string>();

  constructor(private readonly store: ConversationStore) {}

  /** Writes only what changed since this process last saw it, so a busy chat costs no extra writes. */
  private async remember(service: string, key: string, value: string): Promise<void> {
    const k = `${service}\u0000${key}`;
    if (this.seen.get(k) === value) return;
    await this.store.set(service, key, value);
    this.seen.set(k, value);
  }

  async rememberPerson(service: string, actorId: string, activity: Activity): Promise<void> {
    const name = activity.from?.name?.slice(0, 120);
    if (name) await this.remember(service, `name:${actorId}`, name);
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
    await this.remember(service, 'triage', JSON.stringify({ ...reference, activityId: undefined, conversation: { ...reference.conversation, id } }));
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

  cardId = (service: string, key: string) => this.store.get(service, `card:${key}`);
  saveCardId = (service: string, key: string, id: string) => this.store.set(service, `card:${key}`, id);
  wasSent = async (service: string, key: string) => (await this.store.get(service, `sent:${key}`)) !== null;
  markSent = (service: string, key: string) => this.store.set(service, `sent:${key}`, '1');
}
