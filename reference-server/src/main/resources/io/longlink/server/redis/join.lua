-- Makes the user a member, remembering the order of joining (LL-ROOM-2): 1, or 0 when it already was one.
local room, user = ARGV[2], ARGV[3]
local key = P .. 'room:' .. room
if redis.call('ZSCORE', key, user) then
  return 0
end
redis.call('ZADD', key, redis.call('INCR', P .. 'joins'), user)
return 1
