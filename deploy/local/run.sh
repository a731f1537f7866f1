#!/usr/bin/env bash
# Starts the whole system on this machine: Kafka, PostgreSQL, the local token issuer (deploy/auth) and the four
# services with a demo district, every service requiring that issuer's tokens (deploy/local/token.sh NAME).
# Needs only a JDK (17+). Builds first when the sources changed since the last build.
#   deploy/local/run.sh [--fresh] [--data-dir=DIR] [--port-offset=N] [--auth-port=PORT]      (--help for more)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
launcher=deploy/local/target/local-stack.jar

if [ ! -f "$launcher" ] || [ -n "$(find . -path ./.local-stack -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$launcher" -print -quit)" ]; then
  echo "Building the services (first time, or sources changed)…"
  started=$(date +%s)
  ./mvnw -q -B -DskipTests -pl deploy/local -am package
  echo "Built in $(( $(date +%s) - started )) s."
fi

exec java -jar "$launcher" up "$@"
