#!/usr/bin/env bash
# Customer list benchmark (issue 4): a 1,000,000-row CSV imported into a campaign of an Outdial
# running on PostgreSQL, then the list's first page, a deep page and searches timed.
# Needs a PostgreSQL database: OUTDIAL_DB_URL/USER/PASSWORD (default: localhost outdial_bench).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rows="${1:-1000000}"
port="${BENCH_PORT:-18080}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export OUTDIAL_DB_URL="${OUTDIAL_DB_URL:-jdbc:postgresql://localhost:5432/outdial_bench}"
export OUTDIAL_DB_USER="${OUTDIAL_DB_USER:-outdial}" OUTDIAL_DB_PASSWORD="${OUTDIAL_DB_PASSWORD:-outdial}"
export OUTDIAL_OPERATOR_PASSWORD="${OUTDIAL_OPERATOR_PASSWORD:-bench-operator-password}"
cd "$root"
./mvnw -q -B -DskipTests install
"$root/outdial" run --port "$port" > "$root/bench/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://localhost:$port/actuator/health" >/dev/null && break; sleep 1; done
"$JAVA_HOME/bin/java" -cp bench/target/classes dev.outdial.bench.CustomerListBench \
  "http://localhost:$port" "$OUTDIAL_OPERATOR_PASSWORD" "$rows"
