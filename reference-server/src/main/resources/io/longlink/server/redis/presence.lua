-- Presence: ARGV[2] is 'admit', 'refresh' or 'depart'. Sessions are members of a sorted set per user,
-- scored with when they expire by Redis's clock, so that a node that dies without a word stops
-- counting after the TTL (LL-LIM-6).
local op = ARGV[2]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if op == 'admit' then
  local user, session, max, ttl = ARGV[3], ARGV[4], tonumber(ARGV[5]), tonumber(ARGV[6])
  local key = P .. 'pres:' .. user
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
  if redis.call('ZCARD', key) >= max then
    return 0
  end
  redis.call('ZADD', key, now + ttl, session)
  redis.call('PEXPIRE', key, ttl)
  return 1
elseif op == 'refresh' then
  local ttl = tonumber(ARGV[3])
  for i = 4, #ARGV, 2 do
    local key = P .. 'pres:' .. ARGV[i]
    redis.call('ZADD', key, 'XX', now + ttl, ARGV[i + 1])
    redis.call('PEXPIRE', key, ttl)
  end
  return 1
else
  redis.call('ZREM', P .. 'pres:' .. ARGV[3], ARGV[4])
  return 1
end
