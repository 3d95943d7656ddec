#!/usr/bin/env bash
# Benchmark: residents' reports and the incident boards, on the demo district (1,004 elevators, a year of
# incidents) in a PostgreSQL server. Runs LiftCare from its jar behind a notional proxy (forwarded client
# addresses, so each simulated resident has its own address for the rate limit), then drives it from a second
# JVM. Prints the lines for docs/benchmarks.md.
#   REPORTS (2000), READS (2000), CLIENTS (4), PORT (18090),
#   BENCH_DB_URL (jdbc:postgresql://127.0.0.1:5432/liftcare_bench_incidents, user postgres, trust auth)
set -euo pipefail
cd "$(dirname "$0")/.."
REPORTS=${REPORTS:-2000}
READS=${READS:-2000}
CLIENTS=${CLIENTS:-4}
PORT=${PORT:-18090}
DB=${BENCH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/liftcare_bench_incidents}
mkdir -p bench/out

./mvnw -q -B -DskipTests -DskipUTs=true package
run_bench() { ./mvnw -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass="$1" -Dexec.args="$2"; }

run_bench cn.liftcare.bench.BenchDatabase "reset $DB"
java -Xmx1g -jar target/liftcare-*.jar --server.port="$PORT" --spring.datasource.url="$DB" \
    --spring.datasource.username=postgres --liftcare.demo=true --server.forward-headers-strategy=native \
    > bench/out/app-incidents.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until grep -q "is ready" bench/out/app-incidents.log; do
    kill -0 $APP 2>/dev/null || { cat bench/out/app-incidents.log; exit 1; }
    sleep 1
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
run_bench cn.liftcare.bench.IncidentLoad "http://localhost:$PORT $REPORTS $READS $CLIENTS"
