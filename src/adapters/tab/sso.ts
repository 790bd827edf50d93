import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';

/** How the tab's Teams SSO tokens are checked: who must have issued them, for whom, and with which keys. */
export interface SsoSettings {
  /** Accepted audiences: the app's client id and/or its Application ID URI (api://host/client-id). */
  audience: string[];
  /** The issuer; `{tenantid}` stands for the token's own tenant (a multi-tenant app's Entra issuer). */
  issuer: string;
  jwksUrl: string;
  /** When not empty, the only tenants whose people are let in. */
  allowedTenants: string[];
}

/** The person a valid token speaks for: their Entra object id (the same id the bot knows them by) and tenant. */
export interface TabUser {
  oid: string;
  tid: string | undefined;
}

/** Why a token was refused, for the log (never the token or its claims). */
export type TokenProblem =
  | 'not_configured' | 'no_token' | 'too_long' | 'expired' | 'bad_signature' | 'bad_audience' | 'bad_issuer' | 'bad_algorithm'
  | 'no_scope' | 'other_tenant' | 'no_oid' | 'keys_unavailable' | 'malformed';

export type Verified = { ok: true; user: TabUser } | { ok: false; problem: TokenProblem };

/** The delegated permission the tab's Entra app exposes and Teams asks for on the user's behalf. */
export const TAB_SCOPE = 'access_as_user';
/** Far longer than any Entra access token: anything longer is refused before it is parsed. */
const MAX_TOKEN = 16_384;
/** Entra signs with RS256; accepting only that rules out `none` and key-confusion tricks. */
const ALGORITHMS = ['RS256'];

function problemOf(e: unknown): TokenProblem {
  if (e instanceof errors.JWTExpired) return 'expired';
  if (e instanceof errors.JWSSignatureVerificationFailed || e instanceof errors.JWKSNoMatchingKey) return 'bad_signature';
  if (e instanceof errors.JOSEAlgNotAllowed || e instanceof errors.JOSENotSupported) return 'bad_algorithm';
  if (e instanceof errors.JWTClaimValidationFailed) return e.claim === 'aud' ? 'bad_audience' : e.claim === 'iss' ? 'bad_issuer' : 'malformed';
  if (e instanceof errors.JWKSTimeout || e instanceof errors.JWKSInvalid || (e instanceof Error && e.name === 'TypeError')) return 'keys_unavailable';
  return 'malformed';
}

function checkClaims(payload: JWTPayload, settings: SsoSettings): Verified {
  const tid = typeof payload.tid === 'string' ? payload.tid : undefined;
  const issuer = settings.issuer.includes('{tenantid}') ? (tid ? settings.issuer.replaceAll('{tenantid}', tid) : undefined) : settings.issuer;
  if (!issuer || payload.iss !== issuer) return { ok: false, problem: 'bad_issuer' };
  const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
  if (!scopes.includes(TAB_SCOPE)) return { ok: false, problem: 'no_scope' };
  if (settings.allowedTenants.length > 0 && (!tid || !settings.allowedTenants.includes(tid))) return { ok: false, problem: 'other_tenant' };
  if (typeof payload.oid !== 'string' || payload.oid.length === 0 || payload.oid.length > 200) return { ok: false, problem: 'no_oid' };
  return { ok: true, user: { oid: payload.oid, tid } };
}

/**
 * Checks the tab's bearer tokens: signature against the issuer's published keys (fetched and cached by jose, so
 * unauthenticated callers cannot make us fetch them at will), algorithm, expiry (a minute's clock skew), audience,
 * issuer, the `access_as_user` scope and, when ALLOWED_TENANTS is set, the tenant. Settings are read on first use,
 * since a local issuer's address is known only once the server listens.
 */
export function tokenVerifier(settingsOf: () => SsoSettings | undefined): (authorization: string | undefined) => Promise<Verified> {
  let keys: { url: string; set: ReturnType<typeof createRemoteJWKSet> } | undefined;
  return async (authorization) => {
    const settings = settingsOf();
    if (!settings) return { ok: false, problem: 'not_configured' };
    const match = /^Bearer ([A-Za-z0-9_.~+/=-]+)$/.exec(authorization ?? '');
    if (!match) return { ok: false, problem: authorization && authorization.length > MAX_TOKEN ? 'too_long' : 'no_token' };
    if (match[1]!.length > MAX_TOKEN) return { ok: false, problem: 'too_long' };
    if (keys?.url !== settings.jwksUrl) keys = { url: settings.jwksUrl, set: createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5000 }) };
    try {
      const { payload } = await jwtVerify(match[1]!, keys.set, { audience: settings.audience, algorithms: ALGORITHMS, clockTolerance: 60, requiredClaims: ['exp', 'iss', 'aud'] });
      return checkClaims(payload, settings);
    } catch (e) {
      return { ok: false, problem: problemOf(e) };
    }
  };
}
