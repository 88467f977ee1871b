#!/usr/bin/env bash
# Issue 6's pacing benchmark: every scenario of the matrix through every strategy, plus the best
# fixed ratio found in hindsight, as one Markdown table on stdout.
#   bench/pacing.sh [--agents 10,50,200] [--seed N] [--threads N]
#   bench/pacing.sh --suite limits [--seeds 5] [--seed 1] [--threads N]   issue 15's sessions, several seeds each
# PACING_MAIN names another main class of the benchmark to run after the same build (bench/limits-fuzz.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}" PATH="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin:$PATH"
cd "$root"
# Built only when a source changed since the last build (the rule `./outdial simulate` follows, on the same stamp):
# two runs from one worktree then never package the jars under each other.
if [ ! -d "$root/bench/target/lib" ] || [ -n "$(find "$root/pom.xml" "$root/engine" "$root/bench" -newer "$root/bench/target/lib" \( -path '*/target' -prune -o -type f -print \) 2>/dev/null | head -n1)" ]; then
  echo "pacing.sh: building the engine and the benchmark..." >&2
  ./mvnw -q -B -o -DskipTests -pl engine,bench -am package >"$root/.build.log" 2>&1 \
    || ./mvnw -q -B -DskipTests -pl engine,bench -am package >"$root/.build.log" 2>&1 \
    || { tail -n 40 "$root/.build.log" >&2; exit 1; }
  touch "$root/bench/target/lib"
fi
exec java ${PACING_JAVA_OPTS:-} -cp "$root/bench/target/classes:$root/bench/target/lib/*" "${PACING_MAIN:-dev.outdial.bench.pacing.PacingMatrix}" "$@"
