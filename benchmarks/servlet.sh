#!/usr/bin/env bash
# Servlet benchmark, in one run: the same JSON servlet (benchmarks' ServletBench.JsonServlet,
# GET /app/json -> {"message":"Hello World"}) on
#
#   skitai    mounted at /app with skitai-servlet, on Skitai's defaults (virtual threads, request log on)
#   undertow  deployed at context path /app on Undertow's servlet container alone (XNIO worker pool)
#
# wrk loads each after a warm-up; reported: req/s, p99 and the server's CPU per request
# (user+system of its process from /proc), with the ratios of Skitai to Undertow. Writes
# benchmarks/out/servlet.md, the row for benchmarks/RESULTS.md.
#
#   bash benchmarks/servlet.sh        # DURATION=15 WARMUP=10 CONNECTIONS=64
#   SKIP_BUILD=1 ...                  # use the jar already built
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/select-jdk.sh
select_jdk

DURATION=${DURATION:-15}
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
SKITAI_PORT=${SKITAI_PORT:-18401}
UNDERTOW_PORT=${UNDERTOW_PORT:-18402}
OUT=benchmarks/out
mkdir -p "$OUT"

. benchmarks/lib.sh
need_wrk
build benchmarks
JAR=benchmarks/target/skitai-benchmarks.jar
need_files "$JAR"
HEAP="-Xms256m -Xmx512m"

declare -A PID PORT LOG RPS CPU P99
SERVERS=(skitai undertow)
PORT[skitai]=$SKITAI_PORT
PORT[undertow]=$UNDERTOW_PORT
for s in "${SERVERS[@]}"; do
  LOG[$s]=$OUT/servlet-$s.log
  # Skitai's request log goes to its stdout, as on the defaults of the other rows.
  java $HEAP -cp "$JAR" io.skitai.benchmarks.ServletBench "$s" "${PORT[$s]}" >"${LOG[$s]}" 2>&1 &
  PID[$s]=$!; PIDS+=($!)
done
for s in "${SERVERS[@]}"; do
  wait_port "${PORT[$s]}" "${PID[$s]}" "${LOG[$s]}" 600
  body=$(curl -fsS "http://127.0.0.1:${PORT[$s]}/app/json") || { echo "$s: /app/json does not answer 2xx; see ${LOG[$s]}" >&2; exit 1; }
  [ "$body" = '{"message":"Hello World"}' ] || { echo "$s answered $body" >&2; exit 1; }
done

for s in "${SERVERS[@]}"; do
  url="http://127.0.0.1:${PORT[$s]}/app/json"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$url" >/dev/null
  before=$(cpu_ticks ${PID[$s]})
  RESULT=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url")
  after=$(cpu_ticks ${PID[$s]})
  if echo "$RESULT" | grep -q "Non-2xx"; then echo "non-2xx responses from $s; see ${LOG[$s]}" >&2; exit 1; fi
  RPS[$s]=$(echo "$RESULT" | awk '/Requests\/sec/ {print $2}')
  total=$(echo "$RESULT" | awk '/requests in/ {print $1}')
  CPU[$s]=$(awk -v t=$((after - before)) -v hz="$TICK" -v n="$total" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')
  P99[$s]=$(ms "$(echo "$RESULT" | awk '$1=="99%" {print $2}')")
  echo "$s: ${RPS[$s]} req/s, ${CPU[$s]} µs/req"
done

{
  echo "| JSON servlet | req/s | p99 ms | CPU µs/req |"
  echo "|---|---:|---:|---:|"
  for s in "${SERVERS[@]}"; do echo "| $s | ${RPS[$s]} | ${P99[$s]} | ${CPU[$s]} |"; done
  echo
  echo "skitai/undertow: req/s $(ratio "${RPS[skitai]}" "${RPS[undertow]}"), CPU per request $(ratio "${CPU[skitai]}" "${CPU[undertow]}")"
  echo
  echo "GET /app/json; wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s; JVMs $HEAP;"\
    "$(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
} | tee "$OUT/servlet.md"
