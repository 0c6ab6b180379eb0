#!/usr/bin/env bash
# Reverse-proxy benchmark, in one run: the same upstream (benchmarks' BaselineServer: Undertow alone,
# "Hello World" on its IO threads) behind
#
#   skitai    benchmarks' SkitaiProxy: mount("/", "@up"), on the defaults (request log on)
#   undertow  benchmarks' UndertowProxy: Undertow's ProxyHandler + LoadBalancingProxyClient
#   nginx     Debian's nginx: proxy_pass to an upstream block with keepalive 64, 2 workers, no access log
#
# wrk loads each through its proxy after a warm-up; reported: req/s, p99, and the proxy's CPU per
# request (user+system of its processes from /proc; the upstream's own CPU is not counted), with
# the ratios of Skitai to the others. Writes benchmarks/out/proxy.md.
#
#   bash benchmarks/proxy.sh         # DURATION=15 WARMUP=10 CONNECTIONS=64
#   SKIP_BUILD=1 ...                 # use the jars already built
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/select-jdk.sh
select_jdk

DURATION=${DURATION:-15}
WARMUP=${WARMUP:-10}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
UP_PORT=${UP_PORT:-18300}
SKITAI_PORT=${SKITAI_PORT:-18301}
UNDERTOW_PORT=${UNDERTOW_PORT:-18302}
NGINX_PORT=${NGINX_PORT:-18303}
GATEWAY_PORT=${GATEWAY_PORT:-18304}
SECRET=benchmark-gateway-secret-0123456789abcdef
OUT=benchmarks/out
mkdir -p "$OUT"

. benchmarks/lib.sh
need_wrk
command -v nginx >/dev/null || { echo "installing nginx (apt-get)"; (apt-get update -qq && apt-get install -y -qq nginx-light || apt-get install -y -qq nginx) >/dev/null; }
build benchmarks
JAR=benchmarks/target/skitai-benchmarks.jar
need_files "$JAR"
HEAP="-Xms256m -Xmx512m"

NGINX_DIR=$(mktemp -d)
cat >"$NGINX_DIR/nginx.conf" <<CONF
worker_processes 2;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  upstream up { server 127.0.0.1:$UP_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / { proxy_pass http://up; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF

declare -A PID PORT LOG RPS CPU P99
mkdir -p "$OUT/proxy-static"
java $HEAP -cp "$JAR" io.skitai.benchmarks.BaselineServer "$UP_PORT" "$OUT/proxy-static" >"$OUT/proxy-upstream.log" 2>&1 &
PIDS+=($!); UP_PID=$!
java $HEAP -cp "$JAR" io.skitai.benchmarks.SkitaiProxy "$SKITAI_PORT" "$UP_PORT" >"$OUT/proxy-skitai.log" 2>&1 &
PID[skitai]=$!; PORT[skitai]=$SKITAI_PORT; LOG[skitai]=$OUT/proxy-skitai.log; PIDS+=($!)
java $HEAP -cp "$JAR" io.skitai.benchmarks.SkitaiProxy "$GATEWAY_PORT" "$UP_PORT" "$SECRET" >"$OUT/proxy-gateway.log" 2>&1 &
PID[gateway]=$!; PORT[gateway]=$GATEWAY_PORT; LOG[gateway]=$OUT/proxy-gateway.log; PIDS+=($!)
TOKEN=$(java -cp "$JAR" io.skitai.benchmarks.SkitaiProxy --token "$SECRET")
java $HEAP -cp "$JAR" io.skitai.benchmarks.UndertowProxy "$UNDERTOW_PORT" "$UP_PORT" >"$OUT/proxy-undertow.log" 2>&1 &
PID[undertow]=$!; PORT[undertow]=$UNDERTOW_PORT; LOG[undertow]=$OUT/proxy-undertow.log; PIDS+=($!)
nginx -c "$NGINX_DIR/nginx.conf" -g 'daemon off;' >"$OUT/proxy-nginx.log" 2>&1 &
PID[nginx]=$!; PORT[nginx]=$NGINX_PORT; LOG[nginx]=$OUT/proxy-nginx.log; PIDS+=($!)
SERVERS=(skitai gateway undertow nginx)
wait_port "$UP_PORT" "$UP_PID" "$OUT/proxy-upstream.log" 600
for s in "${SERVERS[@]}"; do
  wait_port "${PORT[$s]}" "${PID[$s]}" "${LOG[$s]}" 600
  body=$(curl -fsS -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:${PORT[$s]}/") || { echo "$s: / does not answer 2xx; see ${LOG[$s]}" >&2; exit 1; }
  [ "$body" = "Hello World" ] || { echo "$s answered $body" >&2; exit 1; }
done
# nginx's CPU: its master and workers.
proxy_ticks() {
  if [ "$1" = nginx ]; then
    local t=0; for p in ${PID[nginx]} $(pgrep -P ${PID[nginx]}); do t=$((t + $(cpu_ticks $p))); done; echo $t
  else cpu_ticks ${PID[$1]}; fi
}

for s in "${SERVERS[@]}"; do
  url="http://127.0.0.1:${PORT[$s]}/"
  auth="Authorization: Bearer $TOKEN"   # only the gateway row checks it; the others pass it on
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -H "$auth" "$url" >/dev/null
  before=$(proxy_ticks $s)
  RESULT=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -H "$auth" --latency "$url")
  after=$(proxy_ticks $s)
  if echo "$RESULT" | grep -q "Non-2xx"; then echo "non-2xx responses from $s; see ${LOG[$s]}" >&2; exit 1; fi
  RPS[$s]=$(echo "$RESULT" | awk '/Requests\/sec/ {print $2}')
  total=$(echo "$RESULT" | awk '/requests in/ {print $1}')
  CPU[$s]=$(awk -v t=$((after - before)) -v hz="$TICK" -v n="$total" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')
  P99[$s]=$(ms "$(echo "$RESULT" | awk '$1=="99%" {print $2}')")
  echo "$s: ${RPS[$s]} req/s, ${CPU[$s]} µs/req"
done
kill "$(cat "$NGINX_DIR/nginx.pid" 2>/dev/null || echo ${PID[nginx]})" 2>/dev/null || true

{
  echo "| proxy | req/s | p99 ms | proxy CPU µs/req |"
  echo "|---|---:|---:|---:|"
  for s in "${SERVERS[@]}"; do echo "| $s | ${RPS[$s]} | ${P99[$s]} | ${CPU[$s]} |"; done
  echo
  for s in undertow nginx; do
    echo "skitai/$s: req/s $(ratio "${RPS[skitai]}" "${RPS[$s]}"), CPU per request $(ratio "${CPU[skitai]}" "${CPU[$s]}")"
    echo
  done
  echo "upstream: BaselineServer (Undertow, IO threads) GET /; wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s;"\
    "JVMs $HEAP; $(nginx -v 2>&1); $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
} | tee "$OUT/proxy.md"
rm -rf "$NGINX_DIR"
