#!/usr/bin/env bash
# Load-tests examples/hello (Skitai) against benchmarks' BaselineServer (Undertow alone) in one run:
# plaintext (/), JSON (/json) and a 4 KiB static file (/static/4k.txt), with wrk on 127.0.0.1, and
# examples/atila-app's Atila route /users/{id}?fields=.. against the same route written on Undertow.
# Prints requests/s, p99 latency, server CPU time per request, and the Skitai/baseline ratios,
# and writes them to benchmarks/out/latest.md.
#
#   bash benchmarks/run.sh            # DURATION=10 CONNECTIONS=64 ROUNDS=3 WARMUP=10 by default
#
# Each round measures every endpoint on both servers back to back (baseline first); the tables
# report the median of the rounds for each figure and the median of the per-round ratios, so one
# noisy round does not decide a ratio. PIN=1 pins servers and wrk to separate cores (see below).
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/select-jdk.sh
select_jdk

DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-10}
SKITAI_PORT=${SKITAI_PORT:-18181}
BASE_PORT=${BASE_PORT:-18182}
ATILA_PORT=${ATILA_PORT:-18183}
ATILA_PATH='/users/7?fields=id,name,email'
# PIN=1 runs each server on CPU 1 and wrk on CPU 0 (one thread), so load generator and server do
# not fight over cores; CPU time per request is then steadier on a small machine.
PIN=${PIN:-}
if [ -n "$PIN" ]; then ON_SERVER_CPU="taskset -c 1"; ON_LOAD_CPU="taskset -c 0"; WRK_THREADS=1
else ON_SERVER_CPU=""; ON_LOAD_CPU=""; WRK_THREADS=2; fi
OUT=benchmarks/out
mkdir -p "$OUT"

if ! command -v wrk >/dev/null; then
  echo "installing wrk (apt-get)"; (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null
fi
mvn -B -q -ntp -DskipTests package -pl examples/hello,examples/atila-app,benchmarks -am
STATIC_DIR=$(pwd)/examples/hello/target/static
HEAP="-Xms256m -Xmx256m"

PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

wait_port() { for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null && return 0; sleep 0.1; done; echo "port $1 did not open" >&2; return 1; }

$ON_SERVER_CPU java $HEAP -jar examples/hello/target/hello.jar --skitai-port=$SKITAI_PORT >"$OUT/skitai.log" 2>&1 &
SKITAI_PID=$!; PIDS+=($SKITAI_PID)
$ON_SERVER_CPU java $HEAP -cp benchmarks/target/skitai-benchmarks.jar io.skitai.benchmarks.BaselineServer $BASE_PORT "$STATIC_DIR" >"$OUT/baseline.log" 2>&1 &
BASE_PID=$!; PIDS+=($BASE_PID)
$ON_SERVER_CPU java $HEAP -jar examples/atila-app/target/atila-app.jar --skitai-port=$ATILA_PORT >"$OUT/atila.log" 2>&1 &
ATILA_PID=$!; PIDS+=($ATILA_PID)
wait_port $SKITAI_PORT; wait_port $BASE_PORT; wait_port $ATILA_PORT

cpu_ticks() { awk '{print $14 + $15}' /proc/$1/stat; }
TICK=$(getconf CLK_TCK)

# one measurement: prints "reqs_per_sec p99_ms cpu_us_per_req"
measure() { # pid port path
  local before after out rps p99 total
  before=$(cpu_ticks $1)
  out=$($ON_LOAD_CPU wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s --latency "http://127.0.0.1:$2$3")
  after=$(cpu_ticks $1)
  rps=$(echo "$out" | awk '/^Requests\/sec/ {print $2}')
  total=$(echo "$out" | awk '/requests in/ {print $1}')
  p99=$(echo "$out" | awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; print v}')
  if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx responses from port $2$3" >&2; echo "$out" >&2; exit 1; fi
  awk -v r="$rps" -v p="$p99" -v b="$before" -v a="$after" -v n="$total" -v t="$TICK" \
    'BEGIN { printf "%.0f %.2f %.2f\n", r, p, (a-b)/t*1e6/n }'
}

echo "warming up"
for path in / /json /static/4k.txt; do
  $ON_LOAD_CPU wrk -t$WRK_THREADS -c$CONNECTIONS -d${WARMUP}s "http://127.0.0.1:$SKITAI_PORT$path" >/dev/null
  $ON_LOAD_CPU wrk -t$WRK_THREADS -c$CONNECTIONS -d${WARMUP}s "http://127.0.0.1:$BASE_PORT$path" >/dev/null
done
$ON_LOAD_CPU wrk -t$WRK_THREADS -c$CONNECTIONS -d${WARMUP}s "http://127.0.0.1:$ATILA_PORT$ATILA_PATH" >/dev/null
$ON_LOAD_CPU wrk -t$WRK_THREADS -c$CONNECTIONS -d${WARMUP}s "http://127.0.0.1:$BASE_PORT$ATILA_PATH" >/dev/null

declare -A RPS P99 CPU LAST RRPS RCPU
for round in $(seq $ROUNDS); do
  for name_path in plaintext:/ json:/json static:/static/4k.txt "atila:$ATILA_PATH"; do
    name=${name_path%%:*}; path=${name_path#*:}
    for server in baseline skitai; do
      if [ $server = baseline ]; then pid=$BASE_PID; port=$BASE_PORT;
      elif [ $name = atila ]; then pid=$ATILA_PID; port=$ATILA_PORT;
      else pid=$SKITAI_PID; port=$SKITAI_PORT; fi
      read -r rps p99 cpu < <(measure $pid $port $path)
      echo "round $round $name $server: $rps req/s, p99 $p99 ms, $cpu us CPU/req"
      key="$name.$server"
      RPS[$key]="${RPS[$key]:-} $rps"; P99[$key]="${P99[$key]:-} $p99"; CPU[$key]="${CPU[$key]:-} $cpu"
      LAST[$server]="$rps $cpu"
    done
    # this round's ratios: both servers measured back to back, so a slow drift of the machine
    # affects both sides of one ratio alike
    read -r brps bcpu <<<"${LAST[baseline]}"; read -r srps scpu <<<"${LAST[skitai]}"
    RRPS[$name]="${RRPS[$name]:-} $(awk -v a=$srps -v b=$brps 'BEGIN {printf "%.4f", a/b}')"
    RCPU[$name]="${RCPU[$name]:-} $(awk -v a=$scpu -v b=$bcpu 'BEGIN {printf "%.4f", a/b}')"
  done
done

median() { echo $* | tr ' ' '\n' | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
declare -A BEST
for key in "${!RPS[@]}"; do
  BEST[$key]="$(median ${RPS[$key]}) $(median ${P99[$key]}) $(median ${CPU[$key]})"
done

{
  echo "| endpoint | server | req/s | p99 ms | CPU µs/req |"
  echo "|---|---|---:|---:|---:|"
  for name in plaintext json static atila; do
    for server in baseline skitai; do
      read -r rps p99 cpu <<<"${BEST[$name.$server]}"
      echo "| $name | $server | $rps | $p99 | $cpu |"
    done
  done
  echo
  echo "| endpoint | req/s ratio (Skitai/baseline) | CPU/req ratio (Skitai/baseline) | per-round CPU/req ratios |"
  echo "|---|---:|---:|---|"
  for name in plaintext json static atila; do
    printf "| %s | %.3f | %.3f | %s |\n" $name "$(median ${RRPS[$name]})" "$(median ${RCPU[$name]})" "$(echo ${RCPU[$name]})"
  done
  echo
  echo "wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s${PIN:+, server pinned to CPU 1 and wrk to CPU 0}, ratios are medians of the $ROUNDS per-round ratios (other figures: medians of the rounds), $(nproc) cores, JDK $(java_major "$JAVA_HOME"), $(date -u +%Y-%m-%dT%H:%MZ)"
} | tee "$OUT/latest.md"
