#!/usr/bin/env bash
# Runs one jest test file N times in a row and tallies the runs, to tell a flaky test from a sound one.
# Each run's output is kept; the seeds of failing runs are printed so that they can be replayed.
#   usage: scripts/repeat-test.sh N PROJECT PATTERN [LOGDIR]
#   e.g.   scripts/repeat-test.sh 50 integration fanout-http
set -uo pipefail
cd "$(dirname "$0")/.."
# Run jest on the project's Node 24 (node_modules/.bin/node), as npm scripts do, not on the machine's default.
export PATH="$PWD/node_modules/.bin:$PATH"
runs=${1:?runs}; project=${2:?project}; pattern=${3:?pattern}
logs=${4:-test-results/repeat-$pattern}
mkdir -p "$logs"
passed=0; failed=0
for i in $(seq 1 "$runs"); do
  log="$logs/run-$i.log"
  if node_modules/.bin/jest --selectProjects "$project" --testPathPattern "$pattern" >"$log" 2>&1; then
    passed=$((passed + 1)); verdict=pass
  else
    failed=$((failed + 1)); verdict=FAIL
  fi
  seed=$(grep -oE 'seed [0-9]+' "$log" | head -n 1)
  echo "run $i: $verdict ${seed:-}"
done
echo "$passed passed, $failed failed of $runs (logs in $logs)"
[ "$failed" -eq 0 ]
