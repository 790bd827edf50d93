import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A signing key as the Bot Framework publishes one: an RSA key with an id and the channels it vouches for. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  jwk: Record<string, unknown>;
}

export function signingKey(kid: string, endorsements: string[] = ['msteams']): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, kty: 'RSA', use: 'sig', endorsements } };
}

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** A compact JWS (RS256 unless told otherwise; `none` leaves the signature empty). */
export function signJwt(claims: Record<string, unknown>, key: { kid: string; privateKey: KeyObject }, alg: 'RS256' | 'none' = 'RS256'): string {
  const input = `${b64url({ alg, typ: 'JWT', kid: key.kid, x5t: key.kid })}.${b64url(claims)}`;
  if (alg === 'none') return `${input}.`;
  return `${input}.${sign('sha256', Buffer.from(input), key.privateKey).toString('base64url')}`;
}

/**
 * A local stand-in for https://login.botframework.com/v1/.well-known/openidconfiguration and the key set it
 * points to, on 127.0.0.1. Counts what it served; anything else gets 404.
 */
export async function startOpenIdServer(keys: SigningKey[]): Promise<{ metadataUrl: string; served(): Record<string, number>; stop(): Promise<void> }> {
  const served: Record<string, number> = {};
  const server = createServer((req, res) => {
    const { port } = server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const path = req.url ?? '';
    served[path] = (served[path] ?? 0) + 1;
    const send = (status: number, body: unknown) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };
    if (path === '/v1/.well-known/openidconfiguration') {
      send(200, { issuer: 'https://api.botframework.com', authorization_endpoint: `${base}/v1/.well-known/not-used`, jwks_uri: `${base}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'], token_endpoint_auth_methods_supported: ['private_key_jwt'] });
    } else if (path === '/v1/.well-known/keys') {
      send(200, { keys: keys.map((k) => k.jwk) });
    } else {
      send(404, { error: 'not_found' });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    metadataUrl: `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`,
    served: () => ({ ...served }),
    stop: () => new Promise((r) => { server.close(() => r()); server.closeAllConnections(); }),
  };
}
