-- GET one page as many different users (bearer tokens, one per line in BENCH_TOKENS), round robin.
-- BENCH_PATH: the page; prints one RESULT line that bench/run.sh collects.
local path = os.getenv("BENCH_PATH") or "/mijn-modules"
local file = os.getenv("BENCH_TOKENS")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  tokens = {}
  for line in io.lines(file) do tokens[#tokens + 1] = line end
  counter = id * 7919
end

function request()
  counter = counter + 1
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1] })
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
