import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordPost } from '../../support/transcript';
import WebSocket from 'ws'; // ws@7 comes with botbuilder (botframework-streaming); Node 20 has no global WebSocket.

/** A mock Teams user. `aadObjectId` defaults to `aad-<id>`, `email` to `<id>@example.org`. */
export interface PlaygroundUser { id: string; name: string; aadObjectId?: string; email?: string }

/** The mock tenant. Only `currentUser` is required: the playground sends text messages as this user. */
export interface PlaygroundSetup {
  currentUser: PlaygroundUser;
  /** Up to 5 more users, all members of the group chat and the team (the file is padded with filler users). */
  otherUsers?: PlaygroundUser[];
  tenantId?: string;
  bot?: { id: string; name: string };
  personalChatId?: string;
  groupChat?: { id: string; name: string };
  /** The General channel's conversation id is the team id; `channel` is the one extra channel allowed. */
  team?: { id: string; name: string; aadGroupId?: string; channel?: { id: string; name: string } };
}
type Resolved = Required<Omit<PlaygroundSetup, 'team'>> & { team: Required<NonNullable<PlaygroundSetup['team']>> };

/** Something the bot sent, as pushed on the playground's conversation WebSocket. */
export interface BotEvent {
  /** `create` = new message, `update` = updateActivity, `typing` = typing indicator. */
  kind: 'create' | 'update' | 'typing';
  /**
   * Conversation the message lives in; in a channel this is the thread, `<channelId>;messageid=<rootId>`. An `update`
   * carries no thread id: it keeps the id the bot addressed, the bare channel id when the bot updates a post it started.
   */
  conversationId: string;
  messageId?: string;
  text?: string;
  attachments: { contentType: string; content: unknown }[];
  /** Content of the first Adaptive Card attachment, if any. */
  card?: Record<string, unknown>;
  raw: unknown;
}

/** Reply of `POST /_conversation/v1/invoke`: the bot's invoke response body, e.g. `{ type: CARD_TYPE, value: card }`. */
export interface InvokeResult { type?: string; value?: unknown }

export interface StartOptions {
  /** The bot's messaging endpoint, e.g. `http://127.0.0.1:3978/api/messages`. */
  botEndpoint: string;
  setup: PlaygroundSetup;
  /** 0 (default) lets the playground pick a free port; a busy port also makes it pick a random one. */
  port?: number;
  /** Where the playground writes its console log (default: its temp dir, removed by stop()). */
  logFile?: string;
  startTimeoutMs?: number;
}

export const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

function resolveSetup(s: PlaygroundSetup): Resolved {
  return {
    currentUser: s.currentUser, otherUsers: s.otherUsers ?? [], tenantId: s.tenantId ?? 'tenant-e2e',
    bot: s.bot ?? { id: 'bot-e2e', name: 'Consultation Bot' }, personalChatId: s.personalChatId ?? `personal-${s.currentUser.id}`,
    groupChat: s.groupChat ?? { id: 'group-e2e', name: 'E2E Group' },
    team: { id: 'team-e2e', name: 'E2E Team', aadGroupId: 'aad-team-e2e', channel: { id: 'channel-e2e', name: 'Consultations' }, ...s.team },
  };
}

/** The `.m365agentsplayground.yml` content (JSON is valid YAML). Its schema demands exactly 5 `users`. */
function configFile(s: Resolved): object {
  if (s.otherUsers.length > 5) throw new Error('the playground takes at most 5 users besides currentUser');
  const fillers = [1, 2, 3, 4, 5].map((n) => ({ id: `filler-${n}`, name: `Filler User${n}` }));
  const user = (u: PlaygroundUser) => ({
    id: u.id, name: u.name, userPrincipleName: u.email ?? `${u.id}@example.org`, aadObjectId: u.aadObjectId ?? `aad-${u.id}`,
    givenName: u.name.split(' ')[0] ?? u.name, surname: u.name.split(' ').slice(1).join(' ') || u.name, email: u.email ?? `${u.id}@example.org`,
  });
  return {
    version: '0.1.1', tenantId: s.tenantId, bot: s.bot, currentUser: user(s.currentUser),
    users: [...s.otherUsers, ...fillers].slice(0, 5).map(user), personalChat: { id: s.personalChatId }, groupChat: s.groupChat,
    team: { id: s.team.id, name: s.team.name, aadGroupId: s.team.aadGroupId, channels: [s.team.channel] },
  };
}

/**
 * Starts `agentsplayground` (telemetry off, no browser, cwd and log in a temp dir) against `botEndpoint`, waits for
 * `/_debug/ping` and connects to its conversation WebSocket. Run it inside `netns-run`, in the same namespace as the bot.
 */
export async function startPlayground(opts: StartOptions): Promise<PlaygroundClient> {
  const setup = resolveSetup(opts.setup);
  const dir = mkdtempSync(join(tmpdir(), 'cb-playground-'));
  const config = join(dir, '.m365agentsplayground.yml');
  const logFile = opts.logFile ?? join(dir, 'playground.log');
  writeFileSync(config, JSON.stringify(configFile(setup), null, 2));
  const args = [require.resolve('@microsoft/m365agentsplayground/cli.js'), '--port', String(opts.port ?? 0),
    '--app-endpoint', opts.botEndpoint, '--channel-id', 'msteams', '--disable-telemetry'];
  const child = spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env,
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true', TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: config, M365_AGENTS_PLAYGROUND_LOGFILE: logFile } });
  let out = '';
  const fail = (why: string) => { // its errors (e.g. a bad config file) go to the log file only
    child.kill('SIGKILL');
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    return new Error(`agentsplayground ${why}: ${out}\n${log}`);
  };
  const port = await new Promise<number>((resolve, reject) => {
    const onExit = (code: number | null) => { clearTimeout(timer); reject(fail(`exited with ${code}`)); };
    const timer = setTimeout(() => { child.off('exit', onExit); reject(fail('did not start')); }, opts.startTimeoutMs ?? 30_000);
    child.once('exit', onExit);
    child.stderr?.on('data', (d: Buffer) => { out += d.toString(); });
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Listening on (\d+)/.exec(out); // the only line it prints when stdout is not a TTY
      if (m) { clearTimeout(timer); child.off('exit', onExit); resolve(Number(m[1])); }
    });
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; !(await fetch(`${url}/_debug/ping`).then((r) => r.ok, () => false)); i++) {
    if (i > 100 || child.exitCode !== null) throw fail('never answered /_debug/ping');
    await new Promise((r) => setTimeout(r, 50));
  }
  const ws = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
  await new Promise<void>((resolve, reject) => { ws.once('open', () => resolve()); ws.once('error', reject); });
  return new PlaygroundClient(url, setup, child, ws, dir);
}

/** One running playground. Text goes out as `setup.currentUser`; invokes, submits and `sendTextAs` can use other users. */
export class PlaygroundClient {
  /** Every bot event received so far, oldest first. */
  readonly events: BotEvent[] = [];
  private since = 0;
  private readonly taken = new Set<number>();

  constructor(readonly url: string, readonly setup: Resolved, private readonly child: ChildProcess,
    private readonly ws: WebSocket, private readonly dir: string) {
    ws.on('error', () => undefined); // a dying server must not crash the test process
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { action: string; actionConversationId: string; message?: Record<string, unknown> };
      const msg = m.message ?? {};
      const attachments = (msg.attachments as BotEvent['attachments'] | undefined) ?? [];
      if (m.action === 'createMessage' || m.action === 'updateMessage') {
        recordPost(String((msg.postConversationId as string | undefined) ?? m.actionConversationId), { text: msg.text, attachments, summary: msg.summary });
      }
      this.events.push({
        kind: m.action === 'createMessage' ? 'create' : m.action === 'updateMessage' ? 'update' : 'typing',
        conversationId: (msg.postConversationId as string | undefined) ?? m.actionConversationId,
        messageId: msg.messageId as string | undefined, text: msg.text as string | undefined, attachments, raw: m,
        card: attachments.find((a) => a.contentType === CARD_TYPE)?.content as Record<string, unknown> | undefined,
      });
    });
  }

  /** Conversation ids: currentUser's personal chat, the group chat, the team's General channel, the extra channel. */
  get ids() {
    const s = this.setup;
    return { personal: s.personalChatId, group: s.groupChat.id, general: s.team.id, channel: s.team.channel.id };
  }

  /** Makes later `waitFor` calls ignore the events received so far. Every send method calls it first. */
  mark(): void { this.since = this.events.length; }

  /**
   * Sends `text` as currentUser. To a channel id it starts a new post: reply in its thread with the returned
   * `postConversationId`. Outside the personal chat the bot only hears @mentions, so `mentionBot` defaults to true there.
   */
  async sendText(conversationId: string, text: string, mentionBot = conversationId !== this.ids.personal):
  Promise<{ messageId: string; postConversationId?: string }> {
    this.mark();
    const at = `<at>${this.setup.bot.name}</at>`;
    return this.call('POST', `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
      from: { id: this.setup.currentUser.id }, text: mentionBot ? `${at} ${text}` : text, textFormat: 'plain',
      mentions: mentionBot ? [{ mentioned: { id: this.setup.bot.id }, text: at }] : [],
    });
  }

  /**
   * Sends `text` as any `user` via the custom-activity API (not validated, not shown in the web UI). For a second user
   * in the group chat or a channel; to a channel id (no `;messageid=`) the bot's reply becomes a new post.
   */
  async sendTextAs(user: PlaygroundUser, conversationId: string, text: string, mentionBot = conversationId !== this.ids.personal) {
    this.mark();
    const { bot, team, tenantId } = this.setup;
    const tpl = await this.call<{ conversation: { conversationType?: string } }>('GET',
      `/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}`);
    const channel = conversationId.split(';')[0];
    const at = `<at>${bot.name}</at>`;
    await this.sendCustomActivity({
      ...tpl, type: 'message', textFormat: 'plain', text: mentionBot ? `${at} ${text}` : text, locale: 'en-US',
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId ?? `aad-${user.id}` },
      entities: mentionBot ? [{ type: 'mention', text: at, mentioned: { id: bot.id, name: bot.name } }] : [],
      channelData: tpl.conversation.conversationType === 'channel'
        ? { tenant: { id: tenantId }, team: { id: team.id }, channel: { id: channel }, teamsTeamId: team.id, teamsChannelId: channel }
        : { tenant: { id: tenantId } },
    });
  }

  /** Posts a raw activity to the bot as is (`POST /_internal/v1/customActivities`); resolves before the bot has run. */
  async sendCustomActivity(activity: Record<string, unknown>): Promise<void> {
    await this.call('POST', '/_internal/v1/customActivities', activity);
  }

  /**
   * Clicks an `Action.Execute` on card message `messageId` as `fromUserId` (default currentUser; must be a member of
   * the conversation) and resolves with the bot's invoke response. The updated card is NOT pushed on the WebSocket.
   */
  async invoke(conversationId: string, messageId: string, verb: string, data: Record<string, unknown> = {},
    fromUserId = this.setup.currentUser.id): Promise<InvokeResult> {
    this.mark();
    return this.call('POST', '/_conversation/v1/invoke', {
      name: 'adaptiveCard/action', from: { id: fromUserId }, conversation: { id: conversationId }, replyToId: messageId,
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
  }

  /** Clicks an `Action.Submit` on card message `messageId`: the bot gets a message activity whose `value` is `value`. */
  async submit(conversationId: string, messageId: string, value: Record<string, unknown>, fromUserId = this.setup.currentUser.id) {
    this.mark();
    await this.call('POST', '/_conversation/v1/submit', { conversation: { id: conversationId }, from: { id: fromUserId }, replyToId: messageId, value });
  }

  /** Installs the app in a conversation: the bot gets `installationUpdate` (add), then `conversationUpdate` membersAdded. */
  async install(conversationId: string): Promise<void> {
    this.mark();
    await this.call('POST', `/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
  }

  /** Resolves with the first event since the last send (or `mark()`) that matches and was not returned before. */
  async waitFor(match: (e: BotEvent) => boolean, timeoutMs = 10_000): Promise<BotEvent> {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
      for (let i = this.since; i < this.events.length; i++) {
        const e = this.events[i];
        if (e && !this.taken.has(i) && match(e)) { this.taken.add(i); return e; }
      }
    }
    const recent = this.events.slice(-5).map((e) => `${e.kind} ${e.conversationId} ${e.text ?? '[card]'}`).join('\n  ');
    throw new Error(`no matching bot event within ${timeoutMs} ms; last events:\n  ${recent}`);
  }

  /** Closes the WebSocket, stops the playground and removes its temp dir. */
  async stop(): Promise<void> {
    this.ws.close();
    if (this.child.exitCode === null && this.child.signalCode === null) {
      await new Promise<void>((resolve) => { this.child.once('exit', () => resolve()); this.child.kill('SIGTERM'); });
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const init = body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    const res = await fetch(this.url + path, init);
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
