#!/usr/bin/env bash
# Start-up times as a newcomer sees them: `./mvnw spring-boot:run` on an empty data folder (embedded
# PostgreSQL initdb, migrations, demo seeding), then again on the same folder. Measures from the command
# to the "is ready" line of the log.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=bench/out/startup-data
mkdir -p bench/out
rm -rf "$DATA"
./mvnw -q -B compile
measure() {
    local label=$1 log=bench/out/startup-$1.log start end
    start=$(date +%s.%N)
    ./mvnw -q -B spring-boot:run -Dspring-boot.run.arguments="--liftcare.embedded-db.data-directory=$DATA --server.port=18181" > "$log" 2>&1 &
    local pid=$!
    until grep -q "is ready" "$log"; do
        kill -0 $pid 2>/dev/null || { cat "$log"; exit 1; }
        sleep 0.2
    done
    end=$(date +%s.%N)
    printf 'startup-%s: seconds=%.1f\n' "$label" "$(echo "$end - $start" | bc)"
    grep -E "Seeded |Started LiftCareApplication" "$log" | sed 's/^.*: /    /'
    pkill -TERM -f "server.port=18181" || true
    wait $pid 2>/dev/null || true
    while pgrep -f "server.port=18181" >/dev/null; do sleep 0.2; done
}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
measure first
measure later
