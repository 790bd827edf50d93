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
local function publish(outbox, docs)
  for _, doc in ipairs(docs or {}) do redis.call('XADD', outbox, '*', 'n', doc) end
end
local function reindex(status_first, ix, links_key, old)
  for i = 0, ix.statuses - 1 do
    if i + 1 ~= ix.status then redis.call('ZREM', KEYS[status_first + i], ix.ref) end
  end
  redis.call('ZADD', KEYS[status_first + ix.status - 1], 'NX', ix.at, ix.ref)
  if old and type(old.links) == 'table' then
    for _, l in ipairs(old.links) do
      redis.call('ZREM', links_key, l.conversationId .. '|' .. ix.ref)
      if l.teamId then redis.call('ZREM', links_key, 'team:' .. l.teamId .. '|' .. ix.ref) end
    end
  end
  for _, c in ipairs(ix.links or {}) do redis.call('ZADD', links_key, 0, c .. '|' .. ix.ref) end
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
 * KEYS: request, draft, active pointer, owner index, audit, service index, outbox, the index of the request's status,
 * the draft's reserved number.
 * ARGV: request doc, draft doc, draft version, ttl ms, draft id, submitted-at ms, reference, notifications JSON, audit pairs...
 * Returns 'exists' (this draft's request; nothing changed), 'taken' (another draft's: the draft's number is
 * dropped so that a retry takes a new one), 'conflict' or 'created'.
 */
export const CREATE_REQUEST = `${VERSION_MATCHES}
local existing = redis.call('HGET', KEYS[1], 'doc')
if existing then
  if cjson.decode(existing).draftId == ARGV[5] then return 'exists' end
  redis.call('DEL', KEYS[9])
  return 'taken'
end
if not version_matches(KEYS[2], ARGV[3]) then return 'conflict' end
redis.call('HSET', KEYS[1], 'doc', ARGV[1], 'v', '1')
save_draft(KEYS[2], KEYS[3], ARGV[2], ARGV[3], ARGV[4], 'submitted', ARGV[5])
redis.call('ZADD', KEYS[4], ARGV[6], ARGV[7])
redis.call('ZADD', KEYS[6], ARGV[6], ARGV[7])
redis.call('ZADD', KEYS[8], ARGV[6], ARGV[7])
publish(KEYS[7], cjson.decode(ARGV[8]))
audit(KEYS[5], 9)
return 'created'`;

/**
 * KEYS: request, audit, job schedule, job documents, the claiming clinician's busy calendar, the releasing one's, outbox,
 * the links index, then the index of every status (in REQUEST_STATUSES order).
 * ARGV: doc, version, effects JSON, audit pairs...
 * Effects: {claim: {gap, times: [{start, end, member}]}, release: [member], schedule: [{id, due, doc}], unschedule: [id], notify: [doc],
 * index: {ref, status (1-based position), statuses (how many), at (ms, kept if the status did not change), links: [conversation ids]}}.
 * A claim any of whose times overlaps (widened by gap) a booking already in the calendar, or another of its own
 * times, answers 'busy' and changes nothing: this is the one place double bookings are prevented, whatever the
 * number of bots. The time being released (a session moving) does not count against the claim. Everything is
 * checked before anything is written: a script that stops half-way keeps what it wrote.
 */
export const UPDATE_REQUEST = `${VERSION_MATCHES}
if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
if not version_matches(KEYS[1], ARGV[2]) then return 'conflict' end
local fx = cjson.decode(ARGV[3])
local releasing = {}
if KEYS[5] == KEYS[6] then
  for _, member in ipairs(fx.release or {}) do releasing[member] = true end
end
if fx.claim then
  local gap = tonumber(fx.claim.gap)
  local claimed = {}
  for _, t in ipairs(fx.claim.times) do
    local s, e = tonumber(t.start), tonumber(t['end'])
    local near = redis.call('ZRANGEBYSCORE', KEYS[5], s - gap - 86400000, e + gap)
    for _, member in ipairs(near) do
      local ms, me = string.match(member, '^(%d+)|(%d+)|')
      if not releasing[member] and tonumber(ms) < e + gap and s < tonumber(me) + gap then return 'busy' end
    end
    for _, c in ipairs(claimed) do
      if c[1] < e + gap and s < c[2] + gap then return 'busy' end
    end
    claimed[#claimed + 1] = { s, e }
  end
end
for _, member in ipairs(fx.release or {}) do redis.call('ZREM', KEYS[6], member) end
if fx.claim then
  for _, t in ipairs(fx.claim.times) do redis.call('ZADD', KEYS[5], tonumber(t.start), t.member) end
end
for _, job in ipairs(fx.schedule or {}) do
  redis.call('ZADD', KEYS[3], job.due, job.id)
  redis.call('HSET', KEYS[4], job.id, job.doc)
end
for _, id in ipairs(fx.unschedule or {}) do
  redis.call('ZREM', KEYS[3], id)
  redis.call('HDEL', KEYS[4], id)
end
publish(KEYS[7], fx.notify)
reindex(9, fx.index, KEYS[8], cjson.decode(redis.call('HGET', KEYS[1], 'doc')))
redis.call('HSET', KEYS[1], 'doc', ARGV[1], 'v', ARGV[2])
audit(KEYS[2], 4)
return 'ok'`;

/**
 * KEYS: request, audit, job schedule, job documents, the releasing clinician's busy calendar, owner index, service index,
 * draft, reserved number, active draft pointer, links index, then the index of every status.
 * ARGV: reference, draft id, effects JSON ({release: [member], unschedule: [id]}), audit pairs...
 * Deletes the request and everything kept under its name; returns 'missing' when there was none.
 */
export const REMOVE_REQUEST = `${VERSION_MATCHES}
if redis.call('EXISTS', KEYS[1]) == 0 then return 'missing' end
local old = cjson.decode(redis.call('HGET', KEYS[1], 'doc'))
local fx = cjson.decode(ARGV[3])
redis.call('DEL', KEYS[1], KEYS[8], KEYS[9])
redis.call('ZREM', KEYS[6], ARGV[1])
redis.call('ZREM', KEYS[7], ARGV[1])
if redis.call('GET', KEYS[10]) == ARGV[2] then redis.call('DEL', KEYS[10]) end
if type(old.links) == 'table' then
  for _, l in ipairs(old.links) do
    redis.call('ZREM', KEYS[11], l.conversationId .. '|' .. ARGV[1])
    if l.teamId then redis.call('ZREM', KEYS[11], 'team:' .. l.teamId .. '|' .. ARGV[1]) end
  end
end
for i = 12, #KEYS do redis.call('ZREM', KEYS[i], ARGV[1]) end
for _, id in ipairs(fx.unschedule or {}) do
  redis.call('ZREM', KEYS[3], id)
  redis.call('HDEL', KEYS[4], id)
end
for _, member in ipairs(fx.release or {}) do redis.call('ZREM', KEYS[5], member) end
audit(KEYS[2], 4)
return 'ok'`;

/** KEYS: outbox, dead letters. ARGV: group, entry id, notification doc, code, attempts, at. */
export const DEAD_LETTER = `
redis.call('XADD', KEYS[2], '*', 'n', ARGV[3], 'code', ARGV[4], 'attempts', ARGV[5], 'at', ARGV[6])
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
return 'ok'`;

/** KEYS: dead letters, outbox. ARGV: dead letter id. Returns 1 when it was put back, 0 when it is gone. */
export const RETRY_DEAD = `
local found = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
if #found == 0 then return 0 end
local fields = found[1][2]
for i = 1, #fields, 2 do
  if fields[i] == 'n' then redis.call('XADD', KEYS[2], '*', 'n', fields[i + 1]) end
end
redis.call('XDEL', KEYS[1], ARGV[1])
return 1`;

/** KEYS: document, audit, index set. ARGV: doc, version, index member, audit pairs... */
export const SAVE_VERSIONED = `${VERSION_MATCHES}
if not version_matches(KEYS[1], ARGV[2]) then return 'conflict' end
redis.call('HSET', KEYS[1], 'doc', ARGV[1], 'v', ARGV[2])
redis.call('SADD', KEYS[3], ARGV[3])
audit(KEYS[2], 4)
return 'ok'`;

/** KEYS: hash, audit. ARGV: field, value ('' removes the field), audit pairs... Returns 1 if the field existed. */
export const SET_FIELD = `${VERSION_MATCHES}
local existed = redis.call('HEXISTS', KEYS[1], ARGV[1])
if ARGV[2] == '' then redis.call('HDEL', KEYS[1], ARGV[1]) else redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
audit(KEYS[2], 3)
return tostring(existed)`;

/**
 * KEYS: job schedule, job documents. ARGV: now ms, lease ms, limit.
 * Moves each due job to now + lease before handing it out, so that no other caller gets it until the
 * lease runs out (the claimer died). Returns id, doc pairs.
 */
export const CLAIM_DUE = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
local out = {}
for _, id in ipairs(ids) do
  redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[2]), id)
  out[#out + 1] = id
  out[#out + 1] = redis.call('HGET', KEYS[2], id) or ''
end
return out`;

/**
 * KEYS: each clinician's availability hash then busy set, in pairs. ARGV: busy from (ms; busy scores are starts).
 * Returns, per clinician, the availability document ('' when none) and the busy members from then on.
 */
export const CALENDARS = `
local out = {}
for i = 1, #KEYS, 2 do
  out[#out + 1] = redis.call('HGET', KEYS[i], 'doc') or ''
  out[#out + 1] = redis.call('ZRANGEBYSCORE', KEYS[i + 1], ARGV[1], '+inf')
end
return out`;

/**
 * KEYS: document, fence. Returns the document's `doc` (or nil). The fence write makes Redis WAIT that follows
 * cover everything the primary held at this read, whichever connection wrote it.
 */
export const READ_FENCED = `
local doc = redis.call('HGET', KEYS[1], 'doc')
redis.call('SET', KEYS[2], '1', 'PX', 60000)
return doc`;
