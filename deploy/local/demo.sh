#!/usr/bin/env bash
# The quick tour: walks one care order through its life against the stack started by deploy/local/run.sh, each
# call with the token of the demo caller whose work it is (from the stack's issuer).
#   deploy/local/demo.sh [--port-offset=N] [--auth-port=PORT]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
exec java -jar "$root/deploy/local/target/local-stack.jar" demo "$@"
