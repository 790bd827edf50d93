import restify, { type Request, type Response } from 'restify';
import { bodyReader, type BodyLimits, type ReadBody } from './read-json-body';

/** The bot endpoint as the server sees it: a request in, a response out. It knows nothing of consultations. */
export interface MessageEndpoint {
  process(req: Request, res: Response): Promise<void>;
}

export interface HttpServerOptions {
  endpoint: MessageEndpoint;
  /** Whether the store answers, for /healthz (which also says which Node runs the bot). */
  health: () => Promise<boolean>;
  /** The calendar invite for a booking, or null when there is no such booking. */
  calendar?: (params: { service: string; reference: string; bookingId: string }) => Promise<string | null>;
  /** Other surfaces' routes (the workspace tab), added after the bot's own; they read bodies with the same bounded reader. */
  routes?: (server: restify.Server, readBody: ReadBody) => void;
  /** A subject-access export behind a link that expires (JSON), or null when the link is unknown or has expired. */
  exportFile?: (params: { service: string; reference: string; token: string }) => Promise<string | null>;
  /** Bounds on what is read before the sender is authenticated; defaults to 256 KB and 64 bodies at once. */
  bodyLimits?: BodyLimits;
}

export interface HttpServer {
  server: restify.Server;
  /** Turns being handled right now; shutdown waits for them. */
  inFlight(): number;
}

export const DEFAULT_BODY_LIMITS: BodyLimits = { maxBytes: 256 * 1024, maxConcurrent: 64, maxInflating: 2 };

/** How long a caller may take to send its headers, and its whole request: a slow sender cannot hold a connection for ever. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * restify serving POST /api/messages and GET /healthz. restify's bodyParser is not used: it bounded only
 * the compressed bytes and handed multipart/form-data to formidable, which writes uploads to disk before
 * anyone is authenticated. Bodies are read by read-json-body.ts instead: JSON only, bounded on the wire,
 * once inflated and in number, before the adapter (and its token check) sees them.
 */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const server = restify.createServer({ name: 'consultation-bot', handleUncaughtExceptions: false });
  server.server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.server.requestTimeout = REQUEST_TIMEOUT_MS;
  const bodies = bodyReader(options.bodyLimits ?? DEFAULT_BODY_LIMITS);
  let inFlight = 0;
  server.post('/api/messages', async (req: Request, res: Response) => {
    inFlight += 1;
    try {
      const read = await bodies.read(req);
      if (!read.ok) {
        // A refused body may still be arriving: the connection is closed after the answer rather than read to its end.
        res.header('connection', 'close');
        if (read.status === 503) res.header('retry-after', '1');
        res.send(read.status, { error: read.error });
        return;
      }
      (req as Request & { body: unknown }).body = read.body;
      await options.endpoint.process(req, res);
    } catch {
      // A body that is not an activity (no type, not JSON) fails before the adapter's own error handling:
      // it is the sender's mistake, answered 400 without echoing anything back.
      if (!res.headersSent) res.send(400, { error: 'not_an_activity' });
    } finally {
      inFlight -= 1;
    }
  });
  server.get('/healthz', async (_req: Request, res: Response) => {
    const up = await options.health();
    res.send(up ? 200 : 503, { status: up ? 'ok' : 'degraded', store: up ? 'up' : 'down', node: process.version });
  });
  server.get('/calendar/:service/:reference/:file', async (req: Request, res: Response) => {
    const { service = '', reference = '', file = '' } = req.params as Record<string, string>;
    const ics = file.endsWith('.ics') && options.calendar ? await options.calendar({ service, reference, bookingId: file.slice(0, -4) }) : null;
    if (ics === null) {
      res.send(404, { error: 'not_found' });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="${reference}.ics"`, 'cache-control': 'no-store' });
    res.end(ics);
  });
  server.get('/export/:service/:reference/:token', async (req: Request, res: Response) => {
    const { service = '', reference = '', token = '' } = req.params as Record<string, string>;
    const wellFormed = /^[a-z][a-z0-9_]{0,39}$/.test(service) && /^[A-Z]{2,8}-\d{4}-\d{4,}$/.test(reference) && /^[A-Za-z0-9_-]{20,100}$/.test(token);
    const json = wellFormed && options.exportFile ? await options.exportFile({ service, reference, token }) : null;
    if (json === null) {
      res.send(404, { error: 'not_found' });
      return;
    }
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${reference}-subject-access.json"`,
      'cache-control': 'no-store', 'referrer-policy': 'no-referrer',
    });
    res.end(json);
  });
  options.routes?.(server, (req) => bodies.read(req));
  return { server, inFlight: () => inFlight };
}
