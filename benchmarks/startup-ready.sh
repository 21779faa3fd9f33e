#!/bin/bash
# Seconds from starting the service to its first answered evaluation (BENCHMARKS.md, "Start-up"), from the repository
# root: benchmarks/startup-ready.sh <data-dir starting with ./> <port> <java options and -jar …>
# Starts the service on the bundled tables, posts examples/requests/cholera-county-12.json to /evaluations every
# 50 ms until it answers 200, prints the seconds, then stops the service. A first start when the data folder is new;
# a restart on the same folder needs the first start's admin password: give the same STARTUP_READY_PASSWORD to both.
# With STARTUP_READY_CPU=1 it also prints the CPU seconds the JVM had used by then: a figure a loaded machine, where
# wall time measures the other processes as much as this one, changes much less.
set -u
data=$1; port=$2; shift 2
password=${STARTUP_READY_PASSWORD:-startup-ready-$$}
start=$(date +%s.%N)
java "$@" --server.port="$port" --beacon.data-dir="$data" --beacon.tables-dir=tables \
    --beacon.security.initial-admin-password="$password" > "$data.log" 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$password" -H 'Content-Type: application/json' \
        -d @examples/requests/cholera-county-12.json "localhost:$port/evaluations")" = 200 ]; do
    kill -0 $pid 2>/dev/null || { echo "the service stopped; see $data.log" >&2; exit 1; }
    sleep 0.05
done
end=$(date +%s.%N)
if [ -n "${STARTUP_READY_CPU:-}" ]; then
    cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' /proc/$pid/stat)
    echo "$(echo "$end - $start" | bc) cpu $cpu"
else
    echo "$end - $start" | bc
fi
kill $pid; wait $pid 2>/dev/null
exit 0
