import restify, { type Request, type Response } from 'restify';

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
  /** Other surfaces' routes (the workspace tab), added after the bot's own. */
  routes?: (server: restify.Server) => void;
}

export interface HttpServer {
  server: restify.Server;
  /** Turns being handled right now; shutdown waits for them. */
  inFlight(): number;
}

/** restify serving POST /api/messages and GET /healthz; bodies are bounded before the adapter sees them. */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const server = restify.createServer({ name: 'consultation-bot', handleUncaughtExceptions: false });
  let inFlight = 0;
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false, mapFiles: false }));
  server.post('/api/messages', async (req: Request, res: Response) => {
    inFlight += 1;
    try {
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
  options.routes?.(server);
  return { server, inFlight: () => inFlight };
}
