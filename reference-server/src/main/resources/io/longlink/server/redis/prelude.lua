-- Shared by every script of the Redis message store (RedisMessageStore.java says what each key holds).
-- ARGV[1] is the key prefix; a script's own arguments start at ARGV[2].
local P = ARGV[1]
local HISTORY = P .. 'history'
local TOTALS = P .. 'totals'
local USER_BYTES = P .. 'ub'
local SENDER_BYTES = P .. 'sb'

local function num(s)
  return string.format('%d', s)
end

-- The history's epoch; a fresh one (and a seq counter from 0) when the store has none (LL-DLV-12).
local function history(fresh)
  local e = redis.call('HGET', HISTORY, 'epoch')
  if not e then
    redis.call('HSET', HISTORY, 'epoch', fresh, 'seq', 0)
    e = fresh
  end
  return e
end

-- Drops one pending delivery of a user (already removed from the user's inbox) from every count.
local function forget(user, seq)
  local d = P .. 'd:' .. seq
  local f = redis.call('HMGET', d, 's', 'b')
  local sender, b = f[1], tonumber(f[2]) or 0
  if redis.call('HINCRBY', USER_BYTES, user, -b) <= 0 then
    redis.call('HDEL', USER_BYTES, user)
  end
  redis.call('SREM', P .. 'sent:' .. user, seq)
  redis.call('SREM', P .. 'again:' .. user, seq)
  redis.call('HINCRBY', TOTALS, 'n', -1)
  -- The frame is shared by every recipient of a room chat: it goes with the last of them (LL-LIM-11, LL-LIM-12).
  if redis.call('HINCRBY', d, 'r', -1) <= 0 then
    redis.call('HINCRBY', TOTALS, 'b', -b)
    if sender and redis.call('HINCRBY', SENDER_BYTES, sender, -b) <= 0 then
      redis.call('HDEL', SENDER_BYTES, sender)
    end
    redis.call('DEL', d)
  end
end

-- Hands out deliveries for sending, marked sent: seq, "1" if sent before, frame, sender, bytes for each.
-- A chat's first copies go to every session its recipient has when it is accepted (LL-CHAT-3), and
-- in a cluster they leave from several nodes, one after the other, as the news reaches each: all
-- of them are first copies. So the news (fan_out true) calls a delivery sent before only when a
-- backlog or a redelivery sent it already ('again:'); a backlog, a copy for a session that came
-- later, calls it sent before when any session had it ('sent:'), as LL-DLV-2 asks.
local function hand_out(user, seqs, fan_out)
  local out = {}
  local sent, again = P .. 'sent:' .. user, P .. 'again:' .. user
  for _, seq in ipairs(seqs) do
    local d = redis.call('HMGET', P .. 'd:' .. seq, 'f', 's', 'b')
    if d[1] then
      out[#out + 1] = seq
      out[#out + 1] = tostring(redis.call('SISMEMBER', fan_out and again or sent, seq))
      out[#out + 1] = d[1]
      out[#out + 1] = d[2]
      out[#out + 1] = d[3]
      redis.call('SADD', sent, seq)
      if not fan_out then
        redis.call('SADD', again, seq)
      end
    end
  end
  return out
end

