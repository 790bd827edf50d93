import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { LRUCache } from 'lru-cache';
import type { ConversationStore } from '../../ports/conversations';
import type { NameOf, People } from '../../ports/people';
import { nameKey, StoredPeople } from '../directory/stored-people';

export interface DirectoryCacheOptions {
  /** Directory entries this process remembers having written (about three per person). */
  max?: number;
  /** After this long an unchanged entry is written again. */
  rewriteAfterMs?: number;
  /** The clock the rewrite interval is measured on (milliseconds, only differences matter). */
  now?: () => number;
}

/**
 * Remembers where people, network conversations and each service's triage channel can be reached, and
 * professionals' display names (shown on cards as who accepted). Family details never come here: only
 * Teams' own ids and the names Teams gives for the people using the bot. A person is remembered once,
 * whatever the services they use.
 */
export class TeamsDirectory implements People {
  /**
   * What this process last wrote, for the people and conversations active lately: at most `max` entries
   * (three per person), each forgotten `rewriteAfterMs` after it was written. It saves a busy chat the
   * directory writes of every turn (each one fsynced with AOF `always`); it must not hold everyone ever seen.
   */
  private readonly written: LRUCache<string, string>;
  private readonly people: StoredPeople;

  constructor(private readonly store: ConversationStore, options: DirectoryCacheOptions = {}) {
    this.people = new StoredPeople(store);
    this.written = new LRUCache({
      max: options.max ?? 1000, ttl: options.rewriteAfterMs ?? 10 * 60_000, 
      // A clock of one's own is read each time (lru-cache would otherwise keep a reading for a millisecond of real time).
      ...(options.now ? { perf: { now: options.now }, ttlResolution: 0 } : {}),
    });
  }

  /** Entries held now, for tests and measurements. */
  get cached(): number {
    return this.written.size;
  }

  /**
   * Writes what changed since this process last wrote it (in one write), so a busy chat costs no extra writes;
   * an unchanged value is written again once its entry has expired, in case the store lost it, or once it has
   * been pushed out by people more recently active.
   */
  private async remember(...entries: (readonly [string, string])[]): Promise<void> {
    const changed = entries.filter(([key, value]) => this.written.get(key) !== value);
    if (changed.length === 0) return;
    await this.store.setMany(changed);
    for (const [key, value] of changed) this.written.set(key, value);
  }

  async rememberPerson(actorId: string, activity: Activity): Promise<void> {
    const entries: [string, string][] = [];
    const name = activity.from?.name?.slice(0, 120);
    if (name) entries.push([nameKey(actorId), name]);
    // Teams addresses card refreshes to users by their Teams id (MRI), not their directory object id.
    if (activity.from?.id) entries.push([`mri:${actorId}`, activity.from.id.slice(0, 200)]);
    if (activity.conversation?.conversationType === 'personal' || !activity.conversation?.conversationType) {
      const { activityId: _each, ...reference } = TurnContext.getConversationReference(activity);
      entries.push([`user:${actorId}`, JSON.stringify(reference)]);
    }
    await this.remember(...entries);
  }

  /** A channel's or group chat's own id: a channel's, not one of its threads'. */
  static conversationIdOf(activity: Activity): string {
    const channelId = (activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
    return channelId ?? activity.conversation.id.split(';')[0]!;
  }

  /** A shared conversation's reference, addressed to everyone there (no user, no activity) and to the channel, not a thread. */
  private static sharedReference(activity: Activity): Partial<ConversationReference> {
    const reference = TurnContext.getConversationReference(activity);
    const { activityId: _each, user: _who, ...rest } = reference;
    return { ...rest, conversation: { ...reference.conversation!, id: TeamsDirectory.conversationIdOf(activity) } };
  }

  /** The channel where a service's clinicians triage requests; new requests start new threads there. Always written: adopting one is rare and deliberate. */
  async rememberTriage(service: string, activity: Activity): Promise<void> {
    await this.store.set(`triage:${service}`, JSON.stringify(TeamsDirectory.sharedReference(activity)));
  }

  /** Remembers a channel or group chat of the network, so that the bot can post case cards there later. Returns its id. */
  async rememberConversation(activity: Activity): Promise<string> {
    const id = TeamsDirectory.conversationIdOf(activity);
    await this.remember([`conv:${id}`, JSON.stringify(TeamsDirectory.sharedReference(activity))]);
    return id;
  }

  private async read(key: string): Promise<Partial<ConversationReference> | null> {
    const value = await this.store.get(key);
    return value ? (JSON.parse(value) as Partial<ConversationReference>) : null;
  }

  person = (userId: string) => this.read(`user:${userId}`);
  conversation = (conversationId: string) => this.read(`conv:${conversationId}`);
  triage = (service: string) => this.read(`triage:${service}`);

  names(ids: readonly string[]): Promise<NameOf> {
    return this.people.names(ids);
  }

  /** Teams ids of these people, for Adaptive Card refresh; people the bot has never seen are left out. */
  async teamsIds(ids: readonly string[]): Promise<string[]> {
    const found = await this.store.getMany(ids.map((id) => `mri:${id}`));
    return found.filter((v): v is string => v !== null);
  }
}
