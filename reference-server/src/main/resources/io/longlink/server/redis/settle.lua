-- Settles one delivery of the user (LL-DLV-3, LL-DLV-10): 1, or 0 when none with this seq was pending.
local user, seq = ARGV[2], ARGV[3]
if redis.call('ZREM', P .. 'in:' .. user, seq) == 0 then
  return 0
end
forget(user, seq)
return 1
