#!/usr/bin/env bash
# Database benchmark: one route reading one row by primary key from PostgreSQL, in one run:
#
#   skitai        benchmarks' SkitaiPg: GET /city/{id} through was.backend("@db") (pgjdbc, was's
#                 default driver, a pool of 20 per member), on the default virtual thread per
#                 request, request log on
#   skitai-r2dbc  the same with WasSettings.POSTGRESQL_DRIVER = R2DBC (r2dbc-postgresql, r2dbc-pool)
#   jdbc          the same route on the same server without was: pgjdbc under HikariCP (pool of 20)
#                 on the request's own virtual thread, as a JDBC user writes it (SkitaiPg HIKARI)
#   helidon-jdbc  benchmarks/peers/db's HelidonPg: that JDBC route on Helidon SE 4 (a virtual thread
#                 per request), for context
#
# All read the same 10,000-row table of one PostgreSQL (zonky's embedded binaries, PgServer) on
# 127.0.0.1. Reports requests/s, p50/p99 and the app process's CPU per request (user+system from
# /proc/<pid>/stat; PostgreSQL's own CPU is not counted) as medians of interleaved rounds, then the
# ratios to jdbc; then 2,000 connections at once (2,000 requests each waiting on the database) with
# each JVM's peak of live platform threads (java.threads.livePeak). Writes benchmarks/out/db.md.
#
#   bash benchmarks/db.sh            # ROUNDS=3 DURATION=10 WARMUP=30 CONNECTIONS=64 (r2dbc and Reactor need a long JIT warm-up)
#   SKIP_BUILD=1 ...                 # use the jars already built
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/select-jdk.sh
select_jdk

DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-64}
MANY=${MANY:-2000}
THREADS=${THREADS:-2}
PG_PORT=${PG_PORT:-18290}
SKITAI_PORT=${SKITAI_PORT:-18291}
JDBC_PORT=${JDBC_PORT:-18292}
R2DBC_PORT=${R2DBC_PORT:-18293}
HELIDON_PORT=${HELIDON_PORT:-18294}
OUT=benchmarks/out
mkdir -p "$OUT"

. benchmarks/lib.sh
need_wrk
build benchmarks benchmarks/peers/db
SKITAI_JAR=benchmarks/target/skitai-benchmarks.jar
PEER_JAR=benchmarks/peers/db/target/db-peer.jar
need_files "$SKITAI_JAR" "$PEER_JAR"
HEAP="-Xms512m -Xmx512m"

for port in "$PG_PORT" "$SKITAI_PORT" "$JDBC_PORT" "$R2DBC_PORT" "$HELIDON_PORT"; do
  if port_open "$port"; then echo "port $port is already in use" >&2; exit 1; fi
done

java -cp "$PEER_JAR" io.skitai.benchmarks.peers.db.PgServer "$PG_PORT" >"$OUT/db-postgres.log" 2>&1 &
PIDS+=($!); PG_PID=$!
for _ in $(seq 600); do grep -q "postgres ready" "$OUT/db-postgres.log" && break
  kill -0 $PG_PID 2>/dev/null || { tail -20 "$OUT/db-postgres.log" >&2; exit 1; }; sleep 0.1; done
declare -A PID PORT LOG
java $HEAP -cp "$SKITAI_JAR" io.skitai.benchmarks.SkitaiPg "$SKITAI_PORT" "$PG_PORT" >"$OUT/db-skitai.log" 2>&1 &
PID[skitai]=$!; PORT[skitai]=$SKITAI_PORT; LOG[skitai]=$OUT/db-skitai.log; PIDS+=($!)
java $HEAP -cp "$SKITAI_JAR" io.skitai.benchmarks.SkitaiPg "$R2DBC_PORT" "$PG_PORT" R2DBC >"$OUT/db-skitai-r2dbc.log" 2>&1 &
PID[skitai-r2dbc]=$!; PORT[skitai-r2dbc]=$R2DBC_PORT; LOG[skitai-r2dbc]=$OUT/db-skitai-r2dbc.log; PIDS+=($!)
java $HEAP -cp "$SKITAI_JAR" io.skitai.benchmarks.SkitaiPg "$JDBC_PORT" "$PG_PORT" HIKARI >"$OUT/db-jdbc.log" 2>&1 &
PID[jdbc]=$!; PORT[jdbc]=$JDBC_PORT; LOG[jdbc]=$OUT/db-jdbc.log; PIDS+=($!)
java $HEAP -jar "$PEER_JAR" "$HELIDON_PORT" "$PG_PORT" >"$OUT/db-helidon.log" 2>&1 &
PID[helidon-jdbc]=$!; PORT[helidon-jdbc]=$HELIDON_PORT; LOG[helidon-jdbc]=$OUT/db-helidon.log; PIDS+=($!)
SERVERS=(skitai skitai-r2dbc jdbc helidon-jdbc)
for s in "${SERVERS[@]}"; do
  wait_port "${PORT[$s]}" "${PID[$s]}" "${LOG[$s]}" 600
  body=$(curl -fsS "http://127.0.0.1:${PORT[$s]}/city/42") || { echo "$s: /city/42 does not answer 2xx; see ${LOG[$s]}" >&2; exit 1; }
  echo "$body" | grep -q '"city-42"' || { echo "$s answered $body" >&2; exit 1; }
  echo "$s: $body"
done


median() { echo $* | tr ' ' '\n' | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

declare -A RPS CPU P50 P99 PEAK MANYRPS
for s in "${SERVERS[@]}"; do
  echo "$s: warming up ${WARMUP}s"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "http://127.0.0.1:${PORT[$s]}/city/42" >/dev/null
done
# Rounds interleave the servers, so a noisy moment of the machine hits them alike.
for round in $(seq "$ROUNDS"); do
  for s in "${SERVERS[@]}"; do
    url="http://127.0.0.1:${PORT[$s]}/city/42"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d3s "$url" >/dev/null
    before=$(cpu_ticks ${PID[$s]})
    RESULT=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url")
    after=$(cpu_ticks ${PID[$s]})
    if echo "$RESULT" | grep -q "Non-2xx"; then echo "non-2xx responses from $s; see ${LOG[$s]}" >&2; exit 1; fi
    rps=$(echo "$RESULT" | awk '/Requests\/sec/ {print $2}')
    total=$(echo "$RESULT" | awk '/requests in/ {print $1}')
    cpu=$(awk -v t=$((after - before)) -v hz="$TICK" -v n="$total" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')
    RPS[$s]+="$rps "; CPU[$s]+="$cpu "
    P50[$s]+="$(ms "$(echo "$RESULT" | awk '$1=="50%" {print $2}')") "
    P99[$s]+="$(ms "$(echo "$RESULT" | awk '$1=="99%" {print $2}')") "
    echo "round $round $s: $rps req/s, $cpu µs/req"
  done
done
for s in "${SERVERS[@]}"; do
  echo "$s: $MANY connections at once for 10s"
  MANYRESULT=$(wrk -t"$THREADS" -c"$MANY" -d10s --timeout 30s "http://127.0.0.1:${PORT[$s]}/city/42")
  MANYRPS[$s]=$(echo "$MANYRESULT" | awk '/Requests\/sec/ {print $2}')
  PEAK[$s]=$(live_peak ${PID[$s]})
done

{
  echo "| server | req/s ($CONNECTIONS conns) | p50 ms | p99 ms | CPU µs/req | per-round CPU µs/req | req/s ($MANY conns) | peak live platform threads |"
  echo "|---|---:|---:|---:|---:|---|---:|---:|"
  for s in "${SERVERS[@]}"; do
    echo "| $s | $(median ${RPS[$s]}) | $(median ${P50[$s]}) | $(median ${P99[$s]}) | $(median ${CPU[$s]}) | ${CPU[$s]% } | ${MANYRPS[$s]} | ${PEAK[$s]} |"
  done
  echo
  for s in skitai skitai-r2dbc helidon-jdbc; do
    echo "$s/jdbc: req/s $(ratio "$(median ${RPS[$s]})" "$(median ${RPS[jdbc]})"), CPU per request $(ratio "$(median ${CPU[$s]})" "$(median ${CPU[jdbc]})")"
    echo
  done
  echo "skitai: SkitaiPg (was, pgjdbc, pool 20); skitai-r2dbc: the same on r2dbc-postgresql + r2dbc-pool;"\
    "jdbc: SkitaiPg HIKARI (no was: pgjdbc, HikariCP 20, on the request's virtual thread); helidon-jdbc: HelidonPg (Helidon SE 4, pgjdbc, HikariCP 20);"\
    "GET /city/42 (one row by primary key); medians of $ROUNDS interleaved rounds of wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s warm-up each;"\
    "JVMs -Xms512m -Xmx512m; $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
} | tee "$OUT/db.md"
