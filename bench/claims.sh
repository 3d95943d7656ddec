#!/usr/bin/env bash
# Benchmark: claims filed through the API and decided at once (scope, cover, price, frequency, evidence,
# duplicates, limits; for a straight-through claim the ledger posting and the audit entry, all before the
# answer), on the demo district in a PostgreSQL server, at several concurrency levels; then pgbench's TPC-B on
# the same server for scale. Prints the lines for docs/benchmarks.md.
#   APP_JAVA_OPTS (extra JVM options for the application, e.g. a flight recording), CLAIMS (1000 per level), CLIENTS (1,2,3,4,8), PORT (18091), PGBENCH_SECONDS (30),
#   BENCH_DB_URL (jdbc:postgresql://127.0.0.1:5432/liftcare_claims_bench, user postgres, trust auth)
set -euo pipefail
cd "$(dirname "$0")/.."
CLAIMS=${CLAIMS:-1000}
CLIENTS=${CLIENTS:-1,2,3,4,8}
PORT=${PORT:-18091}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-30}
DB=${BENCH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/liftcare_claims_bench}
mkdir -p bench/out

./mvnw -q -B -DskipTests -DskipUTs=true package
run_bench() { ./mvnw -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass="$1" -Dexec.args="$2"; }

run_bench cn.liftcare.bench.BenchDatabase "reset $DB"
java -Xmx1g ${APP_JAVA_OPTS:-} -jar target/liftcare-*.jar --server.port="$PORT" --spring.datasource.url="$DB" \
    --spring.datasource.username=postgres --liftcare.demo=true > bench/out/app-claims.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until grep -q "is ready" bench/out/app-claims.log; do
    kill -0 $APP 2>/dev/null || { cat bench/out/app-claims.log; exit 1; }
    sleep 1
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
run_bench cn.liftcare.bench.ClaimLoad "http://localhost:$PORT $DB $CLAIMS $CLIENTS" | tee bench/out/claims.txt
kill $APP; wait $APP 2>/dev/null || true

# The same server's speed at a standard write transaction, so the figures can be compared across machines.
PGB=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench | head -1)
psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS liftcare_pgbench" -c "CREATE DATABASE liftcare_pgbench"
"$PGB" -h 127.0.0.1 -U postgres -q -i -s 10 liftcare_pgbench >/dev/null 2>&1
"$PGB" -h 127.0.0.1 -U postgres -c 8 -j 2 -T "$PGBENCH_SECONDS" liftcare_pgbench 2>/dev/null | tee bench/out/pgbench.txt \
    | grep -E "^tps|latency average"
python3 - <<'PY'
import re
claims = open("bench/out/claims.txt").read()
rows = re.findall(r"clients=(\d+) n=\d+ p50_ms=[\d.]+ p95_ms=[\d.]+ p99_ms=([\d.]+) claims_per_s=(\d+)", claims)
# the busiest level that keeps p99 under the 50 ms target, else the busiest level
within = [r for r in rows if float(r[1]) < 50]
best = max(within or rows, key=lambda r: int(r[2]))
tps = float(re.search(r"tps = ([\d.]+)", open("bench/out/pgbench.txt").read()).group(1))
print(f"claims: claims_per_s={best[2]} p99_ms={best[1]} clients={best[0]} pgbench_tps={tps:.0f} ratio={int(best[2]) / tps:.2f}")
PY
