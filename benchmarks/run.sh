#!/usr/bin/env bash
# Load-tests Skitai against other servers on the JVM, in one run, with wrk on 127.0.0.1. Endpoints:
# / (plaintext "Hello World"), /json ({"message":"Hello World"} via Jackson) and /static/4k.txt (a
# 4 KiB file from examples/hello/target/static); rows:
#
#   undertow   benchmarks' BaselineServer: Undertow alone, handlers on the IO thread, static files
#              through Undertow's ResourceHandler (what an Undertow user gets)
#   helidon    Helidon SE 4 (benchmarks/peers/helidon): its routing, static-content feature
#   vertx      Vert.x 5 web (benchmarks/peers/vertx): one verticle per core, Router, StaticHandler
#   skitai     examples/hello, default settings (handlers on virtual threads, request log on)
#   skitai-io  the same hello.jar with --skitai-threads=0 (handlers on the IO thread)
#   skitai-metrics    benchmarks' HelloMetrics: the hello routes with metrics on into a Prometheus
#              registry (its scrape endpoint mounted)
#   skitai-nometrics  the same program from the same jar with metrics off; the table "metrics on ÷
#              off" sets the two against each other
#   atila      examples/atila-app's route /users/7?fields=id,name,email, against the same route
#              on the undertow server (an endpoint of its own, with those two rows only)
#
# Prints requests/s, p99 latency and the server's CPU time per request (user+system from
# /proc/<pid>/stat, divided by the requests served), and every row's ratios against undertow and
# against helidon; writes the tables to benchmarks/out/latest.md.
#
#   bash benchmarks/run.sh                              # DURATION=10 CONNECTIONS=64 ROUNDS=3 WARMUP=10
#   DURATION=2 WARMUP=1 ROUNDS=1 bash benchmarks/run.sh # a smoke run (figures mean nothing)
#   PIN=1 bash benchmarks/run.sh                        # servers on CPU 1, wrk on CPU 0
#   SKIP_BUILD=1 bash benchmarks/run.sh                 # use the jars already built
#
# All servers start once, each in its own JVM with -Xms256m -Xmx256m, on fixed ports (18181..18186,
# see below; each overridable) and are stopped at the end. Before any load, every endpoint of every
# server must answer 2xx with the expected body, and any non-2xx under load stops the run.
# After a warm-up of WARMUP seconds per endpoint and server, each round measures every endpoint on
# every server back to back (the order of the servers rotates from round to round); the tables
# report the median of the rounds for each figure and the median of the per-round ratios, so one
# noisy round does not decide a ratio. The peers (Helidon, Vert.x) are built with the root pom's
# profile peers (mvn -Ppeers ... -pl benchmarks/peers/helidon,benchmarks/peers/vertx -am).
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/select-jdk.sh
select_jdk

DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-10}
SKITAI_PORT=${SKITAI_PORT:-18181}
UNDERTOW_PORT=${UNDERTOW_PORT:-${BASE_PORT:-18182}}
ATILA_PORT=${ATILA_PORT:-18183}
HELIDON_PORT=${HELIDON_PORT:-18184}
VERTX_PORT=${VERTX_PORT:-18185}
SKITAI_IO_PORT=${SKITAI_IO_PORT:-18186}
SKITAI_METRICS_PORT=${SKITAI_METRICS_PORT:-18187}
SKITAI_NOMETRICS_PORT=${SKITAI_NOMETRICS_PORT:-18188}
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
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -ntp -DskipTests package -pl examples/hello,examples/atila-app,benchmarks -am
  # The peers in a build of their own: the profile's dependency management (Vert.x's BOM) must not
  # touch the engine's modules.
  mvn -B -q -ntp -Ppeers -DskipTests package -pl benchmarks/peers/helidon,benchmarks/peers/vertx -am
fi
STATIC_DIR=$(pwd)/examples/hello/target/static
HEAP="-Xms256m -Xmx256m"
for f in examples/hello/target/hello.jar examples/atila-app/target/atila-app.jar benchmarks/target/skitai-benchmarks.jar \
    benchmarks/peers/helidon/target/helidon-peer.jar benchmarks/peers/vertx/target/vertx-peer.jar "$STATIC_DIR/4k.txt"; do
  [ -f "$f" ] || { echo "missing $f: build first (run without SKIP_BUILD=1)" >&2; exit 1; }
done

PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

declare -A PID PORT
port_open() { (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null; }
start() { # name port command...: starts one server in its own JVM, output in $OUT/<name>.log
  local name=$1 port=$2; shift 2
  if port_open "$port"; then echo "port $port (for $name) is already in use: stop what listens there or set another port" >&2; exit 1; fi
  $ON_SERVER_CPU "$@" >"$OUT/$name.log" 2>&1 &
  PID[$name]=$!; PORT[$name]=$port; PIDS+=($!)
}
wait_up() { # name
  for _ in $(seq 300); do
    port_open "${PORT[$1]}" && return 0
    kill -0 "${PID[$1]}" 2>/dev/null || { echo "$1 exited before it listened on ${PORT[$1]}; its log ($OUT/$1.log):" >&2; tail -20 "$OUT/$1.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "$1 did not open port ${PORT[$1]} within 30 s; see $OUT/$1.log" >&2; exit 1
}

start undertow "$UNDERTOW_PORT" java $HEAP -cp benchmarks/target/skitai-benchmarks.jar io.skitai.benchmarks.BaselineServer "$UNDERTOW_PORT" "$STATIC_DIR"
start helidon "$HELIDON_PORT" java $HEAP -jar benchmarks/peers/helidon/target/helidon-peer.jar "$HELIDON_PORT" "$STATIC_DIR"
start vertx "$VERTX_PORT" java $HEAP -jar benchmarks/peers/vertx/target/vertx-peer.jar "$VERTX_PORT" "$STATIC_DIR"
start skitai "$SKITAI_PORT" java $HEAP -jar examples/hello/target/hello.jar --skitai-port="$SKITAI_PORT"
start skitai-io "$SKITAI_IO_PORT" java $HEAP -jar examples/hello/target/hello.jar --skitai-port="$SKITAI_IO_PORT" --skitai-threads=0
start skitai-metrics "$SKITAI_METRICS_PORT" java $HEAP -cp benchmarks/target/skitai-benchmarks.jar io.skitai.benchmarks.HelloMetrics on "$STATIC_DIR" --skitai-port="$SKITAI_METRICS_PORT"
start skitai-nometrics "$SKITAI_NOMETRICS_PORT" java $HEAP -cp benchmarks/target/skitai-benchmarks.jar io.skitai.benchmarks.HelloMetrics off "$STATIC_DIR" --skitai-port="$SKITAI_NOMETRICS_PORT"
start atila "$ATILA_PORT" java $HEAP -jar examples/atila-app/target/atila-app.jar --skitai-port="$ATILA_PORT"
for s in undertow helidon vertx skitai skitai-io skitai-metrics skitai-nometrics atila; do wait_up $s; done

ENDPOINTS=(plaintext json static atila)
declare -A EP_PATH=([plaintext]=/ [json]=/json [static]=/static/4k.txt [atila]="$ATILA_PATH")
servers_of() { if [ "$1" = atila ]; then echo undertow atila; else echo undertow helidon vertx skitai skitai-io skitai-metrics skitai-nometrics; fi; }

# Every endpoint of every server answers 2xx with the expected body before any load: a row that
# measured an error page would compare nothing.
declare -A SIZE
for ep in "${ENDPOINTS[@]}"; do
  for s in $(servers_of $ep); do
    url="http://127.0.0.1:${PORT[$s]}${EP_PATH[$ep]}"
    read -r code hdr body < <(curl -s -o "$OUT/preflight.body" -w '%{http_code} %{size_header} %{size_download}\n' "$url" || echo "000 0 0")
    case "$code" in 2??) ;; *) echo "$s answered $code for $url (expected 2xx); its log: $OUT/$s.log" >&2; exit 1 ;; esac
    ok=1
    case $ep in
      plaintext) [ "$(cat "$OUT/preflight.body")" = "Hello World" ] || ok= ;;
      json) [ "$(tr -d ' \n' <"$OUT/preflight.body")" = '{"message":"HelloWorld"}' ] || ok= ;;
      static) cmp -s "$OUT/preflight.body" "$STATIC_DIR/4k.txt" || ok= ;;
      atila) [ "$(tr -d ' \n' <"$OUT/preflight.body")" = '{"id":7,"name":"user7","email":"user7@example.com"}' ] || ok= ;;
    esac
    [ -n "$ok" ] || { echo "$s answered an unexpected body for $url:" >&2; head -c 300 "$OUT/preflight.body" >&2; echo >&2; exit 1; }
    SIZE[$ep.$s]="$hdr+$body"
  done
done
rm -f "$OUT/preflight.body"

cpu_ticks() { awk '{print $14 + $15}' /proc/$1/stat; }
TICK=$(getconf CLK_TCK)

# one measurement: prints "reqs_per_sec p99_ms cpu_us_per_req"
measure() { # server path
  local pid=${PID[$1]} port=${PORT[$1]} before after out rps p99 total errors
  kill -0 "$pid" 2>/dev/null || { echo "$1 is no longer running; its log: $OUT/$1.log" >&2; exit 1; }
  before=$(cpu_ticks $pid)
  out=$($ON_LOAD_CPU wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s --latency "http://127.0.0.1:$port$2")
  after=$(cpu_ticks $pid)
  if echo "$out" | grep -q "Non-2xx"; then echo "non-2xx responses from $1 (port $port) on $2; its log: $OUT/$1.log" >&2; echo "$out" >&2; exit 1; fi
  errors=$(echo "$out" | awk '/Socket errors/ {sub(/^ +/, ""); print}')
  [ -z "$errors" ] || echo "  $1 $2: $errors" >&2
  rps=$(echo "$out" | awk '/^Requests\/sec/ {print $2}')
  total=$(echo "$out" | awk '/requests in/ {print $1}')
  p99=$(echo "$out" | awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; print v}')
  awk -v r="$rps" -v p="$p99" -v b="$before" -v a="$after" -v n="$total" -v t="$TICK" \
    'BEGIN { printf "%.0f %.2f %.2f\n", r, p, (a-b)/t*1e6/n }'
}

echo "warming up (${WARMUP}s per endpoint and server)"
for ep in "${ENDPOINTS[@]}"; do
  for s in $(servers_of $ep); do
    $ON_LOAD_CPU wrk -t$WRK_THREADS -c$CONNECTIONS -d${WARMUP}s "http://127.0.0.1:${PORT[$s]}${EP_PATH[$ep]}" >/dev/null
  done
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.4f", (b > 0 ? a/b : 0)}'; }
declare -A RPS P99 CPU RRU RCU RRH RCH RRM RCM LAST
for round in $(seq $ROUNDS); do
  for ep in "${ENDPOINTS[@]}"; do
    read -r -a servers <<<"$(servers_of $ep)"
    n=${#servers[@]}; shift_by=$(( (round - 1) % n ))
    order=("${servers[@]:shift_by}" "${servers[@]:0:shift_by}")
    LAST=()
    for s in "${order[@]}"; do
      result=$(measure $s "${EP_PATH[$ep]}")   # a failed measurement ends the run (set -e)
      read -r rps p99 cpu <<<"$result"
      echo "round $round $ep $s: $rps req/s, p99 $p99 ms, $cpu us CPU/req"
      key="$ep.$s"
      RPS[$key]="${RPS[$key]:-} $rps"; P99[$key]="${P99[$key]:-} $p99"; CPU[$key]="${CPU[$key]:-} $cpu"
      LAST[$s]="$rps $cpu"
    done
    # this round's ratios: all servers of an endpoint measured back to back, so a slow drift of the
    # machine affects both sides of one ratio alike
    for s in "${servers[@]}"; do
      read -r srps scpu <<<"${LAST[$s]}"
      key="$ep.$s"
      read -r urps ucpu <<<"${LAST[undertow]}"
      RRU[$key]="${RRU[$key]:-} $(ratio $srps $urps)"; RCU[$key]="${RCU[$key]:-} $(ratio $scpu $ucpu)"
      if [ -n "${LAST[helidon]:-}" ]; then
        read -r hrps hcpu <<<"${LAST[helidon]}"
        RRH[$key]="${RRH[$key]:-} $(ratio $srps $hrps)"; RCH[$key]="${RCH[$key]:-} $(ratio $scpu $hcpu)"
      fi
    done
    if [ -n "${LAST[skitai-metrics]:-}" ]; then
      read -r mrps mcpu <<<"${LAST[skitai-metrics]}"; read -r srps scpu <<<"${LAST[skitai-nometrics]}"
      RRM[$ep]="${RRM[$ep]:-} $(ratio $mrps $srps)"; RCM[$ep]="${RCM[$ep]:-} $(ratio $mcpu $scpu)"
    fi
  done
done

median() { echo $* | tr ' ' '\n' | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
fmt_ratio() { # self base values...: the median of the per-round ratios, or a dash (no base, or the base itself)
  local self=$1 base=$2; shift 2
  if [ "$self" = "$base" ] || [ $# -eq 0 ]; then echo "—"; else printf "%.3f" "$(median "$@")"; fi
}

{
  echo "| endpoint | server | req/s | p99 ms | CPU µs/req | req/s ÷ undertow | CPU/req ÷ undertow | req/s ÷ helidon | CPU/req ÷ helidon |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
  for ep in "${ENDPOINTS[@]}"; do
    for s in $(servers_of $ep); do
      key="$ep.$s"
      echo "| $ep | $s | $(median ${RPS[$key]}) | $(median ${P99[$key]}) | $(median ${CPU[$key]}) |" \
        "$(fmt_ratio $s undertow ${RRU[$key]}) | $(fmt_ratio $s undertow ${RCU[$key]}) |" \
        "$(fmt_ratio $s helidon ${RRH[$key]:-}) | $(fmt_ratio $s helidon ${RCH[$key]:-}) |"
    done
  done
  echo
  echo "| endpoint | server | per-round CPU/req ÷ undertow | per-round CPU/req ÷ helidon |"
  echo "|---|---|---|---|"
  for ep in "${ENDPOINTS[@]}"; do
    for s in $(servers_of $ep); do
      key="$ep.$s"
      u="—"; h="—"
      [ "$s" = undertow ] || u="$(echo ${RCU[$key]})"
      [ "$s" = helidon ] || [ -z "${RCH[$key]:-}" ] || h="$(echo ${RCH[$key]})"
      echo "| $ep | $s | $u | $h |"
    done
  done
  echo
  echo "Metrics on ÷ off (skitai-metrics ÷ skitai-nometrics, medians of the per-round ratios; per-round CPU ratios after the colon):"
  echo
  echo "| endpoint | req/s on ÷ off | CPU/req on ÷ off |"
  echo "|---|---:|---|"
  for ep in "${ENDPOINTS[@]}"; do
    [ -n "${RCM[$ep]:-}" ] || continue
    echo "| $ep | $(printf "%.3f" "$(median ${RRM[$ep]})") | $(printf "%.3f" "$(median ${RCM[$ep]})"): $(echo ${RCM[$ep]}) |"
  done
  echo
  echo "Response sizes (header + body bytes, from the check before the load):"
  echo
  echo "| server | / | /json | /static/4k.txt | atila route |"
  echo "|---|---:|---:|---:|---:|"
  for s in undertow helidon vertx skitai skitai-io skitai-metrics skitai-nometrics atila; do
    echo "| $s | ${SIZE[plaintext.$s]:-—} | ${SIZE[json.$s]:-—} | ${SIZE[static.$s]:-—} | ${SIZE[atila.$s]:-—} |"
  done
  echo
  echo "wrk -t$WRK_THREADS -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s warm-up per endpoint and server${PIN:+, servers pinned to CPU 1 and wrk to CPU 0}," \
    "$ROUNDS round(s), server order rotating; ratios are medians of the per-round ratios (other figures: medians of the rounds)," \
    "every server -Xms256m -Xmx256m, $(nproc) cores, JDK $(java_major "$JAVA_HOME"), $(date -u +%Y-%m-%dT%H:%MZ)"
} | tee "$OUT/latest.md"
