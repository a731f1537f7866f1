#!/usr/bin/env bash
# Prints an access token of a demo caller from the local issuer (deploy/auth), for curl and scripts:
#   curl -H "Authorization: Bearer $(deploy/local/token.sh window@mapo)" http://localhost:8081/api/v1/...
# Callers: care-manager@mapo care-manager@seodaemun window@mapo window@seodaemun billing@mapo billing@seodaemun
#   privacy@mapo city@seoul agency@mapo-hospital agency@seodaemun-hospital operator@local, and provider@<id> for
#   every demo provider: mapo-banchan-coop mapo-dongheng-mobility mapo-homecare-coop mapo-house-repair
#   mapo-meal-jahwal mapo-neulbom-care mapo-public-homecare   (deploy/auth/src/main/resources/application.yml)
# Each is a client of the issuer with the client-credentials grant whose token carries that caller's claims; the
# secret is the local stack's one dev secret (also every demo user's password in the browser sign-in).
# Environment: DOLBOM_AUTH_URL (default http://localhost:9000; a stack started with --port-offset=N or --auth-port
#   listens elsewhere, as run.sh prints), DOLBOM_AUTH_DEV_SECRET (default dolbom-dev-secret).
set -euo pipefail
if [ $# -ne 1 ] || [ "$1" = "--help" ] || [ "$1" = "-h" ]; then
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
  exit $([ $# -eq 1 ] && echo 0 || echo 2)
fi
issuer="${DOLBOM_AUTH_URL:-http://localhost:9000}"
answer=$(curl -s --fail-with-body -X POST "$issuer/oauth2/token" \
  --data-urlencode grant_type=client_credentials \
  --data-urlencode "client_id=$1" \
  --data-urlencode "client_secret=${DOLBOM_AUTH_DEV_SECRET:-dolbom-dev-secret}") || {
  echo "token.sh: no token for '$1' from $issuer: ${answer:-is the local issuer running?}" >&2
  exit 1
}
# The answer is one flat JSON object; no jq needed to take one string out of it.
token=$(printf '%s' "$answer" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "token.sh: unexpected answer from $issuer: $answer" >&2; exit 1; }
printf '%s\n' "$token"
