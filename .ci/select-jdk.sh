# Sourced by .ci/run and benchmarks/run.sh: exports JAVA_HOME (and PATH) for a JDK 21 or newer.
java_major() { # the major version of the JDK in $1
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1
}

select_jdk() {
  local candidates=() d v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -x "$d/bin/javac" ] && candidates+=("$d")
  done
  for d in "${candidates[@]}"; do
    v=$(java_major "$d" 2>/dev/null || true)
    if [ -n "$v" ] && [ "${v%%.*}" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$d"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "no JDK 21 or newer found (checked JAVA_HOME and /usr/lib/jvm); install one and retry" >&2
  return 1
}
