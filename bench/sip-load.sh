#!/usr/bin/env bash
# Issue 12's SIP load benchmark (a benchmark, not a test: it prints tables, asserts nothing).
#   bench/sip-load.sh [--legs 100,200,400,800] [--seconds 10] [--rtp-ports 61000-62998] [--sip]
# Part 1, media alone: legs of one MediaEngine on loopback relaying two-way audio between UDP far
#   ends of a driver, or playing prompts: the engine's CPU per core, relay transit and jitter
#   against a direct baseline, bridge -> first packet at the agent.
# Part 2, SIP (--sip): SIPp as the carrier (bench/sipp/carrier.xml, answering with audio), the
#   adapter placing calls at rising rates; see bench/README.md for what it measures and what waits.
# The machine is shared: run it briefly and note the load (uptime) beside the figures.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}" PATH="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin:$PATH"
cd "$root"

media_args=() sip=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sip) sip=1; shift ;;
    --legs|--seconds|--rtp-ports) media_args+=("$1" "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

echo "sip-load.sh: building the SIP adapter and the benchmark..." >&2
./mvnw -q -B -o -DskipTests -pl sip,bench -am package >"$root/.build.log" 2>&1 \
  || ./mvnw -q -B -DskipTests -pl sip,bench -am package >"$root/.build.log" 2>&1 \
  || { tail -n 40 "$root/.build.log" >&2; exit 1; }
classpath="$root/bench/target/classes:$root/bench/target/lib/*"

echo "load before: $(uptime)" >&2
echo "## Media alone"
java ${SIP_LOAD_JAVA_OPTS:-} -cp "$classpath" dev.outdial.bench.sip.MediaLoad "${media_args[@]}"
echo "load after media: $(uptime)" >&2

if [ -n "$sip" ]; then
  exec "$root/bench/sipp/sip-part.sh" "$classpath"
fi
