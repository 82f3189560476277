#!/usr/bin/env bash
# Runs `longlink check client` RUNS times in a row, each with a report directory of its own, and
# prints every scenario's verdicts over the runs. A scenario whose verdict differs between runs
# is a flake: the kit has to judge a client the same way every time, on a busy machine too.
#
#   scripts/repeat-client-check.sh [RUNS] [check client options...] [-- driver command...]
#   e.g. scripts/repeat-client-check.sh 20
#        scripts/repeat-client-check.sh 5 --parallelism 2 -- node sdk/miniprogram/driver/driver.js --runtime wx
#
# RUNS defaults to 20. Without a driver command it checks the embedded reference Java client.
# Bounds: each run is killed after RUN_TIMEOUT_S seconds (default 300; the kit's own deadlines end
# a run long before), and no run starts once TOTAL_TIMEOUT_S seconds have passed (default 3600).
# The reports stay in REPORTS_DIR (default a new temporary directory, printed at the end).
# Exit: 0 every scenario had one verdict in all runs; 1 some scenario's verdict changed;
# 2 bad usage, or a run broke (killed, or it wrote no results.json).
set -euo pipefail

runs=20
if [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; then
  runs="$1"
  shift
fi
if [[ "$runs" -lt 1 ]]; then
  echo "repeat-client-check: RUNS is $runs; give at least 1, e.g. scripts/repeat-client-check.sh 20" >&2
  exit 2
fi
run_timeout="${RUN_TIMEOUT_S:-300}"
total_timeout="${TOTAL_TIMEOUT_S:-3600}"
for limit in "$run_timeout" "$total_timeout"; do
  if ! [[ "$limit" =~ ^[1-9][0-9]*$ ]]; then
    echo "repeat-client-check: RUN_TIMEOUT_S and TOTAL_TIMEOUT_S are whole seconds, at least 1 (got $limit)" >&2
    exit 2
  fi
done
if ! command -v python3 > /dev/null; then
  echo "repeat-client-check: python3 is needed to read the runs' results.json; install it and run this again" >&2
  exit 2
fi
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
reports="${REPORTS_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/repeat-client-check.XXXXXX")}"
mkdir -p "$reports"

# Build once up front, so that no run's time includes a build.
"$root/longlink" check client --dry-run "$@" > /dev/null

started=$SECONDS
broken=0
for ((i = 1; i <= runs; i++)); do
  if (( SECONDS - started >= total_timeout )); then
    echo "run $i not started: TOTAL_TIMEOUT_S ($total_timeout s) has passed; $((i - 1)) runs done" >&2
    broken=1
    break
  fi
  dir="$reports/run-$i"
  start=$(date +%s%N)
  set +e
  timeout --kill-after=10 "$run_timeout" "$root/longlink" check client --report-dir "$dir" "$@" > "$reports/run-$i.txt" 2>&1
  code=$?
  set -e
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  printf 'run %3d: exit %d, %6d ms\n' "$i" "$code" "$ms"
  if [[ "$code" -ne 0 ]]; then
    # What failed, or the driver error that ended the run (a driver too slow for its deadlines on a busy machine).
    grep -E '^  FAIL|^          (expected|saw|scenario)|^driver error' "$reports/run-$i.txt" | cut -c1-240 | sed 's/^/         /' || true
  fi
  if [[ "$code" -ge 124 || ! -f "$dir/results.json" ]]; then
    echo "         broken: killed after $run_timeout s, or no results.json (see $reports/run-$i.txt)" >&2
    broken=1
  fi
done

set +e
python3 - "$reports" "$runs" <<'EOF'
import glob, json, os, sys

reports, runs = sys.argv[1], int(sys.argv[2])
verdicts = {}  # scenario -> {run: status}
for i in range(1, runs + 1):
    path = os.path.join(reports, f"run-{i}", "results.json")
    if not os.path.exists(path):
        continue
    with open(path) as f:
        results = json.load(f)
    for rule in results["rules"]:
        for s in rule["scenarios"]:
            key = f'{s["feature"]}:{s["line"]} {s["name"]}'
            verdicts.setdefault(key, {})[i] = s["status"]

flaky = 0
print(f"Verdicts per scenario over {runs} runs:")
for key in sorted(verdicts):
    seen = verdicts[key]
    counts = {}
    for status in seen.values():
        counts[status] = counts.get(status, 0) + 1
    missing = runs - len(seen)
    if missing:
        counts["not run"] = missing
    shown = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    mark = "FLAKY " if len(counts) > 1 else "      "
    flaky += len(counts) > 1
    print(f"  {mark}{key[:110]:<110}  {shown}")
print(f"{len(verdicts)} scenarios, {flaky} with a verdict that changed between runs.")
sys.exit(1 if flaky else 0)
EOF
verdict=$?
set -e
echo "Reports: $reports"
if [[ "$broken" -ne 0 ]]; then
  exit 2
fi
exit "$verdict"
