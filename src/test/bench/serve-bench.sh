#!/usr/bin/env bash
# Benchmark of `quorate serve` on loopback: a generated policy of ACCOUNTS accounts, CONNECTIONS
# concurrent connections from wrk, /v1/authorize (decisions/s, p50/p99 latency) and
# /v1/authorize/batch with BATCH transactions per request (decisions/s). Prints a Markdown table.
#
#   src/test/bench/serve-bench.sh                    # builds target/quorate.jar if missing
#   QUORATE_CLASSPATH=... src/test/bench/serve-bench.sh   # or runs from a classpath
#
# Settings (environment): ACCOUNTS=1000 BATCH=1000 CONNECTIONS=32 WRK_THREADS=2 SECONDS_WARMUP=10
# SECONDS_RUN=20 PORT=18181 DECISION_LOG=file|off SERVER_THREADS=0 (the server's default pool) JAVA_OPTS=...
# Installs wrk from Debian's packages (apt-get) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/../../.."

ACCOUNTS=${ACCOUNTS:-1000}
BATCH=${BATCH:-1000}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-2}
SECONDS_WARMUP=${SECONDS_WARMUP:-10}
SECONDS_RUN=${SECONDS_RUN:-20}
PORT=${PORT:-18181}
DECISION_LOG=${DECISION_LOG:-file}
SERVER_THREADS=${SERVER_THREADS:-0}
# The parallel collector: on 2 cores its short young pauses gave the best throughput and tail here.
JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC}

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi
fi

if [ -z "${QUORATE_CLASSPATH:-}" ]; then
  [ -f target/quorate.jar ] || mvn -B -ntp -q package -DskipTests
  QUORATE_CLASSPATH=target/quorate.jar
fi

WORK=$(mktemp -d /tmp/quorate-serve-bench.XXXXXX)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

java -cp "$QUORATE_CLASSPATH" src/test/bench/WriteBenchInputs.java "$WORK" "$ACCOUNTS" "$BATCH" >&2

LOG_ARGS=()
[ "$DECISION_LOG" = file ] && LOG_ARGS=(--decision-log "$WORK/decisions.jsonl")
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$QUORATE_CLASSPATH" io.quorate.cli.Main serve --policy "$WORK/policy" --port "$PORT" "${LOG_ARGS[@]}" \
  --max-batch "$BATCH" --threads "$SERVER_THREADS" >"$WORK/server.out" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do
  curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.out" >&2; exit 1; }
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || { echo "the server never became ready" >&2; cat "$WORK/server.out" >&2; exit 1; }

# run NAME PATH BODIES SECONDS: wrk's report goes to $WORK/NAME.txt
run() {
  BODIES="$WORK/$3" TARGET_PATH="$2" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$4"s --timeout 10s --latency \
    -s src/test/bench/serve-bench.lua "http://127.0.0.1:$PORT" >"$WORK/$1.txt"
}
field() { awk -v k="$2" '$1 == k {print $2}' "$WORK/$1.txt"; }
rate() { awk '/Requests\/sec/ {print $2}' "$WORK/$1.txt"; }
errors() { awk '/Non-2xx/ {n += $NF} /Socket errors/ {n += 1} END {print n + 0}' "$WORK/$1.txt"; }

echo "warming up (${SECONDS_WARMUP}s per endpoint)..." >&2
run warm-single /v1/authorize single.lua "$SECONDS_WARMUP"
run warm-batch /v1/authorize/batch batch.lua "$SECONDS_WARMUP"
echo "measuring (${SECONDS_RUN}s per endpoint)..." >&2
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
run single /v1/authorize single.lua "$SECONDS_RUN"
run batch /v1/authorize/batch batch.lua "$SECONDS_RUN"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

SINGLE_RPS=$(rate single)
BATCH_RPS=$(rate batch)
BATCH_DPS=$(awk -v r="$BATCH_RPS" -v b="$BATCH" 'BEGIN {printf "%.0f", r * b}')
echo
echo "| endpoint | connections | decisions/s | p50 | p99 | errors |"
echo "|---|---|---|---|---|---|"
printf '| `/v1/authorize` | %s | %.0f | %s | %s | %s |\n' "$CONNECTIONS" "$SINGLE_RPS" "$(field single 50%)" "$(field single 99%)" "$(errors single)"
printf '| `/v1/authorize/batch` (%s per request) | %s | %s | %s | %s | %s |\n' "$BATCH" "$CONNECTIONS" "$BATCH_DPS" "$(field batch 50%)" "$(field batch 99%)" "$(errors batch)"
echo
echo "accounts: $ACCOUNTS; decision log: $DECISION_LOG; wrk: $WRK_THREADS threads; cores: $(nproc); load average before: $LOAD_BEFORE, after: $LOAD_AFTER"
if [ "$DECISION_LOG" = file ]; then echo "decision log lines: $(wc -l <"$WORK/decisions.jsonl")"; fi
