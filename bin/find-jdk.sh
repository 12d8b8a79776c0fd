# Sourced by ./paperwire, ./mvnw and .ci/run: points JAVA_HOME at a JDK >= 21.
# Order: an existing JAVA_HOME that is new enough, the `java` on PATH, then the JDKs under /usr/lib/jvm
# and /opt (newest first). Prints a clear message and returns 1 when none is found.
paperwire_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}
paperwire_find_jdk() {
  local candidate major globbing_was_off=""
  case $- in *f*) globbing_was_off=1; set +f ;; esac   # mvnw runs with `set -f`
  for candidate in ${JAVA_HOME:+"$JAVA_HOME"} \
      "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")" \
      $(ls -d /usr/lib/jvm/*/ /opt/*jdk*/ /opt/java/*/ 2>/dev/null | sort -rV); do
    candidate="${candidate%/}"
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major="$(paperwire_java_major "$candidate/bin/java")"
    major="${major#1.}"
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      # Maven's own libraries (guice) use sun.misc.Unsafe; JDK 24+ warns about it on every build.
      if [ "$major" -ge 24 ]; then
        case "${MAVEN_OPTS:-}" in
          *sun-misc-unsafe*) ;;
          *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
        esac
      fi
      [ -z "$globbing_was_off" ] || set -f
      return 0
    fi
  done
  [ -z "$globbing_was_off" ] || set -f
  echo "paperwire: no JDK 21 or newer found (looked at JAVA_HOME, PATH, /usr/lib/jvm, /opt)." >&2
  echo "paperwire: install one (e.g. 'apt-get install openjdk-21-jdk') or set JAVA_HOME to it." >&2
  return 1
}
