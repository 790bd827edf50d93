import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the (stub) Bot Connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

/**
 * A local HTTP server standing in for the Bot Connector (the serviceUrl of incoming activities):
 * it records what the bot sends and answers as the real one would. Microsoft's cloud cannot run here.
 */
export async function startConnectorStub(): Promise<{ url: string; calls: ConnectorCall[]; stop(): Promise<void> }> {
  const calls: ConnectorCall[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      calls.push({ method: req.method ?? '', path: req.url ?? '', body: body ? JSON.parse(body) : {} });
      n += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `sent-${n}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    stop: () => new Promise((r) => {
      server.close(() => r());
      server.closeAllConnections();
    }),
  };
}
