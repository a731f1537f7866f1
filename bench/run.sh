#!/usr/bin/env bash
# The benchmark: this machine's PostgreSQL and Kafka ceilings, then the whole care-order lifecycle under
# load on a fresh local stack, printed and written to bench/target/bench/bench-result.json.
#   bench/run.sh [--quick] [--orders=N] [--concurrency=N] [--rate=N] …      (--help for all)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./mvnw -q -B -DskipTests -pl deploy/local,bench -am package
exec java -jar bench/target/bench.jar "$@"
