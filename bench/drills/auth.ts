import { resolve } from 'node:path';
import { freePort, startRedis } from '../../test/support/redis-server';
import { BOT, BOT_ENV } from '../lib/build';
import { cleanupStack } from '../lib/cleanup';
import { startHealthy } from '../lib/healthy-node';
import { signingKey, signJwt, startOpenIdServer } from '../lib/openid-server';
import { watchOutput } from '../lib/output-watch';
import { startSink } from '../lib/sink';

/** Synthetic registration: no such app exists; the password is never sent anywhere (outbound is refused). */
const APP_ID = '6f1e4bd2-5d8a-4c55-9c1d-00000000d211';
const ISSUER = 'https://api.botframework.com';
const GUARD = resolve(__dirname, '../lib/loopback-guard.cjs');
const LOCAL_OPENID = resolve(__dirname, '../lib/local-openid.cjs');
const CARD = 'application/vnd.microsoft.card.adaptive';

type Token = (claims: Record<string, unknown>) => string | undefined;

/**
 * Tokens the Bot Framework would sign, and the ways a forged or stale one differs. Each is one claim (or key)
 * away from the valid token; the check must be refused without the turn running.
 */
function cases(keys: ReturnType<typeof keySet>, serviceUrl: string): Record<string, Token> {
  const now = Math.floor(Date.now() / 1000);
  const valid = { iss: ISSUER, aud: APP_ID, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600 };
  return {
    wrong_issuer: (c) => signJwt({ ...valid, ...c, iss: 'https://api.botframework.example.org' }, keys.teams),
    wrong_audience: (c) => signJwt({ ...valid, ...c, aud: '0b0e0f00-0000-4000-8000-0000000a0d1e' }, keys.teams),
    bad_signature: (c) => signJwt({ ...valid, ...c }, { kid: keys.teams.kid, privateKey: keys.forger.privateKey }),
    // Beyond the library's five minutes of clock tolerance.
    expired: (c) => signJwt({ ...valid, ...c, nbf: now - 7200, iat: now - 7200, exp: now - 3600 }, keys.teams),
    wrong_service_url: (c) => signJwt({ ...valid, ...c, serviceurl: 'https://smba.trafficmanager.net/emea/' }, keys.teams),
    unsigned: () => undefined,
    alg_none: (c) => signJwt({ ...valid, ...c }, keys.teams, 'none'),
    not_yet_valid: (c) => signJwt({ ...valid, ...c, nbf: now + 3600, iat: now + 3600, exp: now + 7200 }, keys.teams),
    unknown_key: (c) => signJwt({ ...valid, ...c }, { kid: 'not-published', privateKey: keys.forger.privateKey }),
    unendorsed_key: (c) => signJwt({ ...valid, ...c }, keys.webchatOnly),
    garbage_token: () => 'not-a-jwt',
  };
}

function keySet() {
  return { teams: signingKey('drill-teams-key'), webchatOnly: signingKey('drill-webchat-key', ['webchat']), forger: signingKey('forger') };
}

/** A card action in personal chat that answers in the HTTP reply and sends nothing through the connector. */
const invoke = (serviceUrl: string, who: string) => JSON.stringify({
  type: 'invoke', name: 'adaptiveCard/action', id: `auth-${who}`, channelId: 'msteams', serviceUrl, timestamp: new Date().toISOString(),
  from: { id: `29:${who}`, aadObjectId: who, name: 'Synthetic Auth Drill' }, recipient: { id: `28:${APP_ID}`, name: 'Consultations' },
  conversation: { id: `a:${who}`, conversationType: 'personal', tenantId: 'tenant-auth-drill' }, value: { action: { type: 'Action.Execute', verb: 'requests.mine', data: {} } },
});

/**
 * The bot with a (synthetic) app id checks every request's Bot Framework token against keys from a local
 * OpenID metadata server: a valid token is served, each kind of bad one is refused before the turn runs.
 *
 * The bot's configuration cannot move the metadata address (src/adapters/teams/bot-endpoint.ts passes only the
 * app id, password, type and tenant), and passing botbuilder's `BotOpenIdMetadata` alone would switch it to
 * a fully parameterised setup with no issuer. So ../lib/local-openid.cjs, preloaded, changes the library's
 * metadata constants and nothing else: the production code path runs as it is.
 */
export async function run({ smoke: _smoke }: { smoke: boolean }) {
  const stack = cleanupStack();
  try {
    return await drill(stack);
  } finally {
    await stack.close();
  }
}

async function drill(stack: ReturnType<typeof cleanupStack>) {
  const keys = keySet();
  const openid = await startOpenIdServer([keys.teams, keys.webchatOnly]);
  stack.defer(() => openid.stop());
  const redis = await startRedis();
  stack.defer(() => redis.stop());
  const sink = await startSink();
  stack.defer(() => sink.stop());
  const env = { ...BOT_ENV, REDIS_URL: redis.url, NOTIFIER: 'off', MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'synthetic-drill-password',
    MICROSOFT_APP_TYPE: 'MultiTenant', MICROSOFT_APP_TENANT_ID: '', BENCH_OPENID_METADATA_URL: openid.metadataUrl };
  const bot = await startHealthy(BOT, env, await freePort(), ['--require', GUARD, '--require', LOCAL_OPENID]);
  stack.defer(() => bot.stop());
  const output = watchOutput();
  output.attach(bot.child);
  const c = redis.client();
  const post = async (who: string, token: string | undefined) => {
    const r = await fetch(`${bot.url}/api/messages`, { method: 'POST', body: invoke(sink.url, who),
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, signal: AbortSignal.timeout(15_000) });
    const text = await r.text();
    // The turn ran if the bot remembered who spoke to it (written first thing in every turn).
    const ran = (await c.hexists('cb:directory', `name:${who}`)) === 1;
    return { status: r.status, card: text.includes(`"type":"${CARD}"`), ran };
  };
  const valid = signJwt({ iss: ISSUER, aud: APP_ID, serviceurl: sink.url, nbf: Math.floor(Date.now() / 1000) - 60, exp: Math.floor(Date.now() / 1000) + 3600 }, keys.teams);
  const first = await post('aad-auth-valid-1', valid);
  const statuses: Record<string, number> = {};
  const refused: Record<string, boolean> = {};
  const turnsRun: string[] = [];
  for (const [name, token] of Object.entries(cases(keys, sink.url))) {
    const r = await post(`aad-auth-${name}`, token({}));
    statuses[name] = r.status;
    refused[name] = (r.status === 401 || r.status === 403) && !r.ran;
    if (r.ran || r.card) turnsRun.push(name);
  }
  // Still served after the refusals: a forged token must not have spoiled the cached keys.
  const last = await post('aad-auth-valid-2', valid);
  const accepted = [first, last].filter((r) => r.status === 200 && r.card && r.ran).length;
  await new Promise((r) => setTimeout(r, 200));
  return {
    pass: accepted === 2 && Object.values(refused).every(Boolean) && turnsRun.length === 0 && output.counts.outbound_refused === 0 && sink.sends() === 0,
    valid_accepted: accepted, valid_attempts: 2, refused, statuses, turns_run_when_refused: turnsRun,
    metadata_fetches: openid.served(), outbound_refused: output.counts.outbound_refused, connector_sends: sink.sends(),
  };
}
