-- The user's pending deliveries above a seq, handed out in seq order: the news of new chats.
local user, above = ARGV[2], ARGV[3]
return hand_out(user, redis.call('ZRANGEBYSCORE', P .. 'in:' .. user, '(' .. above, '+inf'), true)
