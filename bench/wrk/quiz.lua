-- POST quiz submissions prepared by `Bench prepare-quiz` (BENCH_SUBMISSIONS: token<TAB>path<TAB>json per line).
-- Thread i of BENCH_THREADS sends lines i, i+n, ...; each attempt is submitted once. If a thread runs out it starts
-- again from its first line (replays, counted as "replays": prepare more attempts when that is not 0).
local file = os.getenv("BENCH_SUBMISSIONS")
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "2")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
  thread:set("replays", 0)
end

function init(args)
  lines = {}
  local n = 0
  for line in io.lines(file) do
    if n % nthreads == id - 1 then
      local token, path, body = line:match("([^\t]+)\t([^\t]+)\t(.+)")
      lines[#lines + 1] = { token = token, path = path, body = body }
    end
    n = n + 1
  end
  next_line = 0
end

function request()
  next_line = next_line + 1
  if next_line > #lines then
    next_line = 1
    replays = replays + #lines
  end
  local l = lines[next_line]
  return wrk.format("POST", l.path, { ["Authorization"] = "Bearer " .. l.token, ["Content-Type"] = "application/json" }, l.body)
end

function done(summary, latency, requests)
  local replayed = 0
  for _, t in ipairs(threads) do replayed = replayed + t:get("replays") end
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d replays=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, replayed))
end
