import type { AppContext } from '../../src/app/context';
import { link } from '../../src/domain/network/links';
import { notification } from '../../src/domain/network/notification';
import type { ConnectorStub } from '../../test/support/connector-stub';

export interface FanoutFigures {
  messages: number;
  conversations: number;
  delivered: number;
  duplicates: number;
  lost: number;
  seconds: number;
  ceiling_ratio: number;
  sends: number;
  throttled_over_limit: number;
}

/**
 * One case linked to `conversations` group chats, and one event to tell them all: each conversation gets its
 * case card and a line. Sends go through a stub enforcing Teams' limits (7/s per conversation, 50/s in all).
 */
export async function fanout(app: AppContext, stub: ConnectorStub, reference: string, conversations: number, timeoutMs: number): Promise<FanoutFigures> {
  const stored = (await app.store.requests.get('fass', reference))!;
  const ids = Array.from({ length: conversations }, (_, i) => `19:bench-fanout-${i}@thread.v2`);
  const at = new Date(Date.now() - 60_000);
  for (const id of ids) {
    await app.store.conversations.set(`conv:${id}`, JSON.stringify({
      channelId: 'msteams', serviceUrl: stub.url, bot: { id: '28:bot', name: 'Consultations' }, conversation: { id, conversationType: 'groupChat', isGroup: true, tenantId: 'tenant-bench' },
    }));
  }
  // All the links in one saved version: the conversations were linked before the event.
  const linked = ids.reduce((r, id) => link(r, id, 'groupChat', 'aad-bench', at), stored);
  const request = { ...linked, version: stored.version + 1 };
  const before = stub.calls.length;
  const now = new Date();
  await app.store.requests.update(request, { at: now.toISOString(), actor: 'bench', action: 'bench.link', subject: reference, result: 'ok' },
    { notify: [notification(request, 'next_steps', now)] });
  const deadline = Date.now() + timeoutMs;
  const mine = () => stub.calls.slice(before).filter((c) => c.path.includes('bench-fanout'));
  while (mine().length < conversations * 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 500)); // anything sent twice would arrive now
  const sent = mine();
  const seconds = sent.length > 1 ? (sent.at(-1)!.at - sent[0]!.at) / 1000 : 0;
  const perConversation = new Map<string, { cards: number; lines: number }>();
  for (const c of sent) {
    const id = decodeURIComponent(c.path.split('/')[3]!);
    const entry = perConversation.get(id) ?? { cards: 0, lines: 0 };
    if (typeof c.body.text === 'string') entry.lines += 1;
    else if (c.method === 'POST') entry.cards += 1; // a PUT updates the card in place: shown once
    perConversation.set(id, entry);
  }
  const delivered = ids.filter((id) => (perConversation.get(id)?.cards ?? 0) >= 1 && (perConversation.get(id)?.lines ?? 0) >= 1).length;
  const duplicates = [...perConversation.values()].reduce((d, e) => d + Math.max(0, e.cards - 1) + Math.max(0, e.lines - 1), 0);
  if (duplicates > 0) process.stderr.write(`fan-out duplicates: ${JSON.stringify([...perConversation.entries()].filter(([, e]) => e.cards > 1 || e.lines > 1))}\n`);
  // The achieved rate against Teams' 50 a second: a perfect sender fills a window, waits a second, fills the
  // next, so N sends take (N/50 - 1) seconds from first to last; counting one window more makes it exact.
  const rate = sent.length / (seconds + 1);
  return {
    messages: conversations, conversations, delivered, duplicates, lost: conversations - delivered, seconds: Math.round(seconds * 100) / 100,
    ceiling_ratio: Math.round((rate / 50) * 1000) / 1000, sends: sent.length, throttled_over_limit: stub.throttled.overLimit,
  };
}
