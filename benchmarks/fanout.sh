#!/usr/bin/env bash
# Fan-out benchmark: a route that calls three upstreams in parallel, each a separate process
# answering after 50 ms (examples/fanout's fanout.jar --backend, one JVM each), loaded by wrk on
# 127.0.0.1 at each connection count of CONNECTIONS_LIST. Two fan-out servers call the same three
# backends:
#
#   skitai  examples/fanout's /api (Atila route: was.get to @weather/weather, @news/news,
#           @quote/quote, answered as JSON {weather, news, quote, ms})
#   vertx   benchmarks/peers/vertx's VertxFanout: the same three GETs through a Vert.x WebClient
#           (one verticle per core, HTTP/1.1 keep-alive pool), the same JSON shape
#
# Reports per server and connection count: requests/s, p50 and p99 latency, the fan-out process's
# CPU time per page (user+system from /proc/<pid>/stat over the measurement, divided by the pages
# served; the backends' CPU is not counted), the peak number of live platform (non-virtual) Java
# threads from the HotSpot counter java.threads.livePeak (a lifetime peak; virtual threads are not
# counted there), the peak OS thread count sampled from /proc, and the connections to the backends
# the process holds when the load ends (ss); then the Skitai/Vert.x ratios. Writes
# benchmarks/out/fanout.md.
#
#   bash benchmarks/fanout.sh        # DURATION=30 CONNECTIONS_LIST="100 500" WARMUP=15 DELAY=50
#   DURATION=2 WARMUP=1 CONNECTIONS_LIST=100 bash benchmarks/fanout.sh   # a smoke run
#   SKIP_BUILD=1 ...                 # use the jars already built
#
# For each connection count, each server gets WARMUP seconds of load and then DURATION seconds of
# measurement, Skitai first. Both fan-out JVMs run with -Xms512m -Xmx512m. PATH_ (default /api)
# changes Skitai's route only (/ is the Pebble page); Vert.x always serves /api.
# Targets (issue 4, Skitai): p50 <= 60 ms and at most 64 live platform threads.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/select-jdk.sh
select_jdk

DURATION=${DURATION:-30}
CONNECTIONS_LIST=${CONNECTIONS_LIST:-${CONNECTIONS:-100 500}}
WARMUP=${WARMUP:-15}
DELAY=${DELAY:-50}
THREADS=${THREADS:-4}
PATH_=${PATH_:-/api}
FANOUT_PORT=${FANOUT_PORT:-18191}
BACKEND_PORTS=(${BACKEND_PORTS:-18192 18193 18194})
VERTX_FANOUT_PORT=${VERTX_FANOUT_PORT:-18195}
POOL=${POOL:-${VERTX_POOL:-1024}}
OUT=benchmarks/out
mkdir -p "$OUT"

. benchmarks/lib.sh
need_wrk
build examples/fanout benchmarks/peers/vertx
JAR=examples/fanout/target/fanout.jar
VERTX_JAR=benchmarks/peers/vertx/target/vertx-peer.jar
need_files "$JAR" "$VERTX_JAR"
HEAP="-Xms512m -Xmx512m"

for port in "${BACKEND_PORTS[@]}" "$FANOUT_PORT" "$VERTX_FANOUT_PORT"; do
  if port_open "$port"; then echo "port $port is already in use: stop what listens there or set another port" >&2; exit 1; fi
done

MEMBERS=()
for port in "${BACKEND_PORTS[@]}"; do
  java $HEAP -jar "$JAR" --backend --delay="$DELAY" --skitai-port="$port" >"$OUT/fanout-backend-$port.log" 2>&1 &
  PIDS+=($!); MEMBERS+=("127.0.0.1:$port")
  wait_port "$port" $! "$OUT/fanout-backend-$port.log"
done
UPSTREAMS=$(IFS=,; echo "${MEMBERS[*]}")
declare -A PID PORT URL LOG
java $HEAP -jar "$JAR" --skitai-port="$FANOUT_PORT" --upstreams="$UPSTREAMS" --pool="$POOL" >"$OUT/fanout.log" 2>&1 &
PID[skitai]=$!; PORT[skitai]=$FANOUT_PORT; URL[skitai]="http://127.0.0.1:$FANOUT_PORT$PATH_"; LOG[skitai]=$OUT/fanout.log; PIDS+=($!)
java $HEAP -cp "$VERTX_JAR" io.skitai.benchmarks.peers.vertx.VertxFanout "$VERTX_FANOUT_PORT" "$UPSTREAMS" --pool="$POOL" >"$OUT/fanout-vertx.log" 2>&1 &
PID[vertx]=$!; PORT[vertx]=$VERTX_FANOUT_PORT; URL[vertx]="http://127.0.0.1:$VERTX_FANOUT_PORT/api"; LOG[vertx]=$OUT/fanout-vertx.log; PIDS+=($!)
SERVERS=(skitai vertx)
for s in "${SERVERS[@]}"; do wait_port "${PORT[$s]}" "${PID[$s]}" "${LOG[$s]}"; done

# Both routes answer 2xx, and (for /api) a JSON object with the three upstream answers, before any load.
for s in "${SERVERS[@]}"; do
  body=$(curl -fsS "${URL[$s]}") || { echo "$s: ${URL[$s]} does not answer 2xx; its log: ${LOG[$s]}" >&2; exit 1; }
  if [ "$s" = vertx ] || [ "$PATH_" = /api ]; then
    for k in weather news quote ms; do
      echo "$body" | grep -q "\"$k\"" || { echo "$s: ${URL[$s]} answered without \"$k\": $body" >&2; exit 1; }
    done
  fi
  echo "$s ${URL[$s]}: $(echo "$body" | head -c 200)"
done

native_threads() { awk '/^Threads:/ {print $2}' /proc/$1/status; }
BACKEND_FILTER=$(printf 'dport = :%s or ' "${BACKEND_PORTS[@]}"); BACKEND_FILTER="( ${BACKEND_FILTER% or } )"
upstream_conns() { ss -tnpH state established "$BACKEND_FILTER" 2>/dev/null | grep -c "pid=$1," || true; }

declare -A ROW RAW ERR LIVE
for c in $CONNECTIONS_LIST; do
  for s in "${SERVERS[@]}"; do
    pid=${PID[$s]}
    echo "$s: warming up ${WARMUP}s with $c connections"
    wrk -t"$THREADS" -c"$c" -d"${WARMUP}s" --timeout 10s "${URL[$s]}" >/dev/null
    echo "$s: measuring ${DURATION}s with $c connections"
    # Sample the OS thread count while the load runs (the JVM's own peak counter covers platform threads).
    ( while kill -0 $pid 2>/dev/null; do native_threads $pid; sleep 0.5; done ) >"$OUT/fanout-$s-threads.txt" 2>/dev/null &
    SAMPLER=$!
    before=$(cpu_ticks $pid)
    RESULT=$(wrk -t"$THREADS" -c"$c" -d"${DURATION}s" --timeout 10s --latency "${URL[$s]}")
    after=$(cpu_ticks $pid)
    conns=$(upstream_conns $pid)
    kill $SAMPLER 2>/dev/null || true; wait $SAMPLER 2>/dev/null || true
    echo "$RESULT"
    if echo "$RESULT" | grep -q "Non-2xx"; then echo "non-2xx responses from $s: see above and ${LOG[$s]}" >&2; exit 1; fi
    native_peak=$(sort -n "$OUT/fanout-$s-threads.txt" | tail -1)
    p50=$(ms "$(echo "$RESULT" | awk '$1=="50%" {print $2}')")
    p99=$(ms "$(echo "$RESULT" | awk '$1=="99%" {print $2}')")
    rps=$(echo "$RESULT" | awk '/^Requests\/sec/ {printf "%.0f", $2}')
    total=$(echo "$RESULT" | awk '/requests in/ {print $1}')
    cpu=$(awk -v b="$before" -v a="$after" -v n="$total" -v t="$TICK" 'BEGIN { printf "%.1f", (a-b)/t*1e6/n }')
    ERR[$c.$s]=$(echo "$RESULT" | awk '/Socket errors/ {sub(/^ +/, ""); print}')
    RAW[$c.$s]="$rps $p50 $p99 $cpu"
    LIVE[$c.$s]=$(live_peak $pid)
    ROW[$c.$s]="| $c | $s | $rps | $p50 | $p99 | $cpu | ${LIVE[$c.$s]} | ${native_peak:-?} | $conns |"
  done
done

{
  echo "| connections | server | req/s | p50 ms | p99 ms | CPU µs/page | peak live platform threads | peak OS threads | upstream connections at the end |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|"
  for c in $CONNECTIONS_LIST; do for s in "${SERVERS[@]}"; do echo "${ROW[$c.$s]}"; done; done
  echo
  echo "| connections | req/s Skitai/Vert.x | p50 Skitai/Vert.x | p99 Skitai/Vert.x | CPU/page Skitai/Vert.x |"
  echo "|---:|---:|---:|---:|---:|"
  for c in $CONNECTIONS_LIST; do
    read -r srps sp50 sp99 scpu <<<"${RAW[$c.skitai]}"; read -r vrps vp50 vp99 vcpu <<<"${RAW[$c.vertx]}"
    echo "| $c | $(ratio $srps $vrps) | $(ratio $sp50 $vp50) | $(ratio $sp99 $vp99) | $(ratio $scpu $vcpu) |"
  done
  echo
  for c in $CONNECTIONS_LIST; do for s in "${SERVERS[@]}"; do
    [ -z "${ERR[$c.$s]}" ] || echo "wrk ($s, $c connections): ${ERR[$c.$s]}"
  done; done
  for c in $CONNECTIONS_LIST; do
    read -r _ sp50 _ _ <<<"${RAW[$c.skitai]}"
    awk -v c="$c" -v p="$sp50" -v t="${LIVE[$c.skitai]}" 'BEGIN { printf "Skitai at %d connections, targets: p50 <= 60 ms: %s; live platform threads <= 64: %s\n", c, (p <= 60 ? "met" : "NOT met"), (t <= 64 ? "met" : "NOT met") }'
  done
  echo
  echo "skitai: fanout.jar $PATH_; vertx: VertxFanout /api; HTTP/1.1 pools of $POOL connections per upstream (Vert.x: per verticle);" \
    "3 backends x ${DELAY} ms, one JVM each; wrk -t$THREADS -d${DURATION}s --timeout 10s after ${WARMUP}s warm-up per server and connection count;" \
    "fan-out JVMs -Xms512m -Xmx512m, $(nproc) cores, JDK $(java_major "$JAVA_HOME"), $(date -u +%Y-%m-%dT%H:%MZ)"
} | tee "$OUT/fanout.md"
