import { isIP } from 'node:net';
import { z } from 'zod';

/** Empty values in an env file mean "not set". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, value: z.input<T>) => z.preprocess((v) => (v === '' || v === undefined ? value : v), schema);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** `host:port`, the host a name, an IPv4 address or a bracketed IPv6 one. */
const HOST_PORT = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9][A-Za-z0-9.-]*):(\d{1,5})$/;
export interface HostPort {
  host: string;
  port: number;
}
/** A list of `host:port`, comma-separated (Sentinels, or some of a Cluster's nodes); a wrong entry is named. */
const hostPorts = z.string().transform((list, ctx): HostPort[] => {
  const entries = list.split(',').map((e) => e.trim());
  const parsed = entries.map((e) => HOST_PORT.exec(e)).map((m) => m && { host: m[1]!.replace(/^\[|\]$/g, ''), port: Number(m[2]) });
  const bad = entries.find((_, i) => !parsed[i] || parsed[i]!.port < 1 || parsed[i]!.port > 65535);
  if (bad !== undefined) {
    ctx.addIssue({ code: 'custom', message: `must be host:port pairs, comma-separated (not "${bad}"), e.g. 10.0.0.1:26379,10.0.0.2:26379` });
    return z.NEVER;
  }
  return parsed as HostPort[];
});

/** Whether a listening address keeps the bot on this machine: localhost, 127.0.0.0/8 or ::1. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

/** Comma-separated ids, blanks dropped. */
const idList = z.string().max(20_000).transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));
/** Turns a minute; 0 switches the limit off. */
const perMinute = z.coerce.number().int().min(0).max(1_000_000);

/** Where the tab's signing keys come from: https, or http on this machine only (local issuers in tests). */
const jwksUrl = z.string().refine((u) => {
  try {
    const url = new URL(u);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
  } catch {
    return false;
  }
}, 'must be an https URL (http only on 127.0.0.1 or localhost)');

export const ConfigSchema = z.object({
  PORT: withDefault(z.coerce.number().int().min(0).max(65535), 3978),
  HOST: withDefault(z.string().min(1), '127.0.0.1'),
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')),
  REDIS_SENTINELS: optional(hostPorts),
  /** Some or all of a Redis Cluster's nodes; ioredis discovers the rest. */
  REDIS_CLUSTER_NODES: optional(hostPorts),
  REDIS_SENTINEL_NAME: optional(z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'must be the name the sentinels monitor the primary by (letters, digits, . _ -)')),
  REDIS_SENTINEL_PASSWORD: optional(z.string()),
  REDIS_USERNAME: optional(z.string()),
  REDIS_PASSWORD: optional(z.string()),
  REDIS_MIN_REPLICAS_ACK: withDefault(z.coerce.number().int().min(0).max(10), 0),
  REDIS_REPLICA_ACK_TIMEOUT_MS: withDefault(z.coerce.number().int().min(10).max(10_000), 500),
  MICROSOFT_APP_ID: withDefault(z.string(), ''),
  MICROSOFT_APP_PASSWORD: withDefault(z.string(), ''),
  MICROSOFT_APP_TYPE: withDefault(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']), 'SingleTenant'),
  MICROSOFT_APP_TENANT_ID: withDefault(z.string(), ''),
  ALLOW_LOCAL_MODE_ON_NETWORK: withDefault(bool, 'false'),
  ALLOWED_TENANTS: withDefault(idList, ''),
  INBOUND_USER_PER_MINUTE: withDefault(perMinute, 120),
  INBOUND_TENANT_PER_MINUTE: withDefault(perMinute, 6000),
  TRIAGE_TEAM_IDS: withDefault(z.string().max(20_000), ''),
  LOG_LEVEL: withDefault(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  DEFAULT_SERVICE: optional(z.string().regex(/^[a-z][a-z0-9_]*$/)),
  CATALOGUE_DIR: optional(z.string().min(1)),
  DEMO_DATA: withDefault(bool, 'false'),
  DEMO_USER_ID: withDefault(z.string().min(1), 'demo-social-worker'),
  DRAFT_TTL_DAYS: withDefault(z.coerce.number().int().min(1).max(365), 30),
  SHUTDOWN_GRACE_MS: withDefault(z.coerce.number().int().min(0).max(120_000), 10_000),
  PUBLIC_URL: optional(z.string().regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'must be an http(s) URL').transform((u) => u.replace(/\/$/, ''))),
  ICS_LINK_DAYS: withDefault(z.coerce.number().int().min(0).max(365), 7),
  EXPORT_LINK_MINUTES: withDefault(z.coerce.number().int().min(1).max(1440), 15),
  MEETING_URL_TEMPLATE: withDefault(z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL').refine((u) => u.includes('{bookingId}'), 'must contain {bookingId}'),
    'https://teams.microsoft.com/l/meetup-join/consultation/{bookingId}'),
  ROSTER: withDefault(z.string().max(20_000), ''),
  JOB_POLL_MS: withDefault(z.coerce.number().int().min(50).max(600_000), 1000),
  JOB_LEASE_MS: withDefault(z.coerce.number().int().min(1000).max(3_600_000), 60_000),
  NOTIFIER: withDefault(z.enum(['inline', 'off']), 'inline'),
  NOTIFY_GLOBAL_PER_SECOND: withDefault(z.coerce.number().int().min(1).max(1000), 50),
  OUTBOX_BLOCK_MS: withDefault(z.coerce.number().int().min(10).max(60_000), 1000),
  OUTBOX_RECLAIM_IDLE_MS: withDefault(z.coerce.number().int().min(100).max(3_600_000), 30_000),
  OUTBOX_MAX_ATTEMPTS: withDefault(z.coerce.number().int().min(1).max(50), 6),
  /** The workspace tab's Teams SSO: the token audience(s), issuer ({tenantid} for a multi-tenant app) and signing keys. */
  TAB_SSO_AUDIENCE: optional(idList.pipe(z.array(z.string().min(1)).min(1, 'must name at least one audience'))),
  TAB_SSO_ISSUER: optional(z.string().regex(/^https?:\/\/\S+$/, 'must be the issuer URL, e.g. https://login.microsoftonline.com/{tenantid}/v2.0')),
  TAB_SSO_JWKS_URL: optional(jwksUrl),
  /** `npm run playground`: the tab with a local token issuer for the demo people. Loopback only (see below). */
  TAB_LOCAL_ISSUER: withDefault(bool, 'false'),
}).superRefine((c, ctx) => {
  const refuse = (variable: string, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message });
  const sso = [c.TAB_SSO_AUDIENCE, c.TAB_SSO_ISSUER, c.TAB_SSO_JWKS_URL].filter((v) => v !== undefined).length;
  if (sso !== 0 && sso !== 3) {
    refuse('TAB_SSO_AUDIENCE', 'set TAB_SSO_AUDIENCE, TAB_SSO_ISSUER and TAB_SSO_JWKS_URL together (or none)');
  }
  // A local issuer signs tokens for anyone who asks: it must never be reachable from another machine.
  if (c.TAB_LOCAL_ISSUER) {
    if (!isLoopback(c.HOST)) refuse('TAB_LOCAL_ISSUER', `the local token issuer runs on a loopback HOST only (127.0.0.1, ::1 or localhost), not "${c.HOST}"`);
    if (c.PUBLIC_URL && !isLoopback(new URL(c.PUBLIC_URL).hostname)) {
      refuse('TAB_LOCAL_ISSUER', 'the local token issuer cannot run behind a PUBLIC_URL that is not on this machine');
    }
    if (sso > 0) refuse('TAB_LOCAL_ISSUER', 'use the local token issuer or TAB_SSO_*, not both');
  }
  // Two ways to one store would be a guess at which holds the cases: refuse rather than pick.
  if (c.REDIS_URL && c.REDIS_SENTINELS) refuse('REDIS_URL', 'set either REDIS_URL (one Redis) or REDIS_SENTINELS (a primary found through Sentinel), not both');
  if (c.REDIS_CLUSTER_NODES && (c.REDIS_URL || c.REDIS_SENTINELS)) {
    refuse('REDIS_CLUSTER_NODES', 'set one of REDIS_URL (one Redis server), REDIS_SENTINELS (a primary found through Sentinel) or REDIS_CLUSTER_NODES (a Redis Cluster), not several');
  }
  if (c.REDIS_SENTINELS && !c.REDIS_SENTINEL_NAME) refuse('REDIS_SENTINEL_NAME', 'required with REDIS_SENTINELS: the name the sentinels monitor the primary by');
  if (c.REDIS_SENTINEL_NAME && !c.REDIS_SENTINELS) refuse('REDIS_SENTINELS', 'required with REDIS_SENTINEL_NAME');
  if (c.REDIS_SENTINEL_PASSWORD !== undefined && !c.REDIS_SENTINELS) refuse('REDIS_SENTINEL_PASSWORD', 'only used with REDIS_SENTINELS');
  for (const v of ['REDIS_USERNAME', 'REDIS_PASSWORD'] as const) {
    if (c[v] !== undefined && c.REDIS_URL) refuse(v, 'with REDIS_URL, put the credentials in the URL (redis://user:password@host:port)');
    else if (c[v] !== undefined && !c.REDIS_SENTINELS) refuse(v, 'only used with REDIS_SENTINELS');
  }
  if (c.REDIS_MIN_REPLICAS_ACK > 0 && !c.REDIS_URL && !c.REDIS_SENTINELS) {
    refuse('REDIS_MIN_REPLICAS_ACK', c.REDIS_CLUSTER_NODES ? 'not with REDIS_CLUSTER_NODES: a Cluster\'s writes go to many primaries' : 'needs Redis (REDIS_URL or REDIS_SENTINELS): the embedded store has no replicas');
  }
  // Local mode believes whatever a post says about who sent it: only this machine may post, unless told otherwise.
  if (!c.MICROSOFT_APP_ID && !isLoopback(c.HOST) && !c.ALLOW_LOCAL_MODE_ON_NETWORK) {
    ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_ID'], message: `is empty (local mode: nothing is authenticated and any caller can act as anyone) while HOST=${c.HOST} is not loopback. `
      + 'Set MICROSOFT_APP_ID (and MICROSOFT_APP_PASSWORD), or HOST=127.0.0.1, or ALLOW_LOCAL_MODE_ON_NETWORK=true if only you can reach this network' });
  }
  if (c.MICROSOFT_APP_ID && c.MICROSOFT_APP_TYPE !== 'MultiTenant' && !c.MICROSOFT_APP_TENANT_ID) {
    ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_TENANT_ID'], message: `is required with MICROSOFT_APP_TYPE=${c.MICROSOFT_APP_TYPE}: your organisation's Microsoft Entra tenant id` });
  }
});
export type Config = z.infer<typeof ConfigSchema>;

/** Where the system of record lives, when it is Redis. */
export type RedisTarget =
  | { kind: 'single'; url: string }
  | { kind: 'sentinel'; sentinels: HostPort[]; name: string; sentinelPassword?: string; username?: string; password?: string }
  | { kind: 'cluster'; nodes: HostPort[] };

/** The Redis the configuration names, or undefined for the embedded in-memory store. */
export function redisTarget(config: Config): RedisTarget | undefined {
  if (config.REDIS_URL) return { kind: 'single', url: config.REDIS_URL };
  if (config.REDIS_CLUSTER_NODES) return { kind: 'cluster', nodes: config.REDIS_CLUSTER_NODES };
  if (config.REDIS_SENTINELS && config.REDIS_SENTINEL_NAME) {
    return {
      kind: 'sentinel', sentinels: config.REDIS_SENTINELS, name: config.REDIS_SENTINEL_NAME,
      ...(config.REDIS_SENTINEL_PASSWORD !== undefined ? { sentinelPassword: config.REDIS_SENTINEL_PASSWORD } : {}),
      ...(config.REDIS_USERNAME !== undefined ? { username: config.REDIS_USERNAME } : {}),
      ...(config.REDIS_PASSWORD !== undefined ? { password: config.REDIS_PASSWORD } : {}),
    };
  }
  return undefined;
}

/** The kind of store, as logs and checks name it. */
export function storeKind(config: Config): 'memory' | 'redis' | 'sentinel' | 'cluster' {
  const target = redisTarget(config);
  return !target ? 'memory' : target.kind === 'single' ? 'redis' : target.kind;
}

/**
 * The tenants whose activities are served, in the chat and the tab alike: ALLOWED_TENANTS, or else a single-tenant
 * app's own tenant; 'any' only for a multi-tenant app with no list (or local mode with none).
 */
export function allowedTenants(config: Config): ReadonlySet<string> | 'any' {
  if (config.ALLOWED_TENANTS.length > 0) return new Set(config.ALLOWED_TENANTS);
  if (config.MICROSOFT_APP_ID && config.MICROSOFT_APP_TYPE !== 'MultiTenant' && config.MICROSOFT_APP_TENANT_ID) return new Set([config.MICROSOFT_APP_TENANT_ID]);
  return 'any';
}

export class ConfigError extends Error {}

/** Reads the environment once at start-up; a wrong value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
