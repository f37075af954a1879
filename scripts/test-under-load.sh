#!/usr/bin/env bash
# The whole test suite, RUNS times in a row (2 by default), while stress-ng keeps every core busy: the suite
# must not depend on timing. Prints each run's duration and result; exits non-zero if any run failed.
#   npm run test:under-load            # or RUNS=1 npm run test:under-load
set -uo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-2}"
CPUS="${STRESS_CPUS:-$(nproc)}"

if ! command -v stress-ng >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends stress-ng) >/dev/null
fi

mkdir -p tmp
stress-ng --cpu "$CPUS" --cpu-method matrixprod --timeout 0 --quiet &
HOG=$!
trap 'kill "$HOG" 2>/dev/null; wait "$HOG" 2>/dev/null' EXIT
echo "stress-ng --cpu $CPUS running (pid $HOG) on $(nproc) cores"

failed=0
for run in $(seq 1 "$RUNS"); do
  start=$(date +%s)
  if npm test > "tmp/test-under-load-$run.log" 2>&1; then outcome=passed; else outcome=FAILED; failed=1; fi
  end=$(date +%s)
  totals=$(grep -E '^Tests: ' "tmp/test-under-load-$run.log" | tail -1)
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "run $run: $outcome in $((end - start)) s — ${totals:-no totals} — load average $load (log: tmp/test-under-load-$run.log)"
done
exit "$failed"
