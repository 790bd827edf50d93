/**
 * Lua scripts: each one is a single atomic step over keys that share a hash slot.
 * Documents live in hashes as `doc` (JSON) and `v` (version) for optimistic concurrency.
 * Audit entries arrive as the trailing ARGV field/value pairs and are appended with XADD.
 */

const VERSION_MATCHES = `
local function version_matches(key, next_version)
  local current = tonumber(redis.call('HGET', key, 'v') or '0')
  return current == tonumber(next_version) - 1
end
local function audit(stream, first)
  local fields = {}
  for i = first, #ARGV do fields[#fields + 1] = ARGV[i] end
  redis.call('XADD', stream, '*', unpack(fields))
end
local function save_draft(draft_key, active_key, doc, version, ttl, status, id)
  redis.call('HSET', draft_key, 'doc', doc, 'v', version)
  redis.call('PEXPIRE', draft_key, ttl)
  if status == 'open' then
    redis.call('SET', active_key, id, 'PX', ttl)
  elseif redis.call('GET', active_key) == id then
    redis.call('DEL', active_key)
  end
end
`;

/** KEYS: draft, active pointer, audit. ARGV: doc, version, ttl ms, status, draft id, audit pairs... */
export const SAVE_DRAFT = `${VERSION_MATCHES}
if not version_matches(KEYS[1], ARGV[2]) then return 'conflict' end
save_draft(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5])
audit(KEYS[3], 6)
return 'ok'`;

/** KEYS: reserved-for-draft, year sequence. ARGV: year, ttl ms. Returns "year:n". */
export const RESERVE_SEQUENCE = `
local reserved = redis.call('GET', KEYS[1])
if reserved then return reserved end
local n = redis.call('INCR', KEYS[2])
reserved = ARGV[1] .. ':' .. n
redis.call('SET', KEYS[1], reserved, 'PX', ARGV[2])
return reserved`;

/**
 * KEYS: request, draft, active pointer, owner index, audit.
 * ARGV: request doc, draft doc, draft version, ttl ms, draft id, submitted-at ms, reference, audit pairs...
 * Returns 'exists' (nothing changed), 'conflict' or 'created'.
 */
export const CREATE_REQUEST = `${VERSION_MATCHES}
if redis.call('EXISTS', KEYS[1]) == 1 then return 'exists' end
if not version_matches(KEYS[2], ARGV[3]) then return 'conflict' end
redis.call('HSET', KEYS[1], 'doc', ARGV[1], 'v', '1')
save_draft(KEYS[2], KEYS[3], ARGV[2], ARGV[3], ARGV[4], 'submitted', ARGV[5])
redis.call('ZADD', KEYS[4], ARGV[6], ARGV[7])
audit(KEYS[5], 8)
return 'created'`;

/** KEYS: request, audit. ARGV: doc, version, audit pairs... */
export const UPDATE_REQUEST = `${VERSION_MATCHES}
if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
if not version_matches(KEYS[1], ARGV[2]) then return 'conflict' end
redis.call('HSET', KEYS[1], 'doc', ARGV[1], 'v', ARGV[2])
audit(KEYS[2], 3)
return 'ok'`;
