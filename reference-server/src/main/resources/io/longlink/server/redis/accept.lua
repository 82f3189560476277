-- One chat in one step (LL-CHAT-2, LL-CHAT-6, LL-DD-1, LL-DLV-8): dedup, membership, bounds, seq, a
-- pending delivery per recipient, the dedup entry. Returns {'repeat', seq, ts}, {'refused', reason,
-- subject, held, size} or {'stored', seq, ts, recipient...}.
local sender, id, kind, to = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local head, tail, bytes_without_seq = ARGV[6], ARGV[7], tonumber(ARGV[8])
local now, fresh = ARGV[9], ARGV[10]
local max_pending, max_pending_bytes, max_sender_bytes = tonumber(ARGV[11]), tonumber(ARGV[12]), tonumber(ARGV[13])
local max_total, max_total_bytes, max_dedup, window = tonumber(ARGV[14]), tonumber(ARGV[15]), tonumber(ARGV[16]), tonumber(ARGV[17])

-- LL-DD-3, LL-DD-4: per sender; LL-ERRC-2: before every other check. The key holds the sender's length, so no two (sender, id) pairs share one.
local dedup_key = P .. 'dd:' .. #sender .. ':' .. sender .. ':' .. id
local seen = redis.call('GET', dedup_key)
if seen then
  local space = string.find(seen, ' ')
  return {'repeat', string.sub(seen, 1, space - 1), string.sub(seen, space + 1)}
end

local recipients = {}
if kind == 'user' then
  recipients[1] = to
else
  local room = P .. 'room:' .. to
  if not redis.call('ZSCORE', room, sender) then
    return {'refused', 'NOT_MEMBER', to, '0', '0'}
  end
  -- LL-ROOM-2, LL-ROOM-6: every member in the order they joined, but the sender.
  for _, member in ipairs(redis.call('ZRANGE', room, 0, -1)) do
    if member ~= sender then
      recipients[#recipients + 1] = member
    end
  end
end

for _, r in ipairs(recipients) do
  local n = redis.call('ZCARD', P .. 'in:' .. r)
  if n >= max_pending then
    return {'refused', 'RECIPIENT_FULL', r, num(n), '0'}
  end
end
history(fresh)
local seq = tonumber(redis.call('HGET', HISTORY, 'seq')) + 1
local size = bytes_without_seq + #num(seq)
for _, r in ipairs(recipients) do
  local held = tonumber(redis.call('HGET', USER_BYTES, r) or '0')
  if held + size > max_pending_bytes then
    return {'refused', 'RECIPIENT_BYTES', r, num(held), num(size)}
  end
end
local from_sender = tonumber(redis.call('HGET', SENDER_BYTES, sender) or '0')
if from_sender + size > max_sender_bytes then
  return {'refused', 'SENDER_BYTES', sender, num(from_sender), num(size)}
end
local totals = redis.call('HMGET', TOTALS, 'n', 'b')
local total, total_bytes = tonumber(totals[1] or '0'), tonumber(totals[2] or '0')
if total + #recipients > max_total then
  return {'refused', 'TOTAL_PENDING', false, num(total), num(#recipients)}
end
if total_bytes + size > max_total_bytes then
  return {'refused', 'TOTAL_BYTES', false, num(total_bytes), num(size)}
end
-- The dedup entries expire by themselves (PX); the index counts them for the bound, by Redis's clock.
local t = redis.call('TIME')
local now_ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local index = P .. 'ddx'
redis.call('ZREMRANGEBYSCORE', index, '-inf', now_ms)
local remembered = redis.call('ZCARD', index)
if remembered >= max_dedup then
  return {'refused', 'DEDUP_FULL', false, num(remembered), '1'}
end

-- LL-CHAT-6, LL-DLV-4: stored for every recipient, connected or not, before the ack is made.
local s = num(seq)
redis.call('HSET', HISTORY, 'seq', s)
-- A room chat whose sender is its only member is pending for nobody: no frame is kept, so none is
-- counted (LL-LIM-11, LL-LIM-12); forget() drops a frame with its last recipient, and this one has none.
if #recipients > 0 then
  redis.call('HSET', P .. 'd:' .. s, 'f', head .. s .. tail, 's', sender, 'b', size, 'r', #recipients)
  for _, r in ipairs(recipients) do
    redis.call('ZADD', P .. 'in:' .. r, seq, s)
    redis.call('HINCRBY', USER_BYTES, r, size)
  end
  redis.call('HINCRBY', TOTALS, 'n', #recipients)
  redis.call('HINCRBY', TOTALS, 'b', size)
  redis.call('HINCRBY', SENDER_BYTES, sender, size)
end
redis.call('SET', dedup_key, s .. ' ' .. now, 'PX', window)
redis.call('ZADD', index, now_ms + window, dedup_key)
local out = {'stored', s, now}
for _, r in ipairs(recipients) do
  out[#out + 1] = r
end
return out
