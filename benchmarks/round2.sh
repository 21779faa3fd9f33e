#!/usr/bin/env bash
# The HTTP figures of issue 25 item 1, before and after, in one sitting: runs HttpBenchmark on two builds of the
# service alternately (before, after, then after, before, ...: a load that changes during the sitting falls on both)
# and prints one Markdown table of each figure per run, the means and after / before.
#
#   benchmarks/round2.sh <before-dir> <after-dir> [pairs] [seconds-per-scenario]
#
# Each dir is a checkout with service/target/beacon.jar built (./mvnw -q -pl service -am package -DskipTests).
# Run it from the repository root: HttpBenchmark and examples/ are taken from there. A pair is one mixed run
# (no-op, single with and without explanation; 8 clients) and one batch run (1,000 per batch, with and without
# explanation; 4 clients) of each build. Raw outputs are kept in $ROUND2_LOGS (default: a new temporary folder);
# benchmarks/round2.sh --table <that folder> prints the table of a sitting cut short.
set -euo pipefail

# The Markdown table of the figures measured so far in a folder of raw outputs.
table() {
    echo "| figure | before (each pair) | after (each pair) | after / before (means) |"
    echo "|---|---:|---:|---:|"
    sort -t$'\t' -k3,3 -k2,2n "$1/figures.tsv" | awk -F'\t' '
        { key = $3; if (!(key in seen)) { seen[key] = 1; order[++n] = key }
          if ($1 == "before") { b[key] = b[key] (b[key] == "" ? "" : "; ") $4; bs[key] += $4; bn[key]++ }
          else { a[key] = a[key] (a[key] == "" ? "" : "; ") $4; as[key] += $4; an[key]++ } }
        END { for (i = 1; i <= n; i++) { k = order[i]; label = k; sub(/^[0-9]+ /, "", label);
            ratio = (bn[k] && an[k] && bs[k] != 0) ? sprintf("%.2f×", (as[k] / an[k]) / (bs[k] / bn[k])) : "n/a";
            printf "| %s | %s | %s | %s |\n", label, b[k], a[k], ratio } }'
}

if [ "${1:-}" = "--table" ]; then # a sitting cut short: the table of what its folder holds
    table "$2"
    exit 0
fi

if [ $# -lt 2 ]; then
    echo "usage: benchmarks/round2.sh <before-dir> <after-dir> [pairs] [seconds-per-scenario]" >&2
    exit 2
fi
before_jar="$1/service/target/beacon.jar"
after_jar="$2/service/target/beacon.jar"
pairs="${3:-2}"
seconds="${4:-8}"
for jar in "$before_jar" "$after_jar"; do
    if [ ! -f "$jar" ]; then
        echo "round2.sh: $jar is missing: build it with ./mvnw -q -pl service -am package -DskipTests" >&2
        exit 2
    fi
done
if [ ! -f benchmarks/HttpBenchmark.java ] || [ ! -d examples/requests ]; then
    echo "round2.sh: run it from the repository root" >&2
    exit 2
fi
logs="${ROUND2_LOGS:-$(mktemp -d -t beacon-round2-XXXXXX)}"
mkdir -p "$logs"
figures="$logs/figures.tsv"
: > "$figures"

# One row of HttpBenchmark's table (second round) as "requests/s <tab> situations/s <tab> CPU µs", commas dropped.
row() {
    grep -F "| $2 |" "$1" | tail -1 | awk -F'|' '{gsub(/[ ,µs]/, "", $3); gsub(/[ ,]/, "", $4);
        gsub(/[ ,µs]/, "", $6); print $3 "\t" $4 "\t" $6}'
}

measure() { # build-name jar pair
    local name="$1" jar="$2" pair="$3" mixed="$logs/$1-$3-mixed.md" batch="$logs/$1-$3-batch.md"
    echo "pair $pair: $name (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    java -Dbeacon.jar="$jar" benchmarks/HttpBenchmark.java "$seconds" 8 > "$mixed"
    java -Dbeacon.jar="$jar" benchmarks/HttpBenchmark.java batch "$seconds" 4 > "$batch"
    local noop single lean batched leanbatch
    noop=$(row "$mixed" "no-op endpoint (baseline)")
    single=$(row "$mixed" "POST /evaluations, audited, with explanation")
    lean=$(row "$mixed" "POST /evaluations?explain=false, audited")
    batched=$(row "$batch" "POST /evaluations/batch, 1,000 per batch, audited")
    leanbatch=$(row "$batch" "POST /evaluations/batch?explain=false, 1,000 per batch, audited")
    awk -v b="$name" -v p="$pair" -v noop="$noop" -v single="$single" -v lean="$lean" -v batched="$batched" \
        -v leanbatch="$leanbatch" 'BEGIN {
            split(noop, n, "\t"); split(single, s, "\t"); split(lean, l, "\t"); split(batched, x, "\t");
            split(leanbatch, y, "\t");
            printf "%s\t%s\t1 single with explanation, %% of the no-op\t%.1f\n", b, p, 100 * s[1] / n[1];
            printf "%s\t%s\t2 single without explanation, %% of the no-op\t%.1f\n", b, p, 100 * l[1] / n[1];
            printf "%s\t%s\t3 single with explanation, service CPU per request (µs)\t%.0f\n", b, p, s[3];
            printf "%s\t%s\t4 single without explanation, service CPU per request (µs)\t%.0f\n", b, p, l[3];
            printf "%s\t%s\t5 no-op, service CPU per request (µs)\t%.0f\n", b, p, n[3];
            printf "%s\t%s\t6 batch with explanation, situations/s\t%.0f\n", b, p, x[2];
            printf "%s\t%s\t7 batch without explanation, situations/s\t%.0f\n", b, p, y[2];
            printf "%s\t%s\t8 batch with explanation, service CPU per batch of 1,000 (ms)\t%.0f\n", b, p, x[3] / 1000;
            printf "%s\t%s\t9 batch without explanation, service CPU per batch of 1,000 (ms)\t%.0f\n", b, p, y[3] / 1000;
        }' >> "$figures"
}

for pair in $(seq 1 "$pairs"); do
    if [ $((pair % 2)) -eq 1 ]; then
        measure before "$before_jar" "$pair"
        measure after "$after_jar" "$pair"
    else
        measure after "$after_jar" "$pair"
        measure before "$before_jar" "$pair"
    fi
done

echo
echo "$pairs pairs, $seconds s per scenario, $(nproc) cores, load at the end $(cut -d' ' -f1-3 /proc/loadavg); raw: $logs"
echo
table "$logs"
