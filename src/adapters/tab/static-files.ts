import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Request, Response, Server } from 'restify';

/** Where `npm run build:web` writes the tab's bundle. */
export const WEB_DIST = resolve(__dirname, '../../../dist-web');

/** The Teams and Microsoft 365 hosts that frame a tab (Teams on the web, the desktop and mobile clients, Outlook, microsoft365.com). */
const TEAMS_HOSTS = [
  'https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://teams.cloud.microsoft', 'https://*.cloud.microsoft', 'https://*.office.com',
  'https://*.microsoft365.com', 'https://outlook.office.com', 'https://outlook.office365.com', 'https://*.skype.com', 'https://*.teams.microsoft.us',
];

/**
 * The tab's pages run only scripts from here; styles also inline, since Fluent UI (Griffel) writes its styles at run
 * time; they call only this server (and TeamsJS its list of Teams origins), and only Teams (or the playground on this
 * server) may frame them.
 */
export const TAB_CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "font-src 'self' data:",
  "connect-src 'self' https://res.cdn.office.net", `frame-ancestors 'self' ${TEAMS_HOSTS.join(' ')}`, "base-uri 'none'", "form-action 'none'", "object-src 'none'",
].join('; ');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json' };
/** Only these names are ever read: no path from a request reaches the disk. */
const ASSET = /^[a-z0-9][a-z0-9-]{0,60}\.(js|css)(\.map)?$/;

/** Sends one built file, or says how to build the tab when it has not been built. */
export async function sendBuilt(res: Response, file: string, csp: string, dir = WEB_DIST): Promise<void> {
  const extension = file.slice(file.lastIndexOf('.'));
  try {
    const body = await readFile(resolve(dir, file));
    res.writeHead(200, {
      'content-type': TYPES[extension] ?? 'application/octet-stream', 'content-security-policy': csp, 'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer', 'cache-control': 'no-cache',
    });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
    res.end(extension === '.html' ? 'The workspace has not been built here: run `npm run build:web`.\n' : 'Not found\n');
  }
}

/** Serves the tab: its page at /tab/ (the static and configurable tabs point here) and its bundle beside it. */
export function registerTabPages(server: Server, dir = WEB_DIST): void {
  server.get('/tab', async (_req: Request, res: Response) => {
    res.writeHead(301, { location: '/tab/' });
    res.end();
  });
  server.get('/tab/', async (_req: Request, res: Response) => sendBuilt(res, 'index.html', TAB_CSP, dir));
  server.get('/tab/:file', async (req: Request, res: Response) => {
    const file = String((req.params as Record<string, string>).file ?? '');
    if (!ASSET.test(file)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
      return;
    }
    await sendBuilt(res, file, TAB_CSP, dir);
  });
}
