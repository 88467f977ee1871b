#!/usr/bin/env bash
# Issue 18's live-load benchmark (a benchmark, not a test: it prints tables, asserts nothing).
#   bench/live-load.sh [--customers 1000000] [--businesses 10] [--campaigns 4] [--agents 40] [--minutes 10]
#                      [--nodes 1,2] [--ring 1s] [--talk 4s] [--no-answer 3s] [--limit 1000] [--pool 10]
#                      [--warmup-seconds 30] [--db outdial_live_load_bench] [--port 8180] [--reuse] [--jfr]
#                      [--engine-threads 4] [--listener-threads 4] [--kill-every SECONDS] [--pacer-lease 60s]
# Prepares a PostgreSQL database (dropped and made again unless --reuse: role outdial may CREATEDB) with
# businesses x campaigns running campaigns (progressive and predictive in turn) of --agents bots each over
# --customers customers (generate_series), then runs the server jar on it with the simulated carrier in a
# fast profile, one node and then two (each business's pacer lease given to one node in turn), and prints
# dial attempts/s, claim and call-end write latency (Micrometer timers), CPU of the JVMs and PostgreSQL
# (/proc) and the audit's violations. Smoke run: --customers 100000 --minutes 1 --businesses 2 --agents 10.
# Ports: --port (the setup node) and the next ones (a node each). Note the machine's load beside the figures.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
cd "$root"
jar="$root/server/target/outdial-server.jar"
if [ ! -f "$jar" ] || [ -n "${BUILD:-}" ]; then
  echo "live-load.sh: building the server jar..." >&2
  ./mvnw -q -B -DskipTests -pl server -am package >"$root/.build.log" 2>&1 || { tail -n 40 "$root/.build.log" >&2; exit 1; }
fi
echo "load before: $(uptime)" >&2
exec python3 "$root/bench/live_load.py" --jar "$jar" "$@"
