#!/usr/bin/env bash
# Benchmark: the quality scores of a quarter at city scale (225,000 elevators, Hangzhou 2024, with a year of
# maintenance visits, incidents, inspections, residents' reports and votes, spot checks), recomputed through the
# API as the regulator; then the same facts exported to Parquet and the same indicators computed by DuckDB, which
# must agree with what LiftCare stored (per elevator, community and company). Prints the lines for
# docs/benchmarks.md.
#   ELEVATORS (225000), PERIOD (the current quarter: the open one the nightly job recomputes), RUNS (2), PORT (18092),
#   BENCH_DB_URL (jdbc:postgresql://127.0.0.1:5432/liftcare_quality_bench, user postgres, trust auth),
#   REUSE=1 keeps the database of the previous run instead of rebuilding it
set -euo pipefail
cd "$(dirname "$0")/.."
ELEVATORS=${ELEVATORS:-225000}
RUNS=${RUNS:-2}
PORT=${PORT:-18092}
DB=${BENCH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/liftcare_quality_bench}
PERIOD=${PERIOD:-$(TZ=Asia/Shanghai date +%Y)-Q$(( ($(TZ=Asia/Shanghai date +%-m) - 1) / 3 + 1 ))}
mkdir -p bench/out/quality

./mvnw -q -B -DskipTests -DskipUTs=true package
run_bench() { ./mvnw -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass="$1" -Dexec.args="$2"; }

[ "${REUSE:-0}" = 1 ] || run_bench cn.liftcare.bench.BenchDatabase "reset $DB"
# the nightly scoring job is switched off, so that it cannot run during the measurement
java -Xmx1g ${APP_JAVA_OPTS:-} -jar target/liftcare-*.jar --server.port="$PORT" --spring.datasource.url="$DB" \
    --spring.datasource.username=postgres --liftcare.demo=true --liftcare.quality.score-cron=- \
    > bench/out/app-quality.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until grep -q "is ready" bench/out/app-quality.log; do
    kill -0 $APP 2>/dev/null || { cat bench/out/app-quality.log; exit 1; }
    sleep 1
done
if [ "${REUSE:-0}" != 1 ]; then
    run_bench cn.liftcare.bench.BenchDatabase "elevators $DB $ELEVATORS"
    run_bench cn.liftcare.bench.QualityData "$DB"
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
run_bench cn.liftcare.bench.QualityBench "score http://localhost:$PORT $PERIOD $RUNS" | tee bench/out/quality-score.txt
kill $APP; wait $APP 2>/dev/null || true
run_bench cn.liftcare.bench.QualityBench "duckdb $DB $PERIOD bench/out/quality" | tee bench/out/quality-duckdb.txt
python3 - "$ELEVATORS" <<'PY'
import re, sys
score = open("bench/out/quality-score.txt").read()
duck = open("bench/out/quality-duckdb.txt").read()
seconds = float(re.findall(r"liftcare_seconds=([\d.]+)", score)[-1])
duckdb = float(re.search(r"duckdb_seconds=([\d.]+)", duck).group(1))
elevators = re.search(r"elevators=(\d+)", duck).group(1)
print(f"quality: elevators={elevators} seconds={seconds:.1f} duckdb_seconds={duckdb:.1f} ratio={seconds / duckdb:.1f}")
PY
