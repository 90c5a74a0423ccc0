#!/usr/bin/env bash
# Runs the benchmarks and exits non-zero when a ratio misses its target (each benchmark prints TARGET lines and
# exits 3 on a miss). By hand only, on a machine as quiet as you can make it; never part of CI or the test suite.
#   bench/run.sh                 all benchmarks
#   bench/run.sh pipeline churn  only those (executions of the bench profile: pipeline, churn, resolution, rest, netbox-preview,
#                                entities, heap, startup, vcenter, vectorize, embedding, hnsw, apply)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests
cd bench
log=$(mktemp)
status=0
if [ $# -eq 0 ]; then
  mvn -B -q -Pbench verify 2>&1 | tee "$log" || status=$?
else
  for b in "$@"; do
    mvn -B -q -Pbench "org.codehaus.mojo:exec-maven-plugin:3.5.0:exec@$b" 2>&1 | tee -a "$log" || status=$?
  done
fi
echo
echo "== summary =="
grep -E '^(RESULT|TARGET|MISSED)' "$log" || true
rm -f "$log"
exit $status
