import { signingKey, signJwt, startOpenIdServer } from '../../bench/lib/openid-server';
import { submitManyEligible } from '../support/booking';
import { useBotOnRedis } from '../support/bot-harness';

/**
 * The workspace tab's API over HTTP, with Teams SSO configured through the three TAB_SSO_* variables against a local
 * stand-in for Entra's key set: the two exact contracts, a 401 for each way a token can be wrong, and a 403 (audited)
 * for a role that may not see a page.
 */
jest.setTimeout(60_000);

const TENANT = '7a1b2c3d-0000-4000-8000-00000000aaaa';
const OTHER_TENANT = '7a1b2c3d-0000-4000-8000-00000000bbbb';
const CLIENT_ID = '5e6f7a8b-0000-4000-8000-0000000000c1';
const APP_ID_URI = `api://tab.example.test/${CLIENT_ID}`;
const COORDINATOR = 'aad-tab-coord';
const CLINICIAN = 'aad-tab-clin';
const REFERRER = 'aad-tab-sw';

const key = signingKey('tab-key-1');
const impostor = signingKey('tab-key-1');
let openid: Awaited<ReturnType<typeof startOpenIdServer>>;
let jwksUrl = '';

beforeAll(async () => {
  openid = await startOpenIdServer([key]);
  jwksUrl = openid.metadataUrl.replace('openidconfiguration', 'keys');
});
afterAll(async () => openid?.stop());

const env = useBotOnRedis({
  ROSTER: `${COORDINATOR}:coordinator+clinician,${CLINICIAN}:clinician`,
  get TAB_SSO_AUDIENCE() { return `${APP_ID_URI},${CLIENT_ID}`; },
  TAB_SSO_ISSUER: 'https://login.microsoftonline.com/{tenantid}/v2.0',
  get TAB_SSO_JWKS_URL() { return jwksUrl; },
  ALLOWED_TENANTS: TENANT,
});

const now = () => Math.floor(Date.now() / 1000);
function claims(oid: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, aud: CLIENT_ID, oid, tid: TENANT, scp: 'access_as_user', ver: '2.0',
    iat: now() - 60, nbf: now() - 60, exp: now() + 3600, name: 'Synthetic Person', ...overrides,
  };
}
const token = (oid: string, overrides: Record<string, unknown> = {}) => signJwt(claims(oid, overrides), key);

async function get(path: string, bearer?: string): Promise<Response> {
  return fetch(`${env.h.bot.url}${path}`, { headers: bearer === undefined ? {} : { authorization: `Bearer ${bearer}` } });
}

describe('the tab API\'s contracts, with a token signed by the keys TAB_SSO_JWKS_URL names', () => {
  it('GET /api/tab/me answers the person\'s id and their roles per service, exactly', async () => {
    const res = await get('/api/tab/me', token(COORDINATOR));
    expect(res.status).toBe(200);
    // Parsed here, so that the comparison is strict (no extra keys) in the test's own realm.
    expect(JSON.parse(await res.text())).toStrictEqual({ id: COORDINATOR, services: [{ service: 'fass', roles: ['clinician', 'coordinator'] }] });
    expect(JSON.parse(await (await get('/api/tab/me', token(REFERRER, { aud: APP_ID_URI }))).text())).toStrictEqual({ id: REFERRER, services: [] });
  });

  it('GET /api/tab/reports gives the contract\'s fields, and &format=csv the same figures as CSV', async () => {
    const refs = await submitManyEligible(env.h.bot.app, { id: 'aad-tab-referrer', name: 'Synthetic Referrer' }, 3);
    expect(refs).toHaveLength(3);
    const year = new Date().toISOString().slice(0, 4);
    const path = `/api/tab/reports?service=fass&from=${year}-01-01&to=${year}-12-31`;
    const res = await get(path, token(COORDINATOR));
    expect(res.status).toBe(200);
    const report = await res.json() as Record<string, unknown>;
    for (const field of ['requests', 'by_outcome', 'by_status', 'not_recommended_reasons', 'hours_to_first_offer', 'hours_to_booked', 'consultations_completed', 'completion_outcomes']) {
      expect(report).toHaveProperty(field);
    }
    expect(report.requests).toBe(3);
    expect(JSON.parse(JSON.stringify(report.by_outcome))).toStrictEqual({ eligible: 3, clinical_review: 0, not_recommended: 0, cannot_proceed: 0 });
    expect(report.hours_to_first_offer).toMatchObject({ median: null, p90: null });
    expect(report.hours_to_booked).toMatchObject({ median: null, p90: null });
    expect(report.consultations_completed).toBe(0);
    expect(report.episodes).toMatchObject({ opened: 0, closed: 0, active: 0, sessions_attended: 0, attendance: { share: null }, outcomes: { phq9: { paired_cases: 0 } } });

    const csv = await get(`${path}&format=csv`, token(COORDINATOR));
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = (await csv.text()).trim().split('\r\n').map((line) => line.split(','));
    expect(rows[0]).toEqual(['metric', 'key', 'value']);
    const value = (metric: string, key = '') => rows.find((r) => r[0] === metric && r[1] === key)?.[2];
    expect(value('requests')).toBe('3');
    expect(value('by_outcome', 'eligible')).toBe('3');
    expect(value('by_status', 'awaiting_booking')).toBe(String((report.by_status as Record<string, number>).awaiting_booking));
    expect(value('hours_to_booked', 'median')).toBe('');
    expect(value('completion_outcomes', 'advice_given')).toBe('0');
  });
});

describe('tokens the tab API refuses (401, the reason logged as a code)', () => {
  const faults: [string, () => string, string][] = [
    ['from another issuer', () => token(COORDINATOR, { iss: `https://login.example.test/${TENANT}/v2.0` }), 'bad_issuer'],
    ['for another audience', () => token(COORDINATOR, { aud: 'api://someone-else.example.test/other-app' }), 'bad_audience'],
    ['signed by another key with the same key id', () => signJwt(claims(COORDINATOR), impostor), 'bad_signature'],
    ['expired', () => token(COORDINATOR, { iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 }), 'expired'],
    ['without the access_as_user scope', () => token(COORDINATOR, { scp: 'User.Read' }), 'no_scope'],
    ['from a tenant not allowed', () => token(COORDINATOR, { tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }), 'other_tenant'],
    ['unsigned (alg none)', () => signJwt(claims(COORDINATOR), key, 'none'), 'bad_algorithm'],
    ['that is not a token', () => 'not.a.token', 'malformed'],
  ];

  it.each(faults)('refuses a token %s', async (_, make, problem) => {
    const before = env.h.logs.lines.length;
    const res = await get('/api/tab/me', make());
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect(await res.json()).toMatchObject({ error: 'unauthorized' });
    const logged = env.h.logs.lines.slice(before).map((l) => JSON.parse(l) as { evt?: string; problem?: string }).find((l) => l.evt === 'tab_unauthorized');
    expect(logged?.problem).toBe(problem);
  });

  it('refuses a request with no token at all, on every API route, before reading anything', async () => {
    for (const path of ['/api/tab/me', '/api/tab/reports?service=fass', '/api/tab/triage?service=fass', '/api/tab/cases/fass/FASS-2026-0001']) {
      expect((await get(path)).status).toBe(401);
    }
  });
});

describe('roles (403, audited)', () => {
  it('refuses the reports to a clinician and triage to someone on no roster, and writes the refusals to the audit trail', async () => {
    const reports = await get('/api/tab/reports?service=fass&from=2026-01-01&to=2026-12-31', token(CLINICIAN));
    expect(reports.status).toBe(403);
    expect(await reports.json()).toMatchObject({ error: 'not_allowed' });
    expect((await get('/api/tab/triage?service=fass', token(REFERRER))).status).toBe(403);
    const denied = (await env.h.bot.app.store.audit.recent('fass', 50)).filter((e) => e.result === 'denied');
    expect(denied).toEqual(expect.arrayContaining([
      expect.objectContaining({ actor: CLINICIAN, action: 'report.view' }), expect.objectContaining({ actor: REFERRER, action: 'triage.list' }),
    ]));
  });

  it('shows a coordinator a case in full, audited with the fields read, and refuses a clinician it is not booked with', async () => {
    const [reference] = await submitManyEligible(env.h.bot.app, { id: 'aad-tab-referrer', name: 'Synthetic Referrer' }, 1);
    const res = await get(`/api/tab/cases/fass/${reference}`, token(COORDINATOR));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ reference, status: 'awaiting_booking', details: expect.arrayContaining([expect.objectContaining({ title: 'Family name' })]) });
    expect((await get(`/api/tab/cases/fass/${reference}`, token(CLINICIAN))).status).toBe(403);
    const reads = (await env.h.bot.app.store.audit.recent('fass', 50)).filter((e) => e.action === 'case.read' && e.subject === reference);
    expect(reads.map((e) => [e.actor, e.result])).toEqual([[CLINICIAN, 'denied'], [COORDINATOR, 'ok']]);
    expect(reads[1]!.detail!.fields).toBe('reference,status,dates,referrer,answers,screening,review,outcome,notes,next_steps');
  });
});
