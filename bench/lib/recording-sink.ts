import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A connector sink like ./sink.ts that also remembers which conversations were sent an Adaptive Card
 * (a new message or an update), for checking answers that go out through the connector, not the HTTP reply.
 */
export async function startRecordingSink(): Promise<{ url: string; cardsTo(conversationId: string): number; stop(): Promise<void> }> {
  const cards = new Map<string, number>();
  let n = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const conversation = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '')?.[1];
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { attachments?: { contentType?: string }[] };
        const id = conversation && decodeURIComponent(conversation);
        if (id && body.attachments?.some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')) cards.set(id, (cards.get(id) ?? 0) + 1);
      } catch {
        // Not JSON: not a card, nothing to remember.
      }
      n += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"id":"s-${n}"}`);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    cardsTo: (id) => cards.get(id) ?? 0,
    stop: () => new Promise((r) => { server.close(() => r()); server.closeAllConnections(); }),
  };
}
