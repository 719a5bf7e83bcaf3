#!/usr/bin/env bash
# Measures the local server's start: milliseconds from launching `java` to the "listening on" line, and the
# resident memory (RSS) after it has sat idle for a few seconds. Run it on an otherwise idle machine, after
# `./mvnw -q package -DskipTests`.
#
#   examples/load/server-startup.sh [runs] [java options...] -- [server options...]
#   examples/load/server-startup.sh 5 -- --store memory
#   examples/load/server-startup.sh 5 -XX:TieredStopAtLevel=1 -- --store memory
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=examples/target/certificate-transfer-server.jar
[ -f "$jar" ] || { echo "build it first: ./mvnw -q package -DskipTests" >&2; exit 1; }
runs=${1:-5}; shift || true
java_opts=(); while [ $# -gt 0 ] && [ "$1" != "--" ]; do java_opts+=("$1"); shift; done
[ $# -gt 0 ] && shift
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for run in $(seq "$runs"); do
  out="$work/out.$run"
  start=$(date +%s%N)
  ( cd "$work" && exec java "${java_opts[@]}" -jar "$OLDPWD/$jar" --port 0 "$@" >"$out" 2>"$work/err.$run" ) &
  pid=$!
  until grep -q '^listening on ' "$out" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/err.$run" >&2; exit 1; }
    sleep 0.005
  done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 5
  rss=$(( $(ps -o rss= -p "$pid") / 1024 ))
  kill -TERM "$pid"; wait "$pid" || true
  echo "run $run: listening after ${ready} ms, idle RSS ${rss} MiB"
done
