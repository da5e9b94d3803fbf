-- quarkus-claude shared limits: one round trip per attempt. Applies what a replica reports (a pause, circuit events,
-- attempts ended, its newest rate-limit snapshot), then, for an admission, checks the circuit, the pause and the
-- budget, and takes the attempt's cost when it fits. Times are the Redis server's, in milliseconds.
-- KEYS: 1 pause, 2 budget, 3 circuit, 4 trial, 5 flight (the cost of each attempt admitted and not yet ended)
-- ARGV: 1 op (admit|report), 2 token (of the attempt asking, or of the trial an event is about), 3-6 cost (requests,
--   tokens, input, output), 7 budget on (1|0), 8 pause ms, 9 circuit event (''|open|trial-ok|trial-failed|trial-void),
--   10 circuit delay ms, 11 snapshot age ms ('' for none), 12-27 per limit: limit, remaining, reset in ms, reset epoch
--   ms ('' unknown), 28 idle ttl ms, 29 trial lease ms, 30 margin ms, 31... tokens of the attempts that ended
-- Returns {code, wait ms, requests level (thousandths, -1 unknown), requests in flight}: code 0 admitted, 1 paused,
-- 2 over budget, 3 circuit open, 4 admitted as the circuit's trial.
pcall(redis.replicate_commands)
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function num(v)
  if v == nil or v == false or v == '' then return nil end
  return tonumber(v)
end
local ttl = tonumber(ARGV[28])
local margin = tonumber(ARGV[30])

local pauseMs = tonumber(ARGV[8])
if pauseMs > 0 then
  local held = num(redis.call('GET', KEYS[1])) or 0
  if now + pauseMs > held then
    redis.call('SET', KEYS[1], now + pauseMs, 'PX', pauseMs)
  end
end

local event = ARGV[9]
local delay = tonumber(ARGV[10])
if event == 'open' then
  local open = num(redis.call('GET', KEYS[3])) or 0
  if now + delay > open then
    redis.call('SET', KEYS[3], now + delay, 'PX', delay + ttl)
  end
elseif event ~= '' and redis.call('GET', KEYS[4]) == ARGV[2] then
  redis.call('DEL', KEYS[4])
  if event == 'trial-ok' then
    redis.call('DEL', KEYS[3])
  elseif event == 'trial-failed' then
    redis.call('SET', KEYS[3], now + delay, 'PX', delay + ttl)
  end
end

local s = {}
local h = redis.call('HGETALL', KEYS[2])
for i = 1, #h, 2 do s[h[i]] = tonumber(h[i + 1]) end
local changed = false
-- an attempt's end is sent by its token, so that sending it twice (a reply that timed out, the report sent again)
-- or for an attempt Redis never admitted changes nothing
for j = 31, #ARGV do
  local held = redis.call('HGET', KEYS[5], ARGV[j])
  if held then
    redis.call('HDEL', KEYS[5], ARGV[j])
    local i = 1
    for c in string.gmatch(held, '[^:]+') do
      s['inf' .. i] = math.max(0, (s['inf' .. i] or 0) - tonumber(c))
      i = i + 1
    end
    changed = true
  end
end

-- a newer snapshot starts a limit's bucket anew, less what is in flight (the answer may not count it)
local age = num(ARGV[11])
if age then
  local at = now - math.max(0, age)
  for i = 1, 4 do
    local b = 12 + (i - 1) * 4
    local limit, rem, resetIn, resetKey = num(ARGV[b]), num(ARGV[b + 1]), num(ARGV[b + 2]), num(ARGV[b + 3])
    local fk, fr = s['fk' .. i], s['fr' .. i]
    if limit and rem and resetIn and resetKey and (fk == nil or resetKey > fk or (resetKey == fk and rem <= fr)) then
      local cap = math.max(limit, rem)
      local reset = at + resetIn
      local whole = reset <= at
      local r = rem
      if whole then r = cap end
      local surely = cap - r - 1
      local told = (not whole) and surely >= 1
      local rate
      if told then
        rate = surely / (reset - at)
      elseif (s['known' .. i] or 0) > 0 then
        rate = s['known' .. i]
      else
        rate = cap / 60000
      end
      -- a reset that moved later while the one before was still ahead: the limit refills continuously (a token
      -- bucket, as the API documents), not per window, whose reset stays put until it comes
      if fk and resetKey > fk and s['rst' .. i] and at + margin < s['rst' .. i] then s['bkt' .. i] = 1 end
      local slope = 0
      if (s['bkt' .. i] or 0) > 0 and not whole then slope = (cap - r) / (reset - at) end
      s['cap' .. i], s['rst' .. i], s['mis' .. i], s['rate' .. i] = cap, reset, cap - r, rate
      s['lvl' .. i], s['at' .. i], s['fk' .. i], s['fr' .. i] = r - (s['inf' .. i] or 0), at, resetKey, rem
      s['slp' .. i] = slope
      if whole then s['aft' .. i] = 1 else s['aft' .. i] = 0 end
      if told then s['known' .. i] = rate end
      changed = true
    end
  end
end

-- Until its reset a limit gets back what it was missing at the snapshot: on a line to the reset when it refills
-- continuously (slope > 0), else all at the reset; from then on it refills at the rate the snapshot implied.
local function levelAt(i, when)
  local l, from, cap, slope = s['lvl' .. i], s['at' .. i], s['cap' .. i], s['slp' .. i] or 0
  if s['aft' .. i] == 0 then
    local rst = s['rst' .. i]
    if when < rst then return math.min(cap, l + slope * math.max(0, when - from)) end
    if slope > 0 then
      l = math.min(cap, l + slope * math.max(0, rst - from))
    else
      l = math.min(cap, l + s['mis' .. i])
    end
    from = rst
  end
  return math.min(cap, l + s['rate' .. i] * math.max(0, when - from))
end

local function untilFits(i, cost)
  local cap = s['cap' .. i]
  if cost <= 0 or cost > cap then return 0 end
  local l = levelAt(i, now)
  if l >= cost then return 0 end
  if s['aft' .. i] == 0 and now < s['rst' .. i] then
    local rst = s['rst' .. i]
    local atReset = levelAt(i, rst)
    if atReset >= cost then
      local slope = s['slp' .. i] or 0
      if slope > 0 then return (cost - l) / slope end
      return rst - now
    end
    return rst - now + (cost - atReset) / s['rate' .. i]
  end
  return (cost - l) / s['rate' .. i]
end

local function save()
  if changed then
    local fields = {}
    for k, v in pairs(s) do
      fields[#fields + 1] = k
      fields[#fields + 1] = v
    end
    if #fields > 0 then
      redis.call('HSET', KEYS[2], unpack(fields))
      redis.call('PEXPIRE', KEYS[2], ttl)
    end
  end
end

-- the reply: the decision, and for a debug log the requests budget's level now (thousandths, -1 unknown) and the
-- requests in flight
local function reply(code, wait)
  local level = -1
  if s['cap1'] then level = math.floor(levelAt(1, now) * 1000) end
  return {code, wait, level, s['inf1'] or 0}
end

if ARGV[1] ~= 'admit' then
  save()
  return {0, 0}
end

local trial = false
local open = num(redis.call('GET', KEYS[3]))
if open then
  if now < open then
    save()
    return reply(3, open - now)
  end
  if redis.call('EXISTS', KEYS[4]) == 1 then
    save()
    return reply(3, math.max(0, redis.call('PTTL', KEYS[4])))
  end
  trial = true
end

local code, wait = 0, 0
local paused = num(redis.call('GET', KEYS[1]))
if paused and paused > now then
  code, wait = 1, paused - now
end
local budget = ARGV[7] == '1'
local cost = { tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6]) }
local short = 0
if budget then
  for i = 1, 4 do
    if s['cap' .. i] then short = math.max(short, untilFits(i, cost[i])) end
  end
end
if code == 0 and short == 0 then
  if budget then
    for i = 1, 4 do
      if s['cap' .. i] then
        local l = levelAt(i, now) - cost[i]
        if s['aft' .. i] == 0 and now >= s['rst' .. i] then s['aft' .. i] = 1 end
        s['lvl' .. i], s['at' .. i] = l, now
      end
      s['inf' .. i] = (s['inf' .. i] or 0) + cost[i]
    end
    redis.call('HSET', KEYS[5], ARGV[2], table.concat(cost, ':'))
    redis.call('PEXPIRE', KEYS[5], ttl)
    changed = true
  end
  save()
  if trial then
    redis.call('SET', KEYS[4], ARGV[2], 'PX', tonumber(ARGV[29]))
    return reply(4, 0)
  end
  return reply(0, 0)
end
save()
if short > 0 and short + margin > wait then
  code, wait = 2, short + margin
end
return reply(code, math.ceil(wait))
