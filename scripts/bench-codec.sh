#!/usr/bin/env bash
# JMH microbenchmarks of the codec (benchmarks/src/main/java/io/longlink/bench/CodecBenchmark.java):
# decode and validate of a chat, a ping and a delivery ack as the reference server does it for
# every inbound frame, next to plain Jackson readValue and readTree of the same frames, and the
# encoding of a delivery; with the bytes each allocates (-prof gc, gc.alloc.rate.norm in B/op).
#
#   scripts/bench-codec.sh [JMH options...]
#   e.g. scripts/bench-codec.sh -wi 2 -i 3 -w 1s -r 1s      (a quick look, about a minute; 2 s of
#                                                          warm-up can leave the ping decode unwarmed)
#        scripts/bench-codec.sh -rf json -rff codec.json    (results as a file as well)
#
# The defaults (1 fork, 3 warm-up and 5 measured iterations of 2 s each) take about 3 minutes on
# 2 cores; an option given here replaces its default. Builds benchmarks/target/benchmarks.jar
# first when it is missing (`rm` it to rebuild after changing the codec). Numbers from a machine
# that is doing something else meanwhile are noise: compare the rows of one run with each other.
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
jar="$root/benchmarks/target/benchmarks.jar"

if [[ ! -f "$jar" ]]; then
  if ! command -v mvn > /dev/null; then
    echo "bench-codec: Maven (mvn) is needed to build $jar; install Maven 3.8+ and a JDK 17+, then run this again" >&2
    exit 2
  fi
  echo "bench-codec: building benchmarks/target/benchmarks.jar..." >&2
  (cd "$root" && mvn -q -B -DskipTests package -pl benchmarks -am) || {
    echo "bench-codec: the build failed; see the Maven output above. Nothing was run." >&2
    exit 2
  }
fi

java_bin="java"
if [[ -n "${JAVA_HOME:-}" ]]; then
  java_bin="$JAVA_HOME/bin/java"
fi
# JMH refuses an option given twice: a default goes in only when the options given lack it.
defaults=(-f 1 -wi 3 -w 2s -i 5 -r 2s)
options=()
for ((d = 0; d < ${#defaults[@]}; d += 2)); do
  given=false
  for arg in "$@"; do
    [[ "$arg" == "${defaults[d]}" ]] && given=true
  done
  "$given" || options+=("${defaults[d]}" "${defaults[d + 1]}")
done
echo "bench-codec: $java_bin -jar benchmarks/target/benchmarks.jar CodecBenchmark -prof gc ${options[*]} $*" >&2
exec "$java_bin" -jar "$jar" CodecBenchmark -prof gc "${options[@]}" "$@"
