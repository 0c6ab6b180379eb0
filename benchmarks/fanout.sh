#!/usr/bin/env bash
# Fan-out benchmark: examples/fanout's dashboard route calls three upstreams in parallel, each a
# separate process answering after 50 ms (fanout.jar --backend), loaded by wrk with 500 concurrent
# connections on 127.0.0.1. Reports the route's latency percentiles and the peak number of live
# platform (non-virtual) Java threads of the fan-out process, from its HotSpot counter
# java.threads.livePeak (virtual threads are not counted there), and writes benchmarks/out/fanout.md.
#
#   bash benchmarks/fanout.sh              # DURATION=30 CONNECTIONS=500 WARMUP=15 DELAY=50 PATH_=/
#   DURATION=3 WARMUP=2 bash benchmarks/fanout.sh   # a quick smoke run
#
# Targets (issue 4): p50 <= 60 ms and at most 64 live platform threads.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/select-jdk.sh
select_jdk

DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-500}
WARMUP=${WARMUP:-15}
DELAY=${DELAY:-50}
THREADS=${THREADS:-4}
PATH_=${PATH_:-/}
FANOUT_PORT=${FANOUT_PORT:-18191}
BACKEND_PORTS=(${BACKEND_PORTS:-18192 18193 18194})
OUT=benchmarks/out
mkdir -p "$OUT"

if ! command -v wrk >/dev/null; then
  echo "installing wrk (apt-get)"; (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
fi
# 500 client connections plus up to three upstream connections each need file descriptors.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "${SKIP_BUILD:-0}" = 1 ] || mvn -B -q -ntp -DskipTests clean package -pl examples/fanout -am
JAR=examples/fanout/target/fanout.jar
HEAP="-Xms512m -Xmx512m"

PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
wait_port() { for _ in $(seq 150); do (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 did not open" >&2; return 1; }

MEMBERS=()
for port in "${BACKEND_PORTS[@]}"; do
  java $HEAP -jar "$JAR" --backend --delay="$DELAY" --skitai-port="$port" >"$OUT/fanout-backend-$port.log" 2>&1 &
  PIDS+=($!); MEMBERS+=("127.0.0.1:$port")
done
UPSTREAMS=$(IFS=,; echo "${MEMBERS[*]}")
java $HEAP -jar "$JAR" --skitai-port="$FANOUT_PORT" --upstreams="$UPSTREAMS" >"$OUT/fanout.log" 2>&1 &
FANOUT_PID=$!; PIDS+=($FANOUT_PID)
for port in "${BACKEND_PORTS[@]}" "$FANOUT_PORT"; do wait_port "$port"; done

URL="http://127.0.0.1:$FANOUT_PORT$PATH_"
curl -fsS "$URL" >/dev/null || { echo "the fan-out route $URL does not answer 200" >&2; exit 1; }

live_peak() { jcmd "$1" PerfCounter.print 2>/dev/null | awk -F= '/java.threads.livePeak=/ {print $2}'; }
native_threads() { awk '/^Threads:/ {print $2}' /proc/$1/status; }

echo "warming up ${WARMUP}s with $CONNECTIONS connections"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$URL" >/dev/null
echo "measuring ${DURATION}s with $CONNECTIONS connections"
# Sample the OS thread count while the load runs (the JVM's own peak counter covers platform threads).
NATIVE_PEAK=0
( while kill -0 $FANOUT_PID 2>/dev/null; do native_threads $FANOUT_PID; sleep 0.5; done ) >"$OUT/fanout-native-threads.txt" 2>/dev/null &
SAMPLER=$!
RESULT=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency "$URL")
kill $SAMPLER 2>/dev/null || true; wait $SAMPLER 2>/dev/null || true
NATIVE_PEAK=$(sort -n "$OUT/fanout-native-threads.txt" | tail -1)
echo "$RESULT"
if echo "$RESULT" | grep -q "Non-2xx"; then echo "non-2xx responses: see above and $OUT/fanout.log" >&2; exit 1; fi

ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; printf "%.2f", v }'; }
P50=$(ms "$(echo "$RESULT" | awk '$1=="50%" {print $2}')")
P99=$(ms "$(echo "$RESULT" | awk '$1=="99%" {print $2}')")
RPS=$(echo "$RESULT" | awk '/^Requests\/sec/ {printf "%.0f", $2}')
ERRORS=$(echo "$RESULT" | awk '/Socket errors/ {print $0}')
PEAK=$(live_peak $FANOUT_PID)

{
  echo "| route | connections | req/s | p50 ms | p99 ms | peak live platform threads | peak OS threads |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  echo "| fanout $PATH_ (3 upstreams x ${DELAY} ms) | $CONNECTIONS | $RPS | $P50 | $P99 | $PEAK | $NATIVE_PEAK |"
  echo
  [ -n "$ERRORS" ] && echo "wrk: $ERRORS" && echo
  awk -v p="$P50" -v t="$PEAK" 'BEGIN { printf "targets: p50 <= 60 ms: %s; live platform threads <= 64: %s\n", (p <= 60 ? "met" : "NOT met"), (t <= 64 ? "met" : "NOT met") }'
  echo
  echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s warm-up, $(nproc) cores, JDK $(java_major "$JAVA_HOME"), $(date -u +%Y-%m-%dT%H:%MZ)"
} | tee "$OUT/fanout.md"
