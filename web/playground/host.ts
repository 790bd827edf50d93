/**
 * A stand-in for the Teams client for `npm run playground` and the browser tests: frames the tab and answers the
 * TeamsJS v2 messages it sends (initialize, getContext, authentication.getAuthToken), as Teams does over postMessage,
 * and sends it theme changes. Tokens come from the playground's local issuer on the same server. The tab must share
 * this page's origin: TeamsJS trusts messages from its own origin, and otherwise only Microsoft's hosts.
 */
interface Request { id: number; uuidAsString?: string; func: string; args?: unknown[] }

const PEOPLE = { 'demo-coordinator': 'Demo Coordinator', 'demo-clinician': 'Demo Clinician', 'demo-social-worker': 'Demo Social Worker (not on the roster)' } as const;
type Person = keyof typeof PEOPLE;

const params = new URLSearchParams(window.location.search);
const frame = document.getElementById('tab') as HTMLIFrameElement;
const userSelect = document.getElementById('user') as HTMLSelectElement;
const themeSelect = document.getElementById('theme') as HTMLSelectElement;
const state = {
  user: (params.get('user') ?? 'demo-coordinator') as Person,
  theme: params.get('theme') ?? 'default',
  frameContext: params.get('frame') ?? 'content',
};

/** The runtime a Teams web client announces: the capabilities the tab uses. */
const RUNTIME = JSON.stringify({
  apiVersion: 4, isLegacyTeams: false, hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  supports: { app: {}, appEntity: {}, appInitialization: {}, authentication: {}, pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, fullTrust: {}, tabs: {} }, teamsCore: {} },
});

function context() {
  return {
    locale: 'en-gb', theme: state.theme, frameContext: state.frameContext, hostClientType: 'web', hostName: 'Teams', entityId: params.get('page') ?? 'workspace',
    userObjectId: state.user, userDisplayName: PEOPLE[state.user], userPrincipalName: `${state.user}@example.org`, loginHint: `${state.user}@example.org`,
    tid: 'tenant-demo', appSessionId: 'playground-session', sessionId: 'playground-session',
  };
}

async function token(): Promise<[boolean, string]> {
  const res = await fetch('/playground/issuer/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user: state.user }) });
  if (!res.ok) return [false, 'resourceDisabled'];
  return [true, ((await res.json()) as { access_token: string }).access_token];
}

/** What the tab asked of its host, in order (the tests read it: e.g. that the settings page declared itself valid). */
const received: { func: string; args: unknown[] }[] = [];

const reply = (request: Request, args: unknown[]) => frame.contentWindow?.postMessage({ id: request.id, uuidAsString: request.uuidAsString, args }, window.location.origin);

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== frame.contentWindow || event.origin !== window.location.origin) return;
  const request = event.data as Request;
  if (typeof request?.func !== 'string' || typeof request.id !== 'number') return;
  received.push({ func: request.func, args: request.args ?? [] });
  switch (request.func) {
    case 'initialize': reply(request, [state.frameContext, 'web', RUNTIME, '2.58.0']); break;
    case 'getContext': reply(request, [context()]); break;
    case 'authentication.getAuthToken': void token().then((answer) => reply(request, answer), () => reply(request, [false, 'internalError'])); break;
    case 'settings.setSettings': reply(request, [true]); break;
    default: break; // registerHandler, appInitialization.*, settings.setValidityState: one-way messages with no answer.
  }
});

function setTheme(theme: string): void {
  state.theme = theme;
  themeSelect.value = theme;
  frame.contentWindow?.postMessage({ func: 'themeChange', args: [theme] }, window.location.origin);
}

function load(): void {
  const page = params.get('page');
  frame.src = `/tab/${page ? `?page=${encodeURIComponent(page)}` : ''}`;
}

for (const [id, name] of Object.entries(PEOPLE)) userSelect.append(new Option(name, id, false, id === state.user));
themeSelect.value = state.theme;
userSelect.addEventListener('change', () => { state.user = userSelect.value as Person; load(); });
themeSelect.addEventListener('change', () => setTheme(themeSelect.value));
Object.assign(window, { playground: { setTheme, received } });
load();
