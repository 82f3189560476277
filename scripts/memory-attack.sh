#!/usr/bin/env bash
# Replays, at full scale, the attack that took the 1.0 reference server out of memory, and prints
# what a healthy user saw with and without it in the same run: the server (its defaults, -Xmx512m)
# as a process of its own on loopback; 4 attackers x 5 connections sending 60 KB chats at the
# allowed rate to 500 offline users and to 10 users whose connections stopped reading.
#
#   scripts/memory-attack.sh [HEALTHY_SECONDS [ATTACK_SECONDS]]     defaults: 20 40
#
# The done-when: no OutOfMemoryError, no 1011, /healthz answering, every acked chat delivered,
# and the healthy user's ack p99 under attack within 2x of the p99 without it.
set -euo pipefail

healthy_s="${1:-20}"
attack_s="${2:-40}"
for n in "$healthy_s" "$attack_s"; do
  if ! [[ "$n" =~ ^[1-9][0-9]*$ ]] || (( n > 600 )); then
    echo "usage: scripts/memory-attack.sh [HEALTHY_SECONDS [ATTACK_SECONDS]]  (each 1-600)" >&2
    exit 2
  fi
done
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
mvn -B -q -pl reference-server -am install -DskipTests
mvn -B -q -pl reference-server test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$work/classpath.txt"
cp="$root/reference-server/target/test-classes:$root/reference-server/target/classes:$(cat "$work/classpath.txt")"
# Bounded: the phases, plus a minute for startup, the settling of deliveries and shutdown.
timeout $(( healthy_s + attack_s + 120 )) java -cp "$cp" io.longlink.server.attack.MemoryAttackMain "$healthy_s" "$attack_s"
