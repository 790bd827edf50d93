import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The connector sink: a local server standing in for the Bot Connector, answering every send at once. */
export async function startSink(): Promise<{ url: string; sends(): number; stop(): Promise<void> }> {
  let sends = 0;
  let n = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      sends += 1;
      n += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(`{"id":"s-${n}"}`);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    sends: () => sends,
    stop: () => new Promise((r) => { server.close(() => r()); server.closeAllConnections(); }),
  };
}
