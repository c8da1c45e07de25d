-- POST unique signatures as fast as wrk can; counts every status and prints latency percentiles.
local counter = 0
local threads = {}
statuses = {}
prefix = "t"

function setup(thread)
  thread:set("prefix", "t" .. #threads .. "-" .. tostring(os.time()) .. "-" .. tostring(math.random(1e9)))
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  wrk.method = "POST"
  wrk.path = "/api/campaigns/end-ice-complicity/signatures"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Accept-Language"] = "fr-CA"
end

local codes = {"K1A 0A6", "H2X 1Y4", "M5V 3L9", "V6B 1A1", "T2P 1A1", "B3H 1A1", "R3C 1A1", "S4P 1A1"}

function request()
  counter = counter + 1
  local body = string.format(
    '{"firstName":"Bench","lastName":"Signer","email":"%s-%d@bench.example.ca","postalCode":"%s","language":"fr"}',
    prefix, counter, codes[(counter % #codes) + 1])
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for code, n in pairs(s) do total[code] = (total[code] or 0) + n end
  end
  local accepted = total[202] or 0
  local others = 0
  for code, n in pairs(total) do if code ~= 202 then others = others + n end end
  io.write(string.format("RESULT requests=%d accepted=%d other=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, accepted, others, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
