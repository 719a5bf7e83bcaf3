#!/usr/bin/env bash
# The JDBC engines' ratios in one JMH run (docs/performance.md, "Engine ratios"): the library's transfer+cancel
# cycle on PostgreSQL and on H2 (PostgresTransferBenchmark, H2TransferBenchmark, durable settings) and each engine's
# bare baseline (PostgresBaselineBenchmark, H2BaselineBenchmark: one conditional update and one event insert per
# operation, same settings and pool), at 1, 2, 4 and 8 threads, plus one cycle's p50 and p99 at 1 and 8 threads.
# Prints the cycles/s, the library/baseline ratio per thread count and at each side's best thread count, the
# latencies, and the load average before and after the run.
#
# Usage: examples/benchmarks/run-engine-ratios.sh [JMH options, e.g. -wi 2 -i 3 -w 2 -r 3]
# Builds the benchmark jar first if it is missing. Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=examples/benchmarks/target/benchmarks.jar
if [[ ! -f $jar ]]; then
    ./mvnw -q -B package -pl examples/benchmarks -am -DskipTests
fi
result=$(mktemp --suffix=.csv)
trap 'rm -f "$result"' EXIT

before=$(uptime)
java -jar "$jar" '(Postgres|H2)(Transfer|Baseline)Benchmark\.(transferThenCancelCycle|cycleLatency)' \
    -rf csv -rff "$result" "$@"
after=$(uptime)

echo
echo "load before: $before"
echo "load after:  $after"
echo
awk -F',' '
    function unquote(s) { gsub(/"/, "", s); return s }
    NR > 1 {
        raw = unquote($1); mode = unquote($2); score = unquote($5) + 0; error = unquote($6) + 0; label = ""
        if (index(raw, ":") > 0) { label = substr(raw, index(raw, ":") + 1); raw = substr(raw, 1, index(raw, ":") - 1) }
        name = raw; sub(/.*\./, "", name)                               # the method
        full = raw; sub(/\.[^.]*$/, "", full); sub(/.*\./, "", full)    # the class
        engine = full; sub(/(Transfer|Baseline)Benchmark$/, "", engine)
        kind = (full ~ /Baseline/) ? "baseline" : "library"
        if (mode == "thrpt" && name ~ /^transferThenCancelCycle/) {
            threads = name; sub(/^transferThenCancelCycle/, "", threads)
            rate[engine, kind, threads] = score; err[engine, kind, threads] = error
            engines[engine] = 1
            if (score > best[engine, kind] + 0) { best[engine, kind] = score; bestAt[engine, kind] = threads }
        } else if (mode == "sample" && name ~ /^cycleLatency/ && label ~ /^p0\.(50|99)$/) {
            latency[engine, name, label] = score
        }
    }
    END {
        printf "%-9s %-9s %14s %14s %8s\n", "engine", "threads", "library/s", "baseline/s", "ratio"
        for (engine in engines) {
            n = split("1Thread 2Threads 4Threads 8Threads", counts, " ")
            for (i = 1; i <= n; i++) {
                t = counts[i]
                l = rate[engine, "library", t]; b = rate[engine, "baseline", t]
                printf "%-9s %-9s %14.0f %14.0f %7.0f%%\n", engine, t, l, b, (b > 0 ? 100 * l / b : 0)
            }
            l = best[engine, "library"]; b = best[engine, "baseline"]
            printf "%-9s %-9s %14.0f %14.0f %7.0f%%   (library at %s, baseline at %s)\n", engine, "best", l, b,
                (b > 0 ? 100 * l / b : 0), bestAt[engine, "library"], bestAt[engine, "baseline"]
            one = "cycleLatency1Thread"; eight = "cycleLatency8Threads"
            printf "%-9s cycle latency: 1 thread p50 %.0f us, p99 %.0f us; 8 threads p50 %.0f us, p99 %.0f us\n",
                engine, latency[engine, one, "p0.50"], latency[engine, one, "p0.99"],
                latency[engine, eight, "p0.50"], latency[engine, eight, "p0.99"]
            print ""
        }
    }
' "$result"
