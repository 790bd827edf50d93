import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Sink {
  url: string;
  sends(): number;
  /** Adaptive Cards sent to a conversation (new or updated); counted only when the sink was asked to record. */
  cardsTo(conversationId: string): number;
  stop(): Promise<void>;
}

/**
 * The connector sink: a local server standing in for the Bot Connector, answering every send at once.
 * With `recordCards` it also reads each body to count the cards per conversation (left off under load).
 */
export async function startSink(options: { recordCards?: boolean } = {}): Promise<Sink> {
  let sends = 0;
  const cards = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => { if (options.recordCards) chunks.push(c); });
    req.on('end', () => {
      sends += 1;
      if (options.recordCards) countCard(cards, req.url ?? '', Buffer.concat(chunks).toString());
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"id":"s-${sends}"}`);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    sends: () => sends,
    cardsTo: (id) => cards.get(id) ?? 0,
    stop: () => new Promise((r) => { server.close(() => r()); server.closeAllConnections(); }),
  };
}

function countCard(cards: Map<string, number>, url: string, raw: string): void {
  const conversation = /^\/v3\/conversations\/([^/]+)\/activities/.exec(url)?.[1];
  if (!conversation) return;
  try {
    const body = JSON.parse(raw || '{}') as { attachments?: { contentType?: string }[] };
    const id = decodeURIComponent(conversation);
    if (body.attachments?.some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')) cards.set(id, (cards.get(id) ?? 0) + 1);
  } catch {
    // Not JSON: not a card, nothing to remember.
  }
}
