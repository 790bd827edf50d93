import { isIP } from 'node:net';
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

export const ConfigSchema = z.object({
  PORT: withDefault(z.coerce.number().int().min(0).max(65535), 3978),
  HOST: withDefault(z.string().min(1), '127.0.0.1'),
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\/\S+$/, 'must be a redis:// or rediss:// URL')),
  REDIS_CLUSTER_NODES: optional(clusterNodes),
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
}).superRefine((config, ctx) => {
  // Two systems of record would be one too many: refuse rather than guess which one was meant.
  if (config.REDIS_URL && config.REDIS_CLUSTER_NODES) {
    ctx.addIssue({ code: 'custom', path: ['REDIS_CLUSTER_NODES'], message: 'set REDIS_URL (one Redis server) or REDIS_CLUSTER_NODES (a Redis Cluster), not both' });
  }
  // Local mode believes whatever a post says about who sent it: only this machine may post, unless told otherwise.
  if (!config.MICROSOFT_APP_ID && !isLoopback(config.HOST) && !config.ALLOW_LOCAL_MODE_ON_NETWORK) {
    ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_ID'], message: `is empty (local mode: nothing is authenticated and any caller can act as anyone) while HOST=${config.HOST} is not loopback. `
      + 'Set MICROSOFT_APP_ID (and MICROSOFT_APP_PASSWORD), or HOST=127.0.0.1, or ALLOW_LOCAL_MODE_ON_NETWORK=true if only you can reach this network' });
  }
  if (config.MICROSOFT_APP_ID && config.MICROSOFT_APP_TYPE !== 'MultiTenant' && !config.MICROSOFT_APP_TENANT_ID) {
    ctx.addIssue({ code: 'custom', path: ['MICROSOFT_APP_TENANT_ID'], message: `is required with MICROSOFT_APP_TYPE=${config.MICROSOFT_APP_TYPE}: your organisation's Microsoft Entra tenant id` });
  }
});
export type Config = z.infer<typeof ConfigSchema>;

/**
 * The tenants whose activities are served: ALLOWED_TENANTS, or else a single-tenant app's own tenant;
 * 'any' only for a multi-tenant app with no list (or local mode with none).
 */
export function allowedTenants(config: Config): ReadonlySet<string> | 'any' {
  if (config.ALLOWED_TENANTS.length > 0) return new Set(config.ALLOWED_TENANTS);
  if (config.MICROSOFT_APP_ID && config.MICROSOFT_APP_TYPE !== 'MultiTenant' && config.MICROSOFT_APP_TENANT_ID) return new Set([config.MICROSOFT_APP_TENANT_ID]);
  return 'any';
}

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
