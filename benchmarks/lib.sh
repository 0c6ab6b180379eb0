# Helpers the benchmark scripts share (sourced, not run): the processes a script starts and stops,
# ports, CPU ticks from /proc, the JVM's platform-thread peak, wrk's latency units, ratios.
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
port_open() { (exec 3<>/dev/tcp/127.0.0.1/$1) 2>/dev/null; }
wait_port() { # port pid log [tenths of a second, default 300]
  for _ in $(seq "${4:-300}"); do
    port_open "$1" && return 0
    kill -0 "$2" 2>/dev/null || { echo "the process for port $1 exited; its log ($3):" >&2; tail -20 "$3" >&2; exit 1; }
    sleep 0.1
  done
  echo "port $1 did not open in time; see $3" >&2; exit 1
}
TICK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' /proc/$1/stat; }
live_peak() { jcmd "$1" PerfCounter.print 2>/dev/null | awk -F= '/java.threads.livePeak=/ {print $2}'; }
ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; printf "%.2f", v }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", (b > 0 ? a/b : 0)}'; }
# wrk (installed from Debian when missing) and file descriptors for thousands of connections.
need_wrk() {
  command -v wrk >/dev/null || { echo "installing wrk (apt-get)"; (apt-get update -qq && apt-get install -y -qq wrk) >/dev/null; }
  ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
}
# Builds what a script runs unless SKIP_BUILD=1: the engine's modules and their dependencies, then
# the peers in a build of their own (the peers profile's dependency management, Vert.x's BOM among
# it, must not touch the engine's modules).
build() { # engine modules (comma-separated) [peer modules]
  [ "${SKIP_BUILD:-0}" = 1 ] && return 0
  mvn -B -q -ntp -DskipTests package -pl "$1" -am
  [ -z "${2:-}" ] || mvn -B -q -ntp -Ppeers -DskipTests package -pl "$2" -am
}
# Stops the script unless every file given exists (a jar, a static file).
need_files() {
  for f in "$@"; do [ -f "$f" ] || { echo "missing $f: build first (run without SKIP_BUILD=1)" >&2; exit 1; }; done
}
