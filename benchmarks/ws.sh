#!/usr/bin/env bash
# Websocket benchmark, in one run, Skitai beside Vert.x 5:
#
#   skitai  benchmarks' SkitaiWs: /idle (SIMPLE echo) and /room (GROUPCHAT) on the defaults
#   vertx   benchmarks/peers/vertx's VertxWs: the same two routes, one verticle per core
#
# 1. IDLE websockets (default 10,000) opened to /idle and held: the server's resident memory (VmRSS
#    from /proc) before and while they are held.
# 2. A broadcast in a room of CLIENTS (default 1,000): one client sends, the time until the last of
#    them has the message (WsLoad broadcast: median, p90, max over ROUNDS rounds).
# Both servers run with the same heap flags; the load client is WsLoad (the JDK's websocket client).
# Writes benchmarks/out/ws.md.
#
#   bash benchmarks/ws.sh            # IDLE=10000 CLIENTS=1000 ROUNDS=50
#   SKIP_BUILD=1 ...                 # use the jars already built
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/select-jdk.sh
select_jdk

IDLE=${IDLE:-10000}
CLIENTS=${CLIENTS:-1000}
ROUNDS=${ROUNDS:-50}
SKITAI_PORT=${SKITAI_PORT:-18295}
VERTX_PORT=${VERTX_PORT:-18296}
OUT=benchmarks/out
mkdir -p "$OUT"

. benchmarks/lib.sh
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
build benchmarks benchmarks/peers/vertx
JAR=benchmarks/target/skitai-benchmarks.jar
PEER_JAR=benchmarks/peers/vertx/target/vertx-peer.jar
need_files "$JAR" "$PEER_JAR"
HEAP="-Xms128m -Xmx512m"
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' /proc/$1/status; }

declare -A PID PORT LOG BASE HELD BCAST
java $HEAP -cp "$JAR" io.skitai.benchmarks.SkitaiWs "$SKITAI_PORT" >"$OUT/ws-skitai.log" 2>&1 &
PID[skitai]=$!; PORT[skitai]=$SKITAI_PORT; LOG[skitai]=$OUT/ws-skitai.log; PIDS+=($!)
java $HEAP -cp "$PEER_JAR" io.skitai.benchmarks.peers.vertx.VertxWs "$VERTX_PORT" >"$OUT/ws-vertx.log" 2>&1 &
PID[vertx]=$!; PORT[vertx]=$VERTX_PORT; LOG[vertx]=$OUT/ws-vertx.log; PIDS+=($!)
SERVERS=(skitai vertx)
for s in "${SERVERS[@]}"; do wait_port "${PORT[$s]}" "${PID[$s]}" "${LOG[$s]}" 600; done

for s in "${SERVERS[@]}"; do
  # A warm-up: a small room, a few rounds.
  java -cp "$JAR" io.skitai.benchmarks.WsLoad broadcast "ws://127.0.0.1:${PORT[$s]}/room?r=warm" 100 200 >/dev/null
  BASE[$s]=$(rss_mb ${PID[$s]})
  java -Xmx1g -cp "$JAR" io.skitai.benchmarks.WsLoad hold "ws://127.0.0.1:${PORT[$s]}/idle" "$IDLE" 20 >"$OUT/ws-hold-$s.log" 2>&1 &
  HOLDER=$!; PIDS+=($HOLDER)
  for _ in $(seq 1200); do grep -q "^held" "$OUT/ws-hold-$s.log" && break
    kill -0 $HOLDER 2>/dev/null || { cat "$OUT/ws-hold-$s.log" >&2; exit 1; }; sleep 0.1; done
  sleep 5
  HELD[$s]=$(rss_mb ${PID[$s]})
  echo "$s: $(cat "$OUT/ws-hold-$s.log"), RSS ${BASE[$s]} MB before, ${HELD[$s]} MB while held"
  wait $HOLDER || true
  BCAST[$s]=$(java -cp "$JAR" io.skitai.benchmarks.WsLoad broadcast "ws://127.0.0.1:${PORT[$s]}/room?r=1" "$CLIENTS" "$ROUNDS")
  echo "$s: ${BCAST[$s]}"
done

{
  echo "| server | RSS MB before | RSS MB with $IDLE idle websockets | broadcast to $CLIENTS clients (until the last has it) |"
  echo "|---|---:|---:|---|"
  for s in "${SERVERS[@]}"; do
    echo "| $s | ${BASE[$s]} | ${HELD[$s]} | ${BCAST[$s]#broadcast to $CLIENTS: } |"
  done
  echo
  echo "skitai: SkitaiWs (skitai-websocket defaults); vertx: VertxWs (Vert.x 5, one verticle per core); load: WsLoad"\
    "(JDK websocket client); JVMs $HEAP; $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
} | tee "$OUT/ws.md"
