#!/usr/bin/env bash
# Measures the local server's start: milliseconds from launching `java` to the "listening on" line, and the
# resident memory (RSS) after it has sat idle for 5 seconds. Run it on an otherwise idle machine, after
# `./mvnw -q package -DskipTests`. The line is read from a pipe by bash itself (no polling processes competing
# with the JVM for the CPU), and times come from bash's EPOCHREALTIME.
#
#   examples/server/load/server-startup.sh [runs] [java options...] -- [server options...]
#   examples/server/load/server-startup.sh 5 -- --store memory
#   examples/server/load/server-startup.sh 5 -XX:TieredStopAtLevel=1 -- --store memory
set -euo pipefail
cd "$(dirname "$0")/../../.."
jar=$PWD/examples/server/target/certificate-transfer-server.jar
[ -f "$jar" ] || { echo "build it first: ./mvnw -q package -DskipTests" >&2; exit 1; }
runs=${1:-5}; shift || true
java_opts=(); while [ $# -gt 0 ] && [ "$1" != "--" ]; do java_opts+=("$1"); shift; done
[ $# -gt 0 ] && shift
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
micros() { local t=${EPOCHREALTIME/[.,]/}; echo "$t"; }
for run in $(seq "$runs"); do
  mkfifo "$work/out.$run"
  start=$(micros)
  ( cd "$work" && exec java "${java_opts[@]}" -jar "$jar" --port 0 "$@" >"$work/out.$run" 2>"$work/err.$run" ) &
  pid=$!
  ready=
  exec 3<"$work/out.$run"
  while IFS= read -r line <&3; do
    if [[ $line == "listening on "* ]]; then ready=$(micros); break; fi
  done
  [ -n "$ready" ] || { cat "$work/err.$run" >&2; exit 1; }
  cat <&3 >/dev/null & drain=$!
  sleep 5
  rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
  kill -TERM "$pid"; wait "$pid" || true; wait "$drain" || true; exec 3<&-
  echo "run $run: listening after $(( (ready - start) / 1000 )) ms, idle RSS ${rss} MiB"
done
