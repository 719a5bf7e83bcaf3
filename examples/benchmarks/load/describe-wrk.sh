#!/usr/bin/env bash
# Server capacity under a real load generator (issue 7, item 6): starts the AWS-dialect demo server on its own
# (examples/benchmarks' HttpLoadServer: in-memory storage, one certificate, signature verification on unless VERIFY=off),
# replays one pre-signed DescribeCertificate with wrk on 16 keep-alive connections from 2 threads, first for WARMUP
# (20 s by default: on two shared cores the JIT needs that long, and a cold run measures mostly the JIT, verification
# on much more than off) and then for DURATION (15 s) as the measurement (loopback only), then stops the server.
# The signed request is valid for 15 minutes. Needs examples/benchmarks/target/benchmarks.jar
# (./mvnw -o package -pl examples/benchmarks -am) and wrk (Debian package).
# Usage: examples/benchmarks/load/describe-wrk.sh   (env: VERIFY=on|off, WARMUP=20s, DURATION=15s, JAVA_OPTS)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
jar="${JAR:-$here/../target/benchmarks.jar}"
verify="${VERIFY:-on}"
duration="${DURATION:-15s}"
warmup="${WARMUP:-20s}"
[[ -f "$jar" ]] || { echo "missing $jar: build it with ./mvnw -o package -pl examples/benchmarks -am" >&2; exit 1; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

out="$(mktemp)"
java ${JAVA_OPTS:-} -cp "$jar" dev.certificatetransfer.examples.http.HttpLoadServer 0 "$verify" >"$out" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$out"' EXIT

for _ in $(seq 1 150); do
  grep -q '^header Authorization' "$out" && break
  kill -0 "$server" 2>/dev/null || { cat "$out" >&2; exit 1; }
  sleep 0.2
done
grep -q '^header Authorization' "$out" || { echo "the server did not start within 30 s" >&2; cat "$out" >&2; exit 1; }

base="$(sed -n 's/^listening on //p' "$out")"
path="$(sed -n 's/^path //p' "$out")"
headers=()
while IFS= read -r line; do headers+=(-H "$line"); done < <(sed -n 's/^header //p' "$out")

echo "server: $base (signature verification $verify); load: wrk -t2 -c16 -d$duration GET $path"
curl -fsS -o /dev/null "${headers[@]}" "$base$path" 2>/dev/null || echo "warning: a first request was refused" >&2
if [[ "$warmup" != 0 && "$warmup" != 0s ]]; then
  echo "warm-up ($warmup): $(timeout 120 wrk -t2 -c16 -d"$warmup" "${headers[@]}" "$base$path" | grep -E 'Requests/sec|Non-2xx' | tr '\n' ' ')"
fi
timeout 120 wrk -t2 -c16 -d"$duration" --latency "${headers[@]}" "$base$path"
