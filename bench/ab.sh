#!/usr/bin/env bash
# A/B comparison of two packages or two settings under the same load (docs/benchmarks.md, "Comparing two versions").
# On a shared machine the speed drifts by up to ±30 % within minutes, so two runs one after the other compare
# nothing. Here both versions run at the same time (A on :8090, B on :8091, each with its own worker pool and
# connections on the same PostgreSQL) and the load alternates between them in short rounds; each round pair sees the
# same machine. Reported per round: requests/s, p50, p99 and CPU per request of the application and of PostgreSQL;
# at the end the median ratio B/A and how many rounds B won.
#
#   cp -r target/quarkus-app /tmp/before; (change, package) ; A_DIR=/tmp/before bench/ab.sh /mijn-modules
#   A_ENV="QUARKUS_THREAD_POOL_MAX_THREADS=32" bench/ab.sh /mijn-modules      # same package, other settings
#   ROUNDS=8 SECONDS_PER_ROUND=10 WARMUP=20s bench/ab.sh /modules/meldcode-in-5-stappen
#
# A_DIR / B_DIR: package directories (default target/quarkus-app for both); A_ENV / B_ENV: environment variables for
# one side; A_OPTS / B_OPTS: extra JVM options. Without AOT cache (a cache belongs to one package location): the JIT's
# steady state is what is compared. Pages only (GET with the benchmark users' tokens).
set -euo pipefail
cd "$(dirname "$0")/.."
PATH_UNDER_TEST=${1:-/mijn-modules}
ROUNDS=${ROUNDS:-8}
SECONDS_PER_ROUND=${SECONDS_PER_ROUND:-10}
WARMUP=${WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-256}
A_DIR=${A_DIR:-target/quarkus-app}
B_DIR=${B_DIR:-target/quarkus-app}
# shellcheck source=bench/common.sh
source bench/common.sh
[ -f "$A_DIR/quarkus-run.jar" ] && [ -f "$B_DIR/quarkus-run.jar" ] || { echo "no package in $A_DIR or $B_DIR" >&2; exit 1; }
start_serve

declare -A PID PORT
PORT[A]=8090
PORT[B]=8091
for side in A B; do
  dir_var=${side}_DIR env_var=${side}_ENV opts_var=${side}_OPTS
  # shellcheck disable=SC2086
  (if [ -n "${!env_var:-}" ]; then export ${!env_var}; fi; launch_app "${!dir_var}" "${PORT[$side]}" "$OUT/ab-$side.log" "${!opts_var:-}"; echo "$LAUNCHED" > "$OUT/ab-$side.pid")
  PID[$side]=$(cat "$OUT/ab-$side.pid")
  PIDS+=("${PID[$side]}")
  echo "$side: ${!dir_var} ${!env_var:-} ${!opts_var:-} (pid ${PID[$side]}, port ${PORT[$side]})"
done

ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
pg_ticks() { local s=0 p; for p in $(pgrep -x postgres); do s=$((s + $(awk '{print $14+$15}' "/proc/$p/stat" 2>/dev/null || echo 0))); done; echo $s; }
hz=$(getconf CLK_TCK)

measure() { # side duration -> "rps p50 p99 app_us pg_us" (CPU microseconds per request)
  local side=$1 duration=$2 a0 p0 a1 p1 result n
  a0=$(ticks "${PID[$side]}"); p0=$(pg_ticks)
  result=$(env BENCH_PATH="$PATH_UNDER_TEST" BENCH_TOKENS="$OUT/medewerker-tokens.txt" BENCH_THREADS=2 \
    wrk -t2 -c"$CONNECTIONS" -d"$duration" --timeout 10s -s bench/wrk/pages.lua "http://localhost:${PORT[$side]}" | grep '^RESULT')
  a1=$(ticks "${PID[$side]}"); p1=$(pg_ticks)
  n=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<< "$result")
  echo "$(sed -n 's/.*rps=\([0-9.]*\) p50_ms=\([0-9.]*\).*p99_ms=\([0-9.]*\).*/\1 \2 \3/p' <<< "$result") \
$(( (a1 - a0) * 1000000 / hz / n )) $(( (p1 - p0) * 1000000 / hz / n ))"
}

for side in A B; do measure "$side" "$WARMUP" > /dev/null; done
RESULTS=$OUT/ab-results.txt
: > "$RESULTS"
printf '%-5s %-4s %9s %8s %8s %8s %8s\n' round side req/s p50_ms p99_ms app_us pg_us
for round in $(seq 1 "$ROUNDS"); do
  for side in A B; do
    read -r rps p50 p99 app pg <<< "$(measure "$side" "${SECONDS_PER_ROUND}s")"
    printf '%-5s %-4s %9s %8s %8s %8s %8s\n' "$round" "$side" "$rps" "$p50" "$p99" "$app" "$pg"
    echo "$round $side $rps $p50 $p99 $app $pg" >> "$RESULTS"
  done
done
for side in A B; do echo "$side peak RSS $(( $(awk '/VmHWM/ {print $2}' "/proc/${PID[$side]}/status") / 1024 )) MB"; done
python3 - "$RESULTS" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
by = {}
for r, side, rps, p50, p99, app, pg in rows:
    by.setdefault(r, {})[side] = (float(rps), float(p99))
ratios = [v["B"][0] / v["A"][0] for v in by.values()]
p99 = [v["B"][1] / v["A"][1] for v in by.values()]
wins = sum(1 for x in ratios if x > 1)
print(f"B/A requests/s: median {statistics.median(ratios):.3f} (min {min(ratios):.3f}, max {max(ratios):.3f}); "
      f"B faster in {wins} of {len(ratios)} rounds; B/A p99: median {statistics.median(p99):.3f}")
PY
