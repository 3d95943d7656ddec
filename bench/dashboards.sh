#!/usr/bin/env bash
# Benchmark: every party's home dashboard at city scale (225,000 elevators, Hangzhou, with the year of facts of
# bench/quality.sh). Builds the database (or reuses it), restarts LiftCare on it so that the start-up rebuild
# recomputes every dashboard from the city-scale data, waits for that rebuild (polling dashboard_board), reports
# each board's compute time, then signs in through the login form as a city-level regulator, the district
# regulator, the city-wide insurer, the bench maintenance company with the most elevators and a bench use unit,
# and times GET / (the whole page) at several concurrency levels; last, a resident's report on one of the use
# unit's elevators, and how long until its page and the other boards show it. Prints the lines for
# docs/benchmarks.md.
#   ELEVATORS (225000), REQUESTS (2000 per level, all users together), CLIENTS (1,2,4), PORT (18093),
#   BENCH_DB_URL (jdbc:postgresql://127.0.0.1:5432/liftcare_dashboard_bench, user postgres, trust auth),
#   REUSE=1 keeps the database of the previous run instead of rebuilding it, APP_JAVA_OPTS (e.g. a flight recording)
set -euo pipefail
cd "$(dirname "$0")/.."
ELEVATORS=${ELEVATORS:-225000}
REQUESTS=${REQUESTS:-2000}
CLIENTS=${CLIENTS:-1,2,4}
PORT=${PORT:-18093}
DB=${BENCH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/liftcare_dashboard_bench}
LOG=bench/out/app-dashboards.log
mkdir -p bench/out
BENCH_STARTED=$(date +%s)

./mvnw -q -B -DskipTests -DskipUTs=true package
run_bench() { ./mvnw -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass="$1" -Dexec.args="$2"; }
APP=
start_app() {
    java -Xmx1g ${APP_JAVA_OPTS:-} -jar target/liftcare-*.jar --server.port="$PORT" --spring.datasource.url="$DB" \
        --spring.datasource.username=postgres --liftcare.demo=true --liftcare.quality.score-cron=- > "$1" 2>&1 &
    APP=$!
    until grep -q "is ready" "$1"; do
        kill -0 $APP 2>/dev/null || { cat "$1"; exit 1; }
        sleep 1
    done
}
stop_app() { kill $APP; wait $APP 2>/dev/null || true; APP=; }
trap '[ -z "$APP" ] || kill $APP 2>/dev/null || true' EXIT

if [ "${REUSE:-0}" != 1 ]; then
    # the same database as bench/quality.sh (BenchDatabase, QualityData), under its own name
    run_bench cn.liftcare.bench.BenchDatabase "reset $DB"
    start_app bench/out/app-dashboards-fill.log
    run_bench cn.liftcare.bench.BenchDatabase "elevators $DB $ELEVATORS"
    run_bench cn.liftcare.bench.QualityData "$DB"
    stop_app
    echo "database built in $(( $(date +%s) - BENCH_STARTED )) s"
fi
run_bench cn.liftcare.bench.DashboardLoad "parties $DB"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
STARTED_MS=$(date +%s%3N)
start_app "$LOG"
echo "started in $(( $(date +%s%3N) - STARTED_MS )) ms; waiting for the start-up rebuild of every dashboard"
run_bench cn.liftcare.bench.DashboardLoad "await $DB $STARTED_MS $LOG" | tee bench/out/dashboards-compute.txt
run_bench cn.liftcare.bench.DashboardLoad "load http://localhost:$PORT $DB $REQUESTS $CLIENTS" | tee bench/out/dashboards.txt
run_bench cn.liftcare.bench.DashboardLoad "fresh http://localhost:$PORT $DB" | tee bench/out/dashboards-fresh.txt
stop_app
echo "whole bench: $(( $(date +%s) - BENCH_STARTED )) s"
grep "^dashboards:" bench/out/dashboards.txt
