#!/usr/bin/env bash
# Runs `longlink check server` N times in a row and reports every rule whose verdict changed
# between runs: the kit has to give the same verdict every time, on a busy machine too.
#
#   scripts/repeat-check.sh N [check options...]     e.g. scripts/repeat-check.sh 20 --strict
#
# Without a URL among the options it checks the embedded reference server. To load the machine
# while it runs, start something CPU-bound beside it (e.g. `stress-ng --cpu 2`, or a build).
set -euo pipefail

runs="${1:-}"
if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/repeat-check.sh N [check options...]  (N: how many runs, at least 1)" >&2
  exit 2
fi
shift
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for ((i = 1; i <= runs; i++)); do
  start=$(date +%s%N)
  set +e
  "$root/longlink" check server "$@" > "$work/run-$i.txt" 2>&1
  code=$?
  set -e
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  # The summary's verdict lines: "    PASS         LL-HB-3     MUST    ...".
  grep -E '^    (PASS|FAIL|SKIP) +LL-' "$work/run-$i.txt" | awk '{print $2, $1}' | sort > "$work/verdicts-$i.txt" || true
  printf 'run %3d: exit %d, %5d ms, %3d passed, %d failed, %d skipped\n' "$i" "$code" "$ms" \
    "$(grep -c ' PASS$' "$work/verdicts-$i.txt" || true)" "$(grep -c ' FAIL$' "$work/verdicts-$i.txt" || true)" \
    "$(grep -c ' SKIP$' "$work/verdicts-$i.txt" || true)"
  if [[ "$code" -ne 0 ]]; then
    grep -E '^  FAIL|^          (expected|saw|timing|scenario)' "$work/run-$i.txt" | sed 's/^/         /' || true
  fi
done

cat "$work"/verdicts-*.txt | sort | uniq | awk '{print $1}' | uniq -d > "$work/changed.txt"
if [[ -s "$work/changed.txt" ]]; then
  echo "Rules whose verdict changed between runs:"
  while read -r rule; do
    printf '  %-11s' "$rule"
    for ((i = 1; i <= runs; i++)); do
      printf ' %s' "$(awk -v r="$rule" '$1 == r {print $2}' "$work/verdicts-$i.txt")"
    done
    echo
  done < "$work/changed.txt"
  exit 1
fi
echo "Every rule had the same verdict in all $runs runs."
