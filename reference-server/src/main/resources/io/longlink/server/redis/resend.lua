-- One delivery again, if it is still pending (LL-DLV-2): {frame, sender, bytes} or {}.
local user, seq = ARGV[2], ARGV[3]
if not redis.call('ZSCORE', P .. 'in:' .. user, seq) then
  return {}
end
local d = redis.call('HMGET', P .. 'd:' .. seq, 'f', 's', 'b')
if not d[1] then
  return {}
end
redis.call('SADD', P .. 'sent:' .. user, seq)
redis.call('SADD', P .. 'again:' .. user, seq)
return d
