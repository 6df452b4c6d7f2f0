#!/usr/bin/env bash
# Performance benchmark (issue #9): the packaged application on PostgreSQL with a generated dataset, driven by wrk
# with signed bearer tokens of the test OIDC server. See docs/benchmarks.md.
#
#   bench/run.sh small                         # 10,000 professionals; all scenarios, 3 runs
#   bench/run.sh national dashboard            # 1,000,000 professionals; only the dashboard
#   RUNS=5 DURATION=30s bench/run.sh small modules quiz
#   NMT=1 RUNS=1 bench/run.sh small            # also where the memory goes, at the end of each run:
#                                              # target/bench/nmt-run<N>.txt (NMT itself costs ~3 MB)
#
# Scenarios: modules (GET /mijn-modules), module (GET /modules/meldcode-in-5-stappen), quiz (POST submissions),
# dashboard (GET /dekking as gemeente). Every run starts the application cold (cold start is measured: process start
# to the first 200 of /mijn-modules), warms each scenario up, measures it, and records the peak RSS (VmHWM).
# Needs: wrk (apt-get install -y wrk), python3. Results: target/bench/results-<size>.txt and a summary on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${1:-small}
shift || true
SCENARIOS=${*:-modules module quiz dashboard}
RUNS=${RUNS:-3}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-30s}
# Page scenarios warm up until they are steady: windows of WARMUP_WINDOW seconds until the application's JIT compiler
# threads used at most WARMUP_JIT % of one core in the window and the window is not more than 3 % faster than the one
# 30 s before it, at least WARMUP and at most WARMUP_MAX (seconds); the time it took is reported as warmup_s. The quiz
# posts each attempt once, so it keeps a fixed warm-up of WARMUP on attempts of its own.
WARMUP_WINDOW=${WARMUP_WINDOW:-10}
WARMUP_MAX=${WARMUP_MAX:-180}
WARMUP_JIT=${WARMUP_JIT:-5}
CONNECTIONS=${CONNECTIONS:-256}
DASHBOARD_CONNECTIONS=${DASHBOARD_CONNECTIONS:-4}
THREADS=${THREADS:-2}
USERS=${USERS:-1000}
QUIZ_ATTEMPTS=${QUIZ_ATTEMPTS:-100000}
PORT=${PORT:-8090}
# shellcheck source=bench/common.sh
source bench/common.sh
RESULTS=$OUT/results-$SIZE.txt

{
  echo "# $(date -u +%FT%TZ) size=$SIZE runs=$RUNS duration=$DURATION connections=$CONNECTIONS java_opts=$JAVA_OPTS"
  echo "# machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "# runtime: $("$BENCH_JAVA" -version 2>&1 | sed -n 2p), aot_cache=$AOT, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX, worker threads=${QUARKUS_THREAD_POOL_MAX_THREADS:-4 (application.properties)}"
  echo "# commit: $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes')"
} | tee "$RESULTS"

start_serve
GEMEENTE_TOKEN=$(cat "$OUT/gemeente-token.txt")

start_app() { # [extra JVM options]
  local t0 t1
  t0=$(date +%s%N)
  launch_app target/quarkus-app "$PORT" "$OUT/app.log" "${1:-}"
  APP=$LAUNCHED
  t1=$(date +%s%N)
  [ "$run" = train ] && return
  echo "RESULT scenario=start run=$run cold_start_ms=$(( (t1 - t0) / 1000000 ))" | tee -a "$RESULTS"
}

stop_app() {
  if [ "${NMT:-0}" = 1 ]; then
    "$(dirname "$(readlink -f "$(command -v "$BENCH_JAVA")")")/jcmd" "$APP" VM.native_memory summary > "$OUT/nmt-run$run.txt" 2>&1 || true
  fi
  echo "RESULT scenario=memory run=$run peak_rss_mb=$(( $(awk '/VmHWM/ {print $2}' "/proc/$APP/status") / 1024 ))" | tee -a "$RESULTS"
  kill "$APP"; wait "$APP" 2>/dev/null || true
}

WARMED=
load() { # scenario connections lua [env...]; appends warmup_s when the scenario warmed up until steady
  local scenario=$1 connections=$2 lua=$3
  shift 3
  env "$@" BENCH_THREADS="$THREADS" wrk -t"$THREADS" -c"$connections" -d"$DURATION" --timeout 10s -s "$lua" "http://localhost:$PORT" \
    | grep '^RESULT' | sed "s/^RESULT /RESULT scenario=$scenario run=$run /; s/\$/${WARMED:+ warmup_s=$WARMED}/" | tee -a "$RESULTS"
  WARMED=
}

warm() { # connections lua [env...]; a fixed warm-up of WARMUP
  local connections=$1 lua=$2
  shift 2
  env "$@" BENCH_THREADS="$THREADS" wrk -t"$THREADS" -c"$connections" -d"$WARMUP" -s "$lua" "http://localhost:$PORT" > /dev/null
}

jit_ticks() { # CPU time the application's JIT compiler threads have used so far, in 1/100 s
  local t sum=0
  for t in /proc/"$APP"/task/*; do
    case "$(cat "$t/comm" 2>/dev/null)" in
      "C1 CompilerThre"*|"C2 CompilerThre"*) sum=$((sum + $(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0))) ;;
    esac
  done
  echo "$sum"
}

warm_until_steady() { # connections lua [env...]; sets WARMED to the seconds it took
  local connections=$1 lua=$2 elapsed=0 rps min_s=${WARMUP%s} trace=() jit=() back j0 jit_pct
  shift 2
  [ "$WARMUP_WINDOW" -gt 0 ] || { echo "WARMUP_WINDOW must be a number of seconds above 0" >&2; exit 1; }
  back=$((30 / WARMUP_WINDOW)); [ "$back" -ge 1 ] || back=1   # windows in 30 s, at least one
  while :; do
    j0=$(jit_ticks)
    rps=$(env "$@" BENCH_THREADS="$THREADS" wrk -t"$THREADS" -c"$connections" -d"${WARMUP_WINDOW}s" -s "$lua" \
      "http://localhost:$PORT" | sed -n 's/^RESULT .*rps=\([0-9.]*\).*/\1/p')
    jit_pct=$(( ($(jit_ticks) - j0) / WARMUP_WINDOW ))   # ticks (1/100 s) per second = % of one core
    elapsed=$((elapsed + WARMUP_WINDOW))
    trace+=("${rps:-0}")
    jit+=("$jit_pct")
    [ "$elapsed" -ge "$WARMUP_MAX" ] && break
    # steady: the compilers are (nearly) done, and the last window is not more than 3 % faster than the one 30 s
    # before it (the throughput can stay flat for 30 s while C2 is still compiling the page path:
    # docs/benchmarks.md, Decisions: Warm-up until steady)
    if [ "$elapsed" -ge "$min_s" ] && [ "$jit_pct" -le "$WARMUP_JIT" ] && [ "${#trace[@]}" -gt "$back" ] \
      && python3 -c "import sys
sys.exit(0 if ${trace[-1]} <= ${trace[-1 - back]} * 1.03 else 1)"; then break; fi
  done
  WARMED=$elapsed
  echo "# warm-up scenario=$scenario run=$run: requests/s per ${WARMUP_WINDOW} s window: ${trace[*]}" | tee -a "$RESULTS"
  echo "# warm-up scenario=$scenario run=$run: JIT compiler threads, % of one core per window: ${jit[*]}" | tee -a "$RESULTS"
}

# AOT training run: the application with -XX:AOTCacheOutput serves every scenario for a few seconds; when it stops the
# JVM writes the cache. Redone when the package or the JVM settings change. Without the method profiles
# (-XX:-AOTRecordTraining): the cache is 15 MB smaller (138 instead of 153 MB, all of it resident), the start ~60 ms slower.
if [ "$AOT" = 1 ]; then
  TRAIN_OPTS="-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining"
  AOT_KEY="$("$BENCH_JAVA" -version 2>&1 | sed -n 2p) $JAVA_OPTS $TRAIN_OPTS $(stat -c %Y target/quarkus-app/quarkus-run.jar)"
  if [ ! -f target/quarkus-app/app.aot ] || [ "$(cat target/quarkus-app/app.aot.key 2>/dev/null)" != "$AOT_KEY" ]; then
    echo "AOT training run ..."
    rm -f target/quarkus-app/app.aot
    run=train
    start_app "-XX:AOTCacheOutput=app.aot $TRAIN_OPTS"
    for p in /mijn-modules /modules/meldcode-in-5-stappen /modules/meldcode-in-5-stappen/pagina/1; do
      env BENCH_PATH=$p BENCH_TOKENS="$OUT/medewerker-tokens.txt" BENCH_THREADS=1 \
        wrk -t1 -c16 -d5s -s bench/wrk/pages.lua "http://localhost:$PORT" > /dev/null
    done
    echo "$GEMEENTE_TOKEN" > "$OUT/gemeente-tokens.txt"
    env BENCH_PATH=/dekking BENCH_TOKENS="$OUT/gemeente-tokens.txt" BENCH_THREADS=1 \
      wrk -t1 -c2 -d5s -s bench/wrk/pages.lua "http://localhost:$PORT" > /dev/null
    java -cp "$CP" nl.meldcodetour.bench.Bench prepare-quiz "http://localhost:$PORT" "$OUT" 500 | tail -1
    env BENCH_SUBMISSIONS="$OUT/quiz-submissions.tsv" BENCH_THREADS=1 \
      wrk -t1 -c16 -d5s -s bench/wrk/quiz.lua "http://localhost:$PORT" > /dev/null
    java -cp "$CP" nl.meldcodetour.bench.Bench clean-quiz "$JDBC_URL" "$OUT"
    kill "$APP"; wait "$APP" 2>/dev/null || true
    [ -f target/quarkus-app/app.aot ] || { echo "no AOT cache was written; see $OUT/app.log" >&2; exit 1; }
    echo "$AOT_KEY" > target/quarkus-app/app.aot.key
  fi
  JAVA_OPTS="$JAVA_OPTS -XX:AOTCache=app.aot"
fi

java -cp "$CP" nl.meldcodetour.bench.Bench reset-statements "$JDBC_URL"
for run in $(seq 1 "$RUNS"); do
  start_app "$([ "${NMT:-0}" = 1 ] && echo -XX:NativeMemoryTracking=summary)"
  for scenario in $SCENARIOS; do
    case $scenario in
      modules|module)
        path=/mijn-modules; [ "$scenario" = module ] && path=/modules/meldcode-in-5-stappen
        warm_until_steady "$CONNECTIONS" bench/wrk/pages.lua BENCH_PATH=$path BENCH_TOKENS="$OUT/medewerker-tokens.txt"
        load "$scenario" "$CONNECTIONS" bench/wrk/pages.lua BENCH_PATH=$path BENCH_TOKENS="$OUT/medewerker-tokens.txt" ;;
      quiz)
        # a warm-up on attempts of its own (each attempt is submitted once), then the measured load on fresh ones;
        # after each: the completions are checked, then removed, so the next run starts from the same dataset
        for phase in warm-up measure; do
          java -cp "$CP" nl.meldcodetour.bench.Bench prepare-quiz "http://localhost:$PORT" "$OUT" "$QUIZ_ATTEMPTS" | tail -1
          if [ "$phase" = warm-up ]; then
            warm "$CONNECTIONS" bench/wrk/quiz.lua BENCH_SUBMISSIONS="$OUT/quiz-submissions.tsv"
            java -cp "$CP" nl.meldcodetour.bench.Bench check-quiz "$JDBC_URL" "$OUT" | sed "s/^/warm-up: /"
          else
            load quiz "$CONNECTIONS" bench/wrk/quiz.lua BENCH_SUBMISSIONS="$OUT/quiz-submissions.tsv"
            java -cp "$CP" nl.meldcodetour.bench.Bench check-quiz "$JDBC_URL" "$OUT" | sed "s/^/RESULT scenario=quiz-check run=$run /" | tee -a "$RESULTS"
          fi
          java -cp "$CP" nl.meldcodetour.bench.Bench clean-quiz "$JDBC_URL" "$OUT"
        done ;;
      dashboard)
        echo "$GEMEENTE_TOKEN" > "$OUT/gemeente-tokens.txt"
        warm_until_steady "$DASHBOARD_CONNECTIONS" bench/wrk/pages.lua BENCH_PATH=/dekking BENCH_TOKENS="$OUT/gemeente-tokens.txt"
        load dashboard "$DASHBOARD_CONNECTIONS" bench/wrk/pages.lua BENCH_PATH=/dekking BENCH_TOKENS="$OUT/gemeente-tokens.txt" ;;
      *) echo "unknown scenario $scenario" >&2; exit 1 ;;
    esac
  done
  stop_app
done

# the statements with the most database time over all runs, with their plans
java -cp "$CP" nl.meldcodetour.bench.Bench explain "$JDBC_URL" "$OUT/explain-$SIZE.md" 10
python3 bench/summary.py "$RESULTS"
# Speed check: this shared machine is sometimes two to three times slower for hours. The learner statement of Mijn
# modules and the module page does the same work on the same data in every run, so its mean execution time in
# PostgreSQL tells how fast the machine was: 0.039 ms per call at normal speed (docs/benchmarks.md, Decisions:
# Speed check). Figures of a run where it is far higher cannot be held against the targets.
learner_ms=$(awk '/^### [0-9]+\./ {head=$0} /FROM person p LEFT JOIN LATERAL/ {print head; exit}' "$OUT/explain-$SIZE.md" \
  | sed -n 's/.* \([0-9.]*\) ms per call.*/\1/p')
if [ -n "$learner_ms" ]; then
  echo "# speed check: the learner statement took $learner_ms ms per call in PostgreSQL (normal speed: 0.039 ms)" \
    | tee -a "$RESULTS"
fi
