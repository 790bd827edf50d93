import type { Card } from '../../src/adapters/teams/cards/templates';
import type { ConnectorCall } from './connector-stub';

/** A shared conversation (channel or group chat) activities come from. */
export interface Where {
  conversation: { id: string; conversationType: string; tenantId: string; isGroup: boolean };
  channelData?: Record<string, unknown>;
}

export interface TestUser {
  id: string;
  name: string;
}

/** Speaks to a running bot over HTTP exactly as Teams does: activities posted to /api/messages. */
export class BotClient {
  private seq = 0;

  constructor(
    private readonly botUrl: string,
    private readonly serviceUrl: string,
    private readonly calls: ConnectorCall[],
  ) {}

  private activity(user: TestUser, extra: Record<string, unknown>) {
    this.seq += 1;
    return {
      id: `act-${this.seq}`, channelId: 'msteams', serviceUrl: this.serviceUrl, timestamp: new Date().toISOString(),
      from: { id: `29:${user.id}`, aadObjectId: user.id, name: user.name }, recipient: { id: '28:bot', name: 'Consultations' },
      conversation: { id: `a:personal-${user.id}`, conversationType: 'personal', tenantId: 'tenant-synthetic' },
      ...extra,
    };
  }

  /** Where activities in the team's triage channel come from, as Teams describes a channel. */
  static readonly TRIAGE = { id: '19:synthetic-triage@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-synthetic', isGroup: true };
  private static readonly TRIAGE_DATA = { channel: { id: BotClient.TRIAGE.id }, team: { id: '19:synthetic-team@thread.tacv2' }, tenant: { id: 'tenant-synthetic' } };

  /** The bot is added to a team: Teams sends conversationUpdate from the team's General channel. */
  async installInTeam(user: TestUser): Promise<void> {
    const res = await this.post(this.activity(user, {
      type: 'conversationUpdate', membersAdded: [{ id: '28:bot' }], conversation: BotClient.TRIAGE, channelData: BotClient.TRIAGE_DATA,
    }));
    if (res.status >= 300) throw new Error(`install answered ${res.status}`);
  }

  /** A group chat of the family's network, as Teams describes one. */
  static group(id: string): Where {
    return { conversation: { id, conversationType: 'groupChat', tenantId: 'tenant-synthetic', isGroup: true } };
  }

  /** Another team's channel (a network's), as Teams describes one. */
  static channel(id: string): Where {
    return { conversation: { id, conversationType: 'channel', tenantId: 'tenant-synthetic', isGroup: true }, channelData: { channel: { id }, team: { id: `${id}-team` }, tenant: { id: 'tenant-synthetic' } } };
  }

  /** Says something (an @mention) in a shared conversation; returns the cards the bot answered with there. */
  async sayIn(user: TestUser, where: Where, text: string): Promise<Card[]> {
    const before = this.calls.length;
    const res = await this.post(this.activity(user, { type: 'message', text, ...where }));
    if (res.status >= 300) throw new Error(`message answered ${res.status}`);
    const here = `/v3/conversations/${encodeURIComponent(where.conversation.id)}/`;
    return this.calls.slice(before).filter((c) => c.path.startsWith(here))
      .flatMap((c) => ((c.body.attachments as { content: Card }[] | undefined) ?? []).map((a) => a.content));
  }

  /** Clicks a button on a card in a shared conversation. */
  async executeIn(user: TestUser, where: Where, verb: string, data: Record<string, unknown>): Promise<Card> {
    const res = await this.post(this.activity(user, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } }, ...where }));
    const body = res.body as { type: string; value: Card };
    if (res.status !== 200 || body.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`invoke answered ${res.status} ${JSON.stringify(body)}`);
    return body.value;
  }

  /** Says something in a thread of the triage channel; returns the cards the bot answered with. */
  async sayInChannel(user: TestUser, text: string): Promise<Card[]> {
    const before = this.calls.length;
    const res = await this.post(this.activity(user, {
      type: 'message', text, conversation: { ...BotClient.TRIAGE, id: `${BotClient.TRIAGE.id};messageid=1700000000001` }, channelData: BotClient.TRIAGE_DATA,
    }));
    if (res.status >= 300) throw new Error(`message answered ${res.status}`);
    return this.calls.slice(before).flatMap((c) => ((c.body.attachments as { content: Card }[] | undefined) ?? []).map((a) => a.content));
  }

  /** Clicks a button on a card posted in the triage channel. */
  async executeInChannel(user: TestUser, verb: string, data: Record<string, unknown>): Promise<Card> {
    const res = await this.post(this.activity(user, {
      type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } },
      conversation: { ...BotClient.TRIAGE, id: `${BotClient.TRIAGE.id};messageid=1700000000000` }, channelData: BotClient.TRIAGE_DATA,
    }));
    const body = res.body as { type: string; value: Card };
    if (res.status !== 200 || body.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`invoke answered ${res.status} ${JSON.stringify(body)}`);
    return body.value;
  }

  async post(body: unknown): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Sends a chat message and returns the cards the bot sent back in that turn. */
  async say(user: TestUser, text: string): Promise<Card[]> {
    const before = this.calls.length;
    const activity = this.activity(user, { type: 'message', text });
    const res = await this.post(activity);
    if (res.status >= 300) throw new Error(`message answered ${res.status}`);
    // Only replies in this chat: background jobs may be sending elsewhere at the same moment.
    const here = `/v3/conversations/${encodeURIComponent(activity.conversation.id)}/`;
    return this.calls.slice(before).filter((c) => c.path.startsWith(here))
      .flatMap((c) => ((c.body.attachments as { content: Card }[] | undefined) ?? []).map((a) => a.content));
  }

  /**
   * Types "request consultation" and, where more than one service is in force, picks `service` on the card
   * that asks which (as a person would); returns the first step's card.
   */
  async startRequest(user: TestUser, service = 'fass'): Promise<Card> {
    const card = (await this.say(user, 'request consultation'))[0]!;
    return cardText(card).includes('Which service?') ? this.execute(user, 'request.start', { service }) : card;
  }

  /** Clicks an Action.Execute button: returns the card the bot answered with (it replaces the one clicked). */
  async execute(user: TestUser, verb: string, data: Record<string, unknown>): Promise<Card> {
    return this.invoke(user, { action: { type: 'Action.Execute', verb, data } });
  }

  async invoke(user: TestUser, value: unknown): Promise<Card> {
    const res = await this.post(this.activity(user, { type: 'invoke', name: 'adaptiveCard/action', value }));
    const body = res.body as { statusCode: number; type: string; value: Card };
    if (res.status !== 200 || body.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`invoke answered ${res.status} ${JSON.stringify(body)}`);
    return body.value;
  }
}

/** Every string in a card, flattened, for assertions on what a person would read. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(card);
  return out.join('\n');
}

/** Finds the first Action.Execute in a card with this verb (and title, if given). */
export function findAction(card: unknown, verb: string, title?: string): { verb: string; title: string; data: Record<string, unknown> } {
  let found: { verb: string; title: string; data: Record<string, unknown> } | undefined;
  const walk = (v: unknown) => {
    if (found || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(walk);
    const o = v as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === verb && (!title || o.title === title)) {
      found = { verb, title: String(o.title), data: (o.data ?? {}) as Record<string, unknown> };
      return;
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  if (!found) throw new Error(`no ${verb} action${title ? ` titled ${title}` : ''} in card: ${cardText(card).slice(0, 300)}`);
  return found;
}
