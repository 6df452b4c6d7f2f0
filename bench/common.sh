# Shared by bench/run.sh and bench/ab.sh (sourced, from the project root): the runtime and JVM settings, the dataset,
# the package, PostgreSQL with the test OIDC server, and starting the packaged application.
SIZE=${SIZE:-small}
USERS=${USERS:-1000}
# The runtime: the production JDK (Temurin 25, as in docker/Dockerfile) where the machine has it, else `java`.
if [ -z "${BENCH_JAVA:-}" ]; then
  BENCH_JAVA=java
  [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && BENCH_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
fi
JDK_MAJOR=$("$BENCH_JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
# The production JVM settings of docs/operations.md (small heap, compact object headers on JDK 25+); see
# docs/benchmarks.md (Decisions: Start and memory) for what each one saves.
# MemLimit: a C2 compilation that needs more than 16 MB of compiler memory is given up (the method stays at C1); the
# biggest ones (Hibernate's flush, 36 MB) otherwise add their peak to the process's peak RSS. About 25 methods of the
# page path need 16-32 MB too: with 40m the pages are ~25 % faster side by side, but the peak RSS is 307-308 instead
# of 291 MB, with 32m 306 MB (docs/benchmarks.md, Decisions: JIT memory limit 16 MB).
# SurvivorRatio=3: survivor spaces of 4.8 instead of 2.1 MB, so the objects of the requests in flight at a young
# collection stay in the young generation instead of filling the old one (with the default, 20 full collections of
# ~65 ms in 20 s of Mijn modules; with 3, none).
# CompileThresholdScaling=4: the JIT compiles a method after 4 times as many calls: during the start the two compiler
# threads took more CPU (1.1 s) than the main thread (0.9 s); with 4 the first page comes 0.2-0.4 s sooner, and after
# the warm-up the pages are as fast (bench/ab.sh B/A 1.010).
# ReservedCodeCacheSize=32m (was 48m): compiled code that is no longer used is cleared sooner, so
# the code cache touches less memory: peak RSS -8 MB (the JIT used 22 MB of 48; with 32m a few more short full
# collections during the warm-up), bench/ab.sh B/A 0.983 requests/s, p99 0.93x.
DEFAULT_OPTS="-Xmx64m -XX:+UseSerialGC -XX:SurvivorRatio=3 -Xss512k -XX:ReservedCodeCacheSize=32m -XX:CompileCommand=MemLimit,*.*,16m -XX:CompileThresholdScaling=4"
# TrimNativeHeapInterval (JDK 22+): every second the JVM hands malloc'd memory that is free again (mostly the JIT
# compilers' arenas) back to the OS: 23-25 MB less resident after a load, 3-8 MB lower peak.
[ "$JDK_MAJOR" -ge 22 ] && DEFAULT_OPTS="$DEFAULT_OPTS -XX:TrimNativeHeapInterval=1000"
[ "$JDK_MAJOR" -ge 25 ] && DEFAULT_OPTS="$DEFAULT_OPTS -XX:+UseCompactObjectHeaders"
JAVA_OPTS=${JAVA_OPTS:-$DEFAULT_OPTS}
# AOT cache (JDK 25+): one training run with the same settings makes target/quarkus-app/app.aot; AOT=0 turns it off.
AOT=${AOT:-$([ "$JDK_MAJOR" -ge 25 ] && echo 1 || echo 0)}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
DATA_DIR=${DATA_DIR:-data/postgres-$SIZE}
OUT=target/bench
mkdir -p "$OUT"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
if [ ! -d "$DATA_DIR" ]; then
  echo "Generating the $SIZE dataset into $DATA_DIR ..."
  ./mvnw -q -Pgenerate-data -Dsize="$SIZE" -DdataDir="$DATA_DIR"
fi
if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ "${REBUILD:-0}" = 1 ]; then
  ./mvnw -q package -DskipTests
fi
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test > /dev/null
CP="target/test-classes:target/classes:$(cat "$OUT/classpath.txt")"

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 2; }
trap cleanup EXIT

start_serve() { # PostgreSQL on the dataset + the test OIDC server + tokens (one Java process, stopped at the end)
  rm -f "$OUT/env"
  setsid java -cp "$CP" nl.meldcodetour.bench.Bench serve "$DATA_DIR" "$OUT" "$USERS" > "$OUT/serve.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 240); do [ -f "$OUT/env" ] && break; sleep 0.5; done
  [ -f "$OUT/env" ] || { echo "PostgreSQL/OIDC did not start; see $OUT/serve.log" >&2; exit 1; }
  # shellcheck disable=SC1090
  source "$OUT/env"
  FIRST_TOKEN=$(head -1 "$OUT/medewerker-tokens.txt")
  SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
}

# The management interface (health, metrics) gets port + 1000: two instances side by side (bench/ab.sh) must not share
# Quarkus' default 9000, and a random port (0) hangs the start in Quarkus 3.34.
launch_app() { # package-dir port log [extra JVM options]; returns when /mijn-modules answers 200; pid in LAUNCHED
  local dir=$1 port=$2 log=$3 extra=${4:-}
  QUARKUS_HTTP_PORT=$port MANAGEMENT_HOST=127.0.0.1 MANAGEMENT_PORT=$((port + 1000)) \
  QUARKUS_DATASOURCE_JDBC_URL="$JDBC_URL" QUARKUS_DATASOURCE_USERNAME=postgres \
  QUARKUS_DATASOURCE_PASSWORD= OIDC_AUTH_SERVER_URL="$OIDC_URL" OIDC_ISSUER=https://server.example.com \
  QUARKUS_OIDC_APPLICATION_TYPE=hybrid OIDC_CLIENT_SECRET=bench-client-secret OIDC_STATE_SECRET="$SECRET" \
  OIDC_TOKEN_ENCRYPTION_SECRET="${SECRET}x" PUBLIC_URL=http://localhost:$port MAIL_FROM=bench@example.org \
  SMTP_HOST=127.0.0.1 MELDCODETOUR_REMINDERS_ENABLED=false MELDCODETOUR_RETENTION_ENABLED=false \
  MELDCODETOUR_RATE_LIMIT_QUIZ_PER_MINUTE=1000000000 QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
  QUARKUS_LOG_CATEGORY__IO_QUARKUS_OIDC__LEVEL=WARN \
  MELDCODETOUR_CONTENT_DIR="$PWD/content" \
    bash -c "set -f; cd $dir && exec $BENCH_JAVA $JAVA_OPTS $extra -jar quarkus-run.jar" >> "$log" 2>&1 &
  LAUNCHED=$!
  PIDS+=($LAUNCHED)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $FIRST_TOKEN" "http://localhost:$port/mijn-modules")" = 200 ]; do
    kill -0 "$LAUNCHED" 2>/dev/null || { echo "the application stopped; see $log" >&2; exit 1; }
    sleep 0.01
  done
}
