import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { startHarness, type Harness } from '../support/bot-harness';

jest.setTimeout(60_000);

/** Runs the bot as its own process until it exits (it should refuse to start); its exit code and what it printed. */
function runBot(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, '../../src/main.ts')], {
      env: { ...process.env, LOG_LEVEL: 'warn', DEMO_DATA: 'false', PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => { clearTimeout(timer); done({ code, output }); });
  });
}

describe('the playground\'s local token issuer', () => {
  it('cannot be enabled on a host that is not loopback: the bot refuses to start and says why', async () => {
    const { code, output } = await runBot({ HOST: '0.0.0.0', TAB_LOCAL_ISSUER: 'true' });
    expect(code).toBe(1);
    expect(output).toMatch(/TAB_LOCAL_ISSUER: the local token issuer runs on a loopback HOST only \(127\.0\.0\.1, ::1 or localhost\), not "0\.0\.0\.0"/);
  });

  describe('on loopback', () => {
    let h: Harness;
    beforeAll(async () => { h = await startHarness({ TAB_LOCAL_ISSUER: 'true', ROSTER: 'demo-coordinator:coordinator' }); });
    afterAll(async () => h?.stop());

    it('signs tokens for the demo people only, which the tab API then accepts', async () => {
      const issue = (user: string) => fetch(`${h.bot.url}/playground/issuer/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user }) });
      expect((await issue('someone-else')).status).toBe(400);
      const { access_token: token } = await (await issue('demo-coordinator')).json() as { access_token: string };
      const me = await fetch(`${h.bot.url}/api/tab/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(JSON.parse(await me.text())).toStrictEqual({ id: 'demo-coordinator', services: [{ service: 'fass', roles: ['coordinator'] }] });
      const config = await (await fetch(`${h.bot.url}/playground/issuer/.well-known/openid-configuration`)).json() as { jwks_uri: string };
      expect(config.jwks_uri).toBe(`${h.bot.url}/playground/issuer/keys`);
    });

    it('answers nothing that came through a proxy or asked for another host', async () => {
      const issue = (headers: Record<string, string>) => fetch(`${h.bot.url}/playground/issuer/token`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ user: 'demo-coordinator' }),
      });
      expect((await issue({})).status).toBe(200);
      expect((await issue({ 'x-forwarded-for': '203.0.113.9' })).status).toBe(403);
      expect((await issue({ forwarded: 'for=203.0.113.9' })).status).toBe(403);
      // fetch sets Host itself, so this one goes through node:http.
      const asked = await new Promise<number>((done, fail) => {
        const url = new URL('/playground/issuer/keys', h.bot.url);
        request({ host: url.hostname, port: url.port, path: url.pathname, headers: { host: 'consultations.example.org' } }, (res) => { res.resume(); done(res.statusCode ?? 0); })
          .on('error', fail).end();
      });
      expect(asked).toBe(403);
      expect((await fetch(`${h.bot.url}/playground/issuer/keys`, { headers: { 'x-forwarded-host': 'consultations.example.org' } })).status).toBe(403);
    });

    it('is not there at all when not enabled', async () => {
      const off = await startHarness({});
      try {
        expect((await fetch(`${off.bot.url}/playground/issuer/token`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(404);
        expect((await fetch(`${off.bot.url}/playground/`)).status).toBe(404);
      } finally {
        await off.stop();
      }
    });
  });
});
