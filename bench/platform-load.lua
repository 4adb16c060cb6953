-- wrk script of bench/platform-load.sh and bench/token-load.sh: sends the session cookie (COOKIE) or an API
-- token (AUTHORIZATION, the whole header value), rotates through the paths given in the
-- PATHS environment variable (separated by '|'), counts every answer but 200 as an error, and prints one
-- machine-readable line: requests/s, p50/p99/max latency in ms, errors.
local paths = {}
for p in string.gmatch(os.getenv("PATHS") or "/", "[^|]+") do
  table.insert(paths, p)
end
local cookie = os.getenv("COOKIE") or ""
local authorization = os.getenv("AUTHORIZATION") or ""
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  i = math.random(#paths)
  errors = 0
  if authorization ~= "" then
    wrk.headers["Authorization"] = authorization
  else
    wrk.headers["Cookie"] = cookie
  end
  wrk.headers["Accept"] = "application/json, text/html"
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

function response(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local e = 0
  for _, t in ipairs(threads) do
    e = e + (t:get("errors") or 0)
  end
  local sock = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f requests=%d non200=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests, e, sock))
end
