#!/usr/bin/env bash
# Mutation testing of the reference server with the kit's scenarios as the test suite (PIT): each
# mutant of the server's classes runs the server scenarios that cover the mutated line, one at a
# time (kit/src/test/java/io/longlink/kit/suite/MutationSuite.java). A mutant no scenario kills
# is a change to the server that no wire check sees: a gap in the kit, or a change the spec allows.
#
#   scripts/mutation-test.sh [PACKAGE...]
#   e.g. scripts/mutation-test.sh limits connection     (io.longlink.server.limits, ...connection)
#        scripts/mutation-test.sh                       (every package of the server: hours)
#
# Slow, not part of the build: a package of ~100 mutants takes 5-15 minutes on 2 cores. The
# reports go to REPORTS_DIR (default target/mutation, one directory per package), and a line per
# package is printed: mutants, killed, survived, no coverage, score. THREADS (default 1) mutants
# run at once; more is faster and makes timing scenarios more likely to fail by load, which PIT
# then counts as kills. Each package gets at most PACKAGE_TIMEOUT_S seconds (default 3600).
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
reports="${REPORTS_DIR:-$root/target/mutation}"
threads="${THREADS:-1}"
timeout_s="${PACKAGE_TIMEOUT_S:-3600}"
packages=("$@")
if [[ ${#packages[@]} -eq 0 ]]; then
  mapfile -t packages < <(find "$root/reference-server/src/main/java/io/longlink/server" -mindepth 1 -maxdepth 1 -type d \
    -printf '%f\n' | sort)
fi
for p in "${packages[@]}"; do
  if [[ ! -d "$root/reference-server/src/main/java/io/longlink/server/$p" ]]; then
    echo "mutation-test: no package io.longlink.server.$p; the packages are:" \
      "$(ls "$root/reference-server/src/main/java/io/longlink/server" | tr '\n' ' ')" >&2
    exit 2
  fi
done
for tool in mvn python3 timeout; do
  if ! command -v "$tool" > /dev/null; then
    echo "mutation-test: $tool is needed; install it and run this again" >&2
    exit 2
  fi
done

cd "$root"
mvn -q -B install -DskipTests > /dev/null
mkdir -p "$reports"
printf '%-12s %8s %7s %9s %12s %6s\n' package mutants killed survived no-coverage score
for p in "${packages[@]}"; do
  out="$reports/$p"
  rm -rf "$out"
  if ! timeout "$timeout_s" mvn -B -Pmutation -pl reference-server,kit test-compile \
      org.pitest:pitest-maven:mutationCoverage -Dmutation.classes="io.longlink.server.$p.*" \
      -Dmutation.threads="$threads" -Dmutation.reports="$out" > "$reports/$p.log" 2>&1; then
    echo "$p: PIT failed or ran out of time; see $reports/$p.log" >&2
    continue
  fi
  python3 - "$out/mutations.xml" "$p" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
count = {}
for m in root:
    count[m.get('status')] = count.get(m.get('status'), 0) + 1
total = sum(count.values())
killed = count.get('KILLED', 0) + count.get('TIMED_OUT', 0) + count.get('MEMORY_ERROR', 0)
score = 100.0 * killed / total if total else 0.0
print('%-12s %8d %7d %9d %12d %5.0f%%' % (sys.argv[2], total, killed, count.get('SURVIVED', 0),
      count.get('NO_COVERAGE', 0), score))
PY
done
echo "Reports: $reports/<package>/index.html; survivors: $reports/<package>/mutations.xml (status SURVIVED)"
