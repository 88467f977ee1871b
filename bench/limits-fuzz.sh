#!/usr/bin/env bash
# Issue 15's promise searched over random sessions (LimitsFuzz): seeded scenario files drawn across
# what contact centers meet, predictive on several seeds each, one Markdown row per day, days over
# the limit (the day, a clock hour of >= 100 answers) or with violations flagged and saved to --out.
#   bench/limits-fuzz.sh [--scenarios 150] [--seed 1] [--seeds 3] [--first N]
#                        [--strategies progressive,adaptive-baseline,oracle,fixed:2.0] [--out DIR]
# One thread; run it with nice beside other work.
set -euo pipefail
PACING_MAIN=dev.outdial.bench.pacing.LimitsFuzz exec "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/pacing.sh" "$@"
