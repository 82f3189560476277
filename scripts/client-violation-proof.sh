#!/usr/bin/env bash
# The slow, complete client proof (not run in CI): for every fault switch of the reference
# client's driver, runs the FULL client suite (--strict: SHOULD rules too) against
# `DriverMain --violate RULE` and prints, per switch, which rules failed, compared with the
# cascades table that ClientViolationProofIT uses. ClientViolationProofIT runs each switch with
# its own rule and its listed cascades only; this finds the cascades missing from that table.
#
#   scripts/client-violation-proof.sh [LL-XX-n ...]     (default: every switch)
#
# Exits 1 when a switch is not caught by its own rule or fails a rule the table does not list.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
jar="$root/cli/target/longlink.jar"
table="$root/kit/src/test/resources/io/longlink/kit/proof/client-cascades.tsv"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$root/longlink" --version > /dev/null  # builds the jar when it is missing or stale
if [[ $# -gt 0 ]]; then
  switches=("$@")
else
  mapfile -t switches < <(java -cp "$jar" io.longlink.client.driver.DriverMain --list-violations | cut -f1)
fi

status=0
for rule in "${switches[@]}"; do
  start=$(date +%s)
  set +e
  "$root/longlink" check client --strict --report-dir "$work/$rule" \
      -- java -cp "$jar" io.longlink.client.driver.DriverMain --violate "$rule" > "$work/$rule.txt" 2>&1
  code=$?
  set -e
  failed=$(python3 -c 'import json,sys; print(",".join(r["id"] for r in json.load(open(sys.argv[1]))["rules"]
      if r["status"] == "failed"))' "$work/$rule/results.json" 2>/dev/null || echo "?")
  allowed=$(awk -F'\t' -v r="$rule" '$1 == r { print $2 }' "$table")
  unexpected=""
  for f in ${failed//,/ }; do
    [[ "$f" == "$rule" || ",$allowed," == *",$f,"* ]] || unexpected+="$f "
  done
  verdict="caught"
  if [[ "$failed" == "?" ]]; then
    verdict="NO REPORT (exit $code): $(tail -1 "$work/$rule.txt")"; status=1
  elif [[ ",$failed," != *",$rule,"* ]]; then
    if grep -qE "^ +NOT COVERED +$rule " "$work/$rule.txt"; then verdict="not proven: $rule has no client scenario yet"
    else verdict="NOT CAUGHT: $rule did not fail"; status=1; fi
  fi
  [[ -n "$unexpected" ]] && { verdict+="; UNLISTED CASCADES: $unexpected"; status=1; }
  printf '%-10s exit %d %4ds  failed: %-40s listed: %-25s %s\n' "$rule" "$code" $(( $(date +%s) - start )) \
      "${failed:-none}" "${allowed:-none}" "$verdict"
done
exit "$status"
