import { z } from 'zod';

/** Empty values in an env file mean "not set". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, value: z.input<T>) => z.preprocess((v) => (v === '' || v === undefined ? value : v), schema);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** `host:port`, an IPv6 host in brackets (`[::1]:7000`). */
const HOST_PORT = /^(?:\[(?<ipv6>[0-9a-fA-F:.]+)\]|(?<host>[^\s:,[\]]+)):(?<port>\d{1,5})$/;
/** Some or all of a Redis Cluster's nodes, `host:port,host:port,...`; ioredis discovers the rest. */
const clusterNodes = z.string().transform((value, ctx) => {
  const entries = value.split(',').map((e) => e.trim());
  const nodes = entries.map((entry) => {
    const m = HOST_PORT.exec(entry);
    const port = Number(m?.groups?.port);
    return m && port >= 1 && port <= 65535 ? { host: (m.groups!.ipv6 ?? m.groups!.host)!, port } : undefined;
  });
  const bad = entries.find((_, i) => !nodes[i]);
  if (bad === undefined) return nodes as { host: string; port: number }[];
  ctx.addIssue({ code: 'custom', message: `must be host:port, comma-separated (not "${bad}")` });
  return z.NEVER;
});

/** A host name or address that can only be this machine. */
export const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/** Comma-separated values, trimmed, empties dropped. */
const list = z.string().transform((v) => v.split(',').map((x) => x.trim()).filter(Boolean));

/** Where the tab's signing keys come from: https, or http on this machine only (local issuers in tests). */
const jwksUrl = z.string().refine((u) => {
  try {
    const url = new URL(u);
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  } catch {
    return false;
  }
}, 'must be an https URL (http only on 127.0.0.1 or localhost)');

export const ConfigSchema = z.object({
  PORT: withDefault(z.coerce.number().int().min(0).max(65535), 3978),
  HOST: withDefault(z.string().min(1), '127.0.0.1'),
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')),
  REDIS_CLUSTER_NODES: optional(clusterNodes),
  MICROSOFT_APP_ID: withDefault(z.string(), ''),
  MICROSOFT_APP_PASSWORD: withDefault(z.string(), ''),
  MICROSOFT_APP_TYPE: withDefault(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']), 'MultiTenant'),
  MICROSOFT_APP_TENANT_ID: withDefault(z.string(), ''),
  LOG_LEVEL: withDefault(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  DEFAULT_SERVICE: optional(z.string().regex(/^[a-z][a-z0-9_]*$/)),
  CATALOGUE_DIR: optional(z.string().min(1)),
  DEMO_DATA: withDefault(bool, 'true'),
  DEMO_USER_ID: withDefault(z.string().min(1), 'demo-social-worker'),
  DRAFT_TTL_DAYS: withDefault(z.coerce.number().int().min(1).max(365), 30),
  SHUTDOWN_GRACE_MS: withDefault(z.coerce.number().int().min(0).max(120_000), 10_000),
  PUBLIC_URL: optional(z.string().regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'must be an http(s) URL').transform((u) => u.replace(/\/$/, ''))),
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
  TAB_SSO_AUDIENCE: optional(list.pipe(z.array(z.string().min(1)).min(1, 'must name at least one audience'))),
  TAB_SSO_ISSUER: optional(z.string().regex(/^https?:\/\/\S+$/, 'must be the issuer URL, e.g. https://login.microsoftonline.com/{tenantid}/v2.0')),
  TAB_SSO_JWKS_URL: optional(jwksUrl),
  /** Entra tenant ids whose people may use the tab; unset = any tenant the issuer vouches for. */
  ALLOWED_TENANTS: optional(list),
  /** `npm run playground`: the tab with a local token issuer for the demo people. Loopback only (see below). */
  TAB_LOCAL_ISSUER: withDefault(bool, 'false'),
}).superRefine((config, ctx) => {
  const sso = [config.TAB_SSO_AUDIENCE, config.TAB_SSO_ISSUER, config.TAB_SSO_JWKS_URL].filter((v) => v !== undefined).length;
  if (sso !== 0 && sso !== 3) {
    ctx.addIssue({ code: 'custom', path: ['TAB_SSO_AUDIENCE'], message: 'set TAB_SSO_AUDIENCE, TAB_SSO_ISSUER and TAB_SSO_JWKS_URL together (or none)' });
  }
  // A local issuer signs tokens for anyone who asks: it must never be reachable from another machine.
  if (config.TAB_LOCAL_ISSUER) {
    if (!isLoopbackHost(config.HOST)) ctx.addIssue({ code: 'custom', path: ['TAB_LOCAL_ISSUER'], message: `the local token issuer runs on a loopback HOST only (127.0.0.1, ::1 or localhost), not "${config.HOST}"` });
    if (config.PUBLIC_URL && !isLoopbackHost(new URL(config.PUBLIC_URL).hostname)) {
      ctx.addIssue({ code: 'custom', path: ['TAB_LOCAL_ISSUER'], message: 'the local token issuer cannot run behind a PUBLIC_URL that is not on this machine' });
    }
    if (sso > 0) ctx.addIssue({ code: 'custom', path: ['TAB_LOCAL_ISSUER'], message: 'use the local token issuer or TAB_SSO_*, not both' });
  }
  // Two systems of record would be one too many: refuse rather than guess which one was meant.
  if (config.REDIS_URL && config.REDIS_CLUSTER_NODES) {
    ctx.addIssue({ code: 'custom', path: ['REDIS_CLUSTER_NODES'], message: 'set REDIS_URL (one Redis server) or REDIS_CLUSTER_NODES (a Redis Cluster), not both' });
  }
});
export type Config = z.infer<typeof ConfigSchema>;

/** Where the system of record lives: the embedded memory store unless a Redis is configured. */
export function storeKind(config: Config): 'memory' | 'redis' | 'cluster' {
  if (config.REDIS_CLUSTER_NODES) return 'cluster';
  return config.REDIS_URL ? 'redis' : 'memory';
}

export class ConfigError extends Error {}

/** Reads the environment once at start-up; a wrong value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
