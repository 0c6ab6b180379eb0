#!/usr/bin/env bash
# Database benchmark: one route reading one row by primary key from PostgreSQL, in one run:
#
#   skitai  benchmarks' SkitaiPg: GET /city/{id} through was.backend("@db") (r2dbc-postgresql,
#           a pool of 20 per member), on the default virtual thread per request, request log on
#   jdbc    benchmarks/peers/db's HelidonPg: the same route on Helidon SE 4 (a virtual thread per
#           request) with pgjdbc under HikariCP (pool of 20)
#
# Both read the same 10,000-row table of one PostgreSQL (zonky's embedded binaries, PgServer) on
# 127.0.0.1. Reports requests/s, p50/p99 and the app process's CPU per request (user+system from
# /proc/<pid>/stat; PostgreSQL's own CPU is not counted), then the Skitai/JDBC ratios; then 2,000
# connections at once (2,000 requests each waiting on the database) with each JVM's peak of live
# platform threads (java.threads.livePeak). Writes benchmarks/out/db.md.
#
#   bash benchmarks/db.sh            # DURATION=20 WARMUP=30 CONNECTIONS=64 (r2dbc and Reactor need a long JIT warm-up)
#   SKIP_BUILD=1 ...                 # use the jars already built
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/select-jdk.sh
select_jdk

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-30}
CONNECTIONS=${CONNECTIONS:-64}
MANY=${MANY:-2000}
THREADS=${THREADS:-2}
PG_PORT=${PG_PORT:-18290}
SKITAI_PORT=${SKITAI_PORT:-18291}
JDBC_PORT=${JDBC_PORT:-18292}
OUT=benchmarks/out
mkdir -p "$OUT"

. benchmarks/lib.sh
need_wrk
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q -ntp -DskipTests package -pl benchmarks -am
  mvn -B -q -ntp -Ppeers -DskipTests package -pl benchmarks/peers/db
fi
SKITAI_JAR=benchmarks/target/skitai-benchmarks.jar
PEER_JAR=benchmarks/peers/db/target/db-peer.jar
for f in "$SKITAI_JAR" "$PEER_JAR"; do [ -f "$f" ] || { echo "missing $f: build first (run without SKIP_BUILD=1)" >&2; exit 1; }; done
HEAP="-Xms512m -Xmx512m"

for port in "$PG_PORT" "$SKITAI_PORT" "$JDBC_PORT"; do
  if port_open "$port"; then echo "port $port is already in use" >&2; exit 1; fi
done

java -cp "$PEER_JAR" io.skitai.benchmarks.peers.db.PgServer "$PG_PORT" >"$OUT/db-postgres.log" 2>&1 &
PIDS+=($!); PG_PID=$!
for _ in $(seq 600); do grep -q "postgres ready" "$OUT/db-postgres.log" && break
  kill -0 $PG_PID 2>/dev/null || { tail -20 "$OUT/db-postgres.log" >&2; exit 1; }; sleep 0.1; done
declare -A PID PORT LOG
java $HEAP -cp "$SKITAI_JAR" io.skitai.benchmarks.SkitaiPg "$SKITAI_PORT" "$PG_PORT" >"$OUT/db-skitai.log" 2>&1 &
PID[skitai]=$!; PORT[skitai]=$SKITAI_PORT; LOG[skitai]=$OUT/db-skitai.log; PIDS+=($!)
java $HEAP -jar "$PEER_JAR" "$JDBC_PORT" "$PG_PORT" >"$OUT/db-jdbc.log" 2>&1 &
PID[jdbc]=$!; PORT[jdbc]=$JDBC_PORT; LOG[jdbc]=$OUT/db-jdbc.log; PIDS+=($!)
SERVERS=(skitai jdbc)
for s in "${SERVERS[@]}"; do
  wait_port "${PORT[$s]}" "${PID[$s]}" "${LOG[$s]}" 600
  body=$(curl -fsS "http://127.0.0.1:${PORT[$s]}/city/42") || { echo "$s: /city/42 does not answer 2xx; see ${LOG[$s]}" >&2; exit 1; }
  echo "$body" | grep -q '"city-42"' || { echo "$s answered $body" >&2; exit 1; }
  echo "$s: $body"
done


declare -A RPS CPU P50 P99 PEAK MANYRPS
for s in "${SERVERS[@]}"; do
  url="http://127.0.0.1:${PORT[$s]}/city/42"
  echo "$s: warming up ${WARMUP}s"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$url" >/dev/null
  before=$(cpu_ticks ${PID[$s]})
  RESULT=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url")
  after=$(cpu_ticks ${PID[$s]})
  echo "$RESULT"
  if echo "$RESULT" | grep -q "Non-2xx"; then echo "non-2xx responses from $s; see ${LOG[$s]}" >&2; exit 1; fi
  RPS[$s]=$(echo "$RESULT" | awk '/Requests\/sec/ {print $2}')
  total=$(echo "$RESULT" | awk '/requests in/ {print $1}')
  CPU[$s]=$(awk -v t=$((after - before)) -v hz="$TICK" -v n="$total" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')
  P50[$s]=$(ms "$(echo "$RESULT" | awk '$1=="50%" {print $2}')")
  P99[$s]=$(ms "$(echo "$RESULT" | awk '$1=="99%" {print $2}')")
  echo "$s: $MANY connections at once for 10s"
  MANYRESULT=$(wrk -t"$THREADS" -c"$MANY" -d10s --timeout 30s "$url")
  MANYRPS[$s]=$(echo "$MANYRESULT" | awk '/Requests\/sec/ {print $2}')
  PEAK[$s]=$(live_peak ${PID[$s]})
done

{
  echo "| server | req/s ($CONNECTIONS conns) | p50 ms | p99 ms | CPU µs/req | req/s ($MANY conns) | peak live platform threads |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for s in "${SERVERS[@]}"; do
    echo "| $s | ${RPS[$s]} | ${P50[$s]} | ${P99[$s]} | ${CPU[$s]} | ${MANYRPS[$s]} | ${PEAK[$s]} |"
  done
  echo
  echo "Skitai/JDBC: req/s $(ratio "${RPS[skitai]}" "${RPS[jdbc]}"), CPU per request $(ratio "${CPU[skitai]}" "${CPU[jdbc]}")"
  echo
  echo "skitai: SkitaiPg (was, r2dbc-postgresql, pool 20); jdbc: HelidonPg (Helidon SE 4, pgjdbc, HikariCP 20);"\
    "GET /city/42 (one row by primary key); wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s warm-up;"\
    "JVMs -Xms512m -Xmx512m; $(nproc) cores, $(java -version 2>&1 | head -1), $(date -u +%Y-%m-%dT%H:%MZ)"
} | tee "$OUT/db.md"
