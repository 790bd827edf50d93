import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Request, Response, Server } from 'restify';
import { isLoopback } from '../../config';
import type { ReadBody } from '../../http/read-json-body';
import { hasBody } from './http';
import { TAB_SCOPE, type SsoSettings } from './sso';
import { sendBuilt, WEB_DIST } from './static-files';

/** The playground's people: ids and names as .m365agentsplayground.yml and the demo data give them. All synthetic. */
export const PLAYGROUND_PEOPLE: Record<string, string> = {
  'demo-coordinator': 'Demo Coordinator', 'demo-clinician': 'Demo Clinician', 'demo-social-worker': 'Demo Social Worker', 'demo-therapist': 'Demo Family Therapist',
};
export const PLAYGROUND_TENANT = 'tenant-demo';
export const PLAYGROUND_AUDIENCE = 'api://localhost/consultations-workspace';
const KID = 'playground-1';
const TOKEN_MINUTES = 60;

const PLAYGROUND_CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface LocalIssuer {
  /** The SSO settings that trust this issuer (and only it), once the server's address is known. */
  settings(): SsoSettings;
  register(server: Server, readBody: ReadBody): void;
}

/**
 * From this machine and not through a proxy: the peer is loopback, the Host asked for is loopback, and no proxy has
 * added its forwarding headers (a reverse proxy on this machine would otherwise pass the loopback peer check).
 */
function fromThisMachine(req: Request): boolean {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '');
  const proxied = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'].some((h) => req.headers[h] !== undefined);
  return !proxied && isLoopback(host) && isLoopback((req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''));
}

/**
 * A stand-in for Entra ID for `npm run playground`: an OpenID configuration, a key set and a token endpoint that signs
 * tokens for the playground's demo people, and the host page that frames the tab as Teams would. Configuration refuses
 * it on a host that is not loopback (see config.ts); here every request must also come from this machine. Its key is
 * made at start-up and never leaves the process.
 */
export async function createLocalIssuer(baseUrl: () => string, dir = WEB_DIST): Promise<LocalIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: KID, use: 'sig', alg: 'RS256' };
  const issuer = () => `${baseUrl()}/playground/issuer`;
  const refuseRemote = (req: Request, res: Response) => {
    if (fromThisMachine(req)) return false;
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The playground issuer answers this machine only.\n');
    return true;
  };
  const sendJson = (res: Response, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(JSON.stringify(body));
  };
  return {
    settings: () => ({ audience: [PLAYGROUND_AUDIENCE], issuer: issuer(), jwksUrl: `${issuer()}/keys`, allowedTenants: [PLAYGROUND_TENANT] }),
    register(server, readBody) {
      server.get('/playground/issuer/.well-known/openid-configuration', async (req: Request, res: Response) => {
        if (!refuseRemote(req, res)) sendJson(res, 200, { issuer: issuer(), jwks_uri: `${issuer()}/keys`, token_endpoint: `${issuer()}/token`, id_token_signing_alg_values_supported: ['RS256'] });
      });
      server.get('/playground/issuer/keys', async (req: Request, res: Response) => {
        if (!refuseRemote(req, res)) sendJson(res, 200, { keys: [jwk] });
      });
      server.post('/playground/issuer/token', async (req: Request, res: Response) => {
        if (refuseRemote(req, res)) return;
        const read = hasBody(req) ? await readBody(req) : { ok: true as const, body: undefined };
        const user = read.ok ? String((read.body as { user?: unknown } | undefined)?.user ?? '') : '';
        const name = PLAYGROUND_PEOPLE[user];
        if (!name) {
          sendJson(res, 400, { error: 'unknown_user', users: Object.keys(PLAYGROUND_PEOPLE) });
          return;
        }
        const token = await new SignJWT({ oid: user, tid: PLAYGROUND_TENANT, scp: TAB_SCOPE, name, preferred_username: `${user}@example.org`, ver: '2.0' })
          .setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT' }).setIssuer(issuer()).setAudience(PLAYGROUND_AUDIENCE).setSubject(`playground-${user}`)
          .setIssuedAt().setNotBefore('0s').setExpirationTime(`${TOKEN_MINUTES}m`).sign(privateKey);
        sendJson(res, 200, { access_token: token, token_type: 'Bearer', expires_in: TOKEN_MINUTES * 60 });
      });
      server.get('/playground/', async (req: Request, res: Response) => (refuseRemote(req, res) ? undefined : sendBuilt(res, 'playground.html', PLAYGROUND_CSP, dir)));
      server.get('/playground/host.js', async (req: Request, res: Response) => (refuseRemote(req, res) ? undefined : sendBuilt(res, 'playground-host.js', PLAYGROUND_CSP, dir)));
    },
  };
}
