#!/usr/bin/env bash
# Benchmark: GET /api/v1/elevators, filtered and paged, with 200,000 elevators in the database
# (Hangzhou's scale). Runs LiftCare from its jar against a PostgreSQL server, fills the database,
# then drives it from a second JVM. Prints the line for docs/benchmarks.md.
#   ELEVATORS (200000), REQUESTS (6000), CLIENTS (4), PORT (18080),
#   BENCH_DB_URL (jdbc:postgresql://127.0.0.1:5432/liftcare_bench, user postgres, trust auth),
#   REUSE=1 keeps the database of the previous run instead of rebuilding it
set -euo pipefail
cd "$(dirname "$0")/.."
ELEVATORS=${ELEVATORS:-200000}
REQUESTS=${REQUESTS:-6000}
CLIENTS=${CLIENTS:-4}
PORT=${PORT:-18080}
DB=${BENCH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/liftcare_bench}
mkdir -p bench/out

./mvnw -q -B -DskipTests -DskipUTs=true package
run_bench() { ./mvnw -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass="$1" -Dexec.args="$2"; }

[ "${REUSE:-0}" = 1 ] || run_bench cn.liftcare.bench.BenchDatabase "reset $DB"
java -Xmx1g -jar target/liftcare-*.jar --server.port="$PORT" --spring.datasource.url="$DB" \
    --spring.datasource.username=postgres --liftcare.demo=true > bench/out/app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until grep -q "is ready" bench/out/app.log; do
    kill -0 $APP 2>/dev/null || { cat bench/out/app.log; exit 1; }
    sleep 1
done
[ "${REUSE:-0}" = 1 ] || run_bench cn.liftcare.bench.BenchDatabase "elevators $DB $ELEVATORS"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
for clients in $CLIENTS; do
    echo "-- $clients concurrent clients"
    run_bench cn.liftcare.bench.RegistryListLoad "http://localhost:$PORT $ELEVATORS $REQUESTS $clients"
done
echo "-- import of 10,000 rows into the same database"
run_bench cn.liftcare.bench.ImportLoad "http://localhost:$PORT 10000"
