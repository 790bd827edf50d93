import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordPost } from './transcript';

/** One call the bot made to the (stub) Bot Connector. */
export interface ConnectorCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
  at: number;
}

export interface ConnectorStubOptions {
  /**
   * Enforce Teams' limits for bots: per conversation 7 a second and 60 in 30 seconds, and `globalPerSecond`
   * across all; a send over a limit is answered 429 with Retry-After and not recorded.
   */
  teamsLimits?: { globalPerSecond: number };
  /** Also answer this share of sends (0..1) with 429 and Retry-After: 1, as Teams does under load. */
  random429?: number;
  /** Hold each answer this long, so that sends are in flight (ms). */
  delayMs?: number;
  random?: () => number;
  /** Which sends the limits and refusals apply to (default: all). */
  appliesTo?: (method: string, path: string) => boolean;
  /** Refuse this send with this HTTP status (429 comes with Retry-After: 1), as Teams does when it will not take it. */
  refuse?: (method: string, path: string) => number | undefined;
}

export interface ConnectorStub {
  url: string;
  /** Sends that were accepted (answered 2xx), in order. */
  calls: ConnectorCall[];
  /** Sends answered 429: those over a Teams limit, and those refused at random. */
  throttled: { overLimit: number; random: number; reasons: string[] };
  /** Sends refused through `refuse`, in order. */
  refused: { method: string; path: string; status: number }[];
  stop(): Promise<void>;
}

const conversationOf = (path: string) => decodeURIComponent(path.split('/')[3] ?? '').split(';')[0]!;

/**
 * A local HTTP server standing in for the Bot Connector (the serviceUrl of incoming activities): it records
 * what the bot sends and answers as the real one would, optionally with Teams' rate limits. Microsoft's
 * cloud cannot run here. A send counts as shown when it is answered: one the bot gave up on before the
 * answer (it died) is not.
 */
export async function startConnectorStub(options: ConnectorStubOptions = {}): Promise<ConnectorStub> {
  const calls: ConnectorCall[] = [];
  const throttled = { overLimit: 0, random: 0, reasons: [] as string[] };
  const refused: ConnectorStub['refused'] = [];
  const windows = new Map<string, number[]>();
  const global: number[] = [];
  const random = options.random ?? Math.random;
  let n = 0;

  /** True when this send would break a Teams limit; otherwise records it against the limits. */
  function overLimit(path: string, now: number): boolean {
    if (!options.teamsLimits) return false;
    const key = conversationOf(path);
    const times = (windows.get(key) ?? []).filter((t) => t > now - 30_000);
    while (global.length > 0 && global[0]! <= now - 1000) global.shift();
    const lastSecond = times.filter((t) => t > now - 1000).length;
    if (lastSecond >= 7 || times.length >= 60 || global.length >= options.teamsLimits.globalPerSecond) {
      throttled.reasons.push(lastSecond >= 7 ? 'conversation_per_second' : times.length >= 60 ? 'conversation_per_30s' : 'global_per_second');
      return true;
    }
    times.push(now);
    global.push(now);
    windows.set(key, times);
    return false;
  }

  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const path = req.url ?? '';
      const answer = () => {
        if (res.destroyed || req.socket.destroyed) return; // the bot went away before the answer: not shown
        const sending = (req.method === 'POST' || req.method === 'PUT') && (options.appliesTo?.(req.method, path) ?? true);
        const refusal = sending ? options.refuse?.(req.method ?? '', path) : undefined;
        if (refusal !== undefined) {
          refused.push({ method: req.method ?? '', path, status: refusal });
          res.writeHead(refusal, { 'content-type': 'application/json', ...(refusal === 429 ? { 'retry-after': '1' } : {}) });
          res.end(JSON.stringify({ error: { code: refusal === 429 ? 'TooManyRequests' : 'Refused' } }));
          return;
        }
        if (sending && options.random429 && random() < options.random429) {
          throttled.random += 1;
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
          res.end(JSON.stringify({ error: { code: 'TooManyRequests' } }));
          return;
        }
        if (sending && overLimit(path, Date.now())) {
          throttled.overLimit += 1;
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
          res.end(JSON.stringify({ error: { code: 'TooManyRequests' } }));
          return;
        }
        const call = { method: req.method ?? '', path, body: body ? (JSON.parse(body) as Record<string, unknown>) : {}, at: Date.now() };
        calls.push(call);
        if (call.method === 'POST' || call.method === 'PUT') recordPost(conversationOf(path), call.body);
        n += 1;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `sent-${n}` }));
      };
      if (options.delayMs) setTimeout(answer, options.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    throttled,
    refused,
    stop: () => new Promise((r) => {
      server.close(() => r());
      server.closeAllConnections();
    }),
  };
}
