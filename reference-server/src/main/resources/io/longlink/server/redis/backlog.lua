-- A new session's backlog: settles up to last_seq within this history (LL-DLV-6, LL-DLV-13), then hands
-- out every other pending delivery in seq order (LL-DLV-7). Returns {epoch, hand_out...}.
local user, last_seq, epoch, fresh = ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local current = history(fresh)
local inbox = P .. 'in:' .. user
if last_seq ~= '' and epoch == current then
  for _, seq in ipairs(redis.call('ZRANGEBYSCORE', inbox, '-inf', last_seq)) do
    redis.call('ZREM', inbox, seq)
    forget(user, seq)
  end
end
local out = hand_out(user, redis.call('ZRANGE', inbox, 0, -1), false)
table.insert(out, 1, current)
return out
