import type { Request, Response } from 'restify';
import { z } from 'zod';
import type { Actor } from '../../app/context';
import { DomainError, fieldIssues, isDomainError, type ErrorCode } from '../../domain/errors';
import { errorRows } from '../../conversation/views/common';
import { ERROR_TEXT } from '../../conversation/wording/error-text';
import type { Logger } from '../../logger';
import type { ReadBody } from '../../http/read-json-body';
import type { Verified } from './sso';

/** What an API handler answers: JSON, or a file to download. */
export type Reply = { status?: number; json: unknown } | { csv: string; filename: string };

export type Handler = (actor: Actor, req: Request) => Promise<Reply>;

/** API answers are never cached, never sniffed as another type, and never framed or run as a page. */
const API_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" };

const STATUS: Partial<Record<ErrorCode, number>> = {
  invalid_input: 400, unknown_action: 400, not_allowed: 403, not_owner: 403, unknown_service: 404, request_not_found: 404, store_unavailable: 503,
};

function send(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...API_HEADERS, 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** A coded refusal as the workspace shows it: the code, the words for it, and which fields need attention. */
function sendError(res: Response, e: DomainError): void {
  const words = ERROR_TEXT[e.code];
  send(res, STATUS[e.code] ?? 409, { error: e.code, title: words.title, message: words.text.replaceAll('**', ''), issues: errorRows(e.issues) });
}

/** Whether a request carries a body to read (a POST or PUT with content; a DELETE usually has none). */
export const hasBody = (req: Request): boolean =>
  !['GET', 'HEAD'].includes(req.method ?? 'GET') && (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0);

/** The query string's values (restify runs no query parser here: the server is the HTTP edge's to configure). */
export const query = (req: Request): Record<string, string> => Object.fromEntries(new URL(req.url ?? '/', 'http://tab.invalid').searchParams);

/** Parses input with a schema; what does not fit is the sender's mistake, answered 400 with the fields named. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new DomainError('invalid_input', fieldIssues(parsed.error));
  return parsed.data;
}

/**
 * Wraps an API handler: the bearer token is checked first (401 without a valid one, nothing else read), then the
 * handler runs as the token's person; coded refusals become their status and words, anything else a bare 500.
 */
export function authenticated(verify: (authorization: string | undefined) => Promise<Verified>, log: Logger, handler: Handler, readBody: ReadBody) {
  return async (req: Request, res: Response): Promise<void> => {
    const verified = await verify(req.headers.authorization);
    if (!verified.ok) {
      log.info({ evt: 'tab_unauthorized', problem: verified.problem }, 'tab token refused');
      send(res, 401, { error: 'unauthorized', message: 'Sign-in is needed: open the workspace in Teams.' }, { 'www-authenticate': 'Bearer' });
      return;
    }
    // The body is read only now, for a signed-in person, with the same bounds as the bot's own (JSON only).
    if (hasBody(req)) {
      const read = await readBody(req);
      if (!read.ok) {
        res.header('connection', 'close');
        send(res, read.status, { error: read.error, message: 'That could not be read: send JSON, at most 256 KB.' });
        return;
      }
      (req as Request & { body: unknown }).body = read.body;
    }
    try {
      const reply = await handler({ id: verified.user.oid }, req);
      if ('csv' in reply) {
        res.writeHead(200, { ...API_HEADERS, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${reply.filename}"` });
        res.end(reply.csv);
      } else {
        send(res, reply.status ?? 200, reply.json);
      }
    } catch (e) {
      if (isDomainError(e)) {
        if (e.code === 'not_allowed' || e.code === 'not_owner') log.info({ evt: 'tab_refused', path: req.getRoute?.()?.path, code: e.code }, 'tab request refused');
        sendError(res, e);
        return;
      }
      log.error({ evt: 'tab_failed', path: req.getRoute?.()?.path, code: (e as Error).name }, 'tab request failed');
      send(res, 500, { error: 'internal', message: 'Something went wrong, so this may not have been done. Reload to see where things stand, then try again.' });
    }
  };
}
