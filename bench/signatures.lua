-- POST unique signatures as fast as wrk can. Requests are formatted before the run (unique emails per thread), so
-- the load generator spends its CPU on sending, not on Lua. A 202 is every answer that is not an error status.
local threads = {}
local requests = {}
local next_request = 0
local count = 250000
local started = os.time()
local codes = {"K1A 0A6", "B3H 1A1", "M5V 3L9", "V6B 1A1", "T2P 1A1", "H2X 1Y4", "R3C 1A1", "S4P 1A1"}

function setup(thread)
  thread:set("id", #threads .. "-" .. tostring(os.time()) .. "-" .. tostring(math.random(1e9)))
  table.insert(threads, thread)
end

function init(args)
  local n = tonumber(args[1]) or count
  local tid = tonumber(string.match(id, "^(%d+)-")) or 0
  math.randomseed(os.time() * 64 + tid)
  for i = 1, n do
    -- Each request from its own client address, through the app's trusted loopback proxy, as behind an ingress:
    -- the per-client limits are counted for every signature but none is reached. IPv6 addresses, unique per wrk
    -- process (its start second), thread and request: IPv4 ones would repeat within the limits' windows (1 and
    -- 5 minutes) from one run to the next, or within a run past 65,536 requests, and be held without a mail.
    local headers = {["Content-Type"] = "application/json", ["Accept-Language"] = "fr-CA",
      ["X-Forwarded-For"] = string.format("fd00:%x:%x::%x:%x", started % 65536, tid, math.floor(i / 65536), i % 65536)}
    -- The email starts with random letters, so new signatures land all over the unique (campaign, email) index as
    -- real addresses do, not at one end of it (which, with millions of rows stored, would keep only its last pages hot).
    local body = string.format(
      '{"firstName":"Bench","lastName":"Signer","email":"%08x.b-%s-%d@bench.example.ca","postalCode":"%s","language":"fr"}',
      math.random(0, 0x7fffffff), id, i, codes[(i % #codes) + 1])
    requests[i] = wrk.format("POST", "/api/campaigns/end-ice-complicity/signatures", headers, body)
  end
end

function request()
  next_request = next_request + 1
  return requests[next_request]
end

function done(summary, latency, requests_done)
  local e = summary.errors
  local failed = e.status + e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT requests=%d accepted=%d other=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.requests - e.status, failed, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
