#!/usr/bin/env bash
# Dashboard benchmark (issue #5): p95 of the municipal dashboard on a generated dataset. See docs/benchmarks.md.
#
#   bench/dashboard.sh                # uses data/postgres-national (make it with: ./mvnw -Pgenerate-data -Dsize=national)
#   DATA_DIR=target/gen-small bench/dashboard.sh
#
# Starts the application in dev mode (embedded PostgreSQL on DATA_DIR, dev OIDC server) on port 8089, waits until it
# is ready, runs the measuring client (DashboardBenchmark) and stops the application again.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA_DIR=${DATA_DIR:-data/postgres-national}
PORT=${PORT:-8089}
if [ ! -d "$DATA_DIR" ]; then
  echo "No data in $DATA_DIR. Generate it first: ./mvnw -Pgenerate-data -Dsize=national" >&2
  exit 1
fi
LOG=target/bench-dashboard-app.log
mkdir -p target
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr), $(java -version 2>&1 | head -1)"
if curl -s -o /dev/null "http://localhost:$PORT/"; then
  echo "Port $PORT is in use; stop what runs there or set PORT=..." >&2
  exit 1
fi
# own process group, so stopping it stops Maven, the dev-mode JVM and PostgreSQL and nothing else
setsid ./mvnw -q quarkus:dev -Dmeldcodetour.embedded-db.data-dir="$DATA_DIR" -Dquarkus.http.port="$PORT" \
  -Dquarkus.console.enabled=false -Ddebug=false > "$LOG" 2>&1 &
APP=$!
trap 'kill -TERM -- -$APP 2>/dev/null || true; sleep 3' EXIT
for i in $(seq 1 180); do
  if curl -sf "http://localhost:$PORT/q/health/ready" > /dev/null; then break; fi
  sleep 1
done
curl -sf "http://localhost:$PORT/q/health/ready" > /dev/null || { echo "The application did not become ready; see $LOG" >&2; exit 1; }
./mvnw -q -o -Pbench-dashboard -DbaseUrl="http://localhost:$PORT" "$@"
