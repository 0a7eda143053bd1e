#!/usr/bin/env bash
# Load test of the authenticated request path: how many `GET /v1/me` per second one
# Cadre process serves with an API key (one indexed lookup) and with a JWT (signature
# check + session + user + memberships), next to `/healthz` (no database).
#
# Usage: benches/load/auth.sh [sqlite|postgres]   (needs `wrk`: apt-get install wrk)
# It builds and starts a release server on 127.0.0.1:18080 with demo data in a temporary
# directory, runs each scenario for a bounded time on loopback only, then stops it.
# For postgres it uses $BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres)
# to create and drop a scratch database.
set -euo pipefail
cd "$(dirname "$0")/../.."
engine="${1:-sqlite}"
duration="${BENCH_DURATION:-10s}"
connections="${BENCH_CONNECTIONS:-32}"
port=18080
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

cargo build --release --quiet
dir=$(mktemp -d)
export CADRE_DATA_DIR="$dir" CADRE_HTTP__PORT=$port CADRE_LOG__LEVEL=warn CADRE_JOBS__WORKER=false
db=""
if [ "$engine" = postgres ]; then
  base="${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
  db="cadre_bench_$$"
  psql "$base" -qc "CREATE DATABASE $db"
  export DATABASE_URL="${base%/*}/$db"
  export CADRE_AUTH__JWT_SECRET="bench-secret-bench-secret-bench-secret"
fi

./target/release/cadre serve --demo > "$dir/serve.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  [ -n "$db" ] && psql "$base" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
  rm -rf "$dir"
}
trap cleanup EXIT
for _ in $(seq 1 50); do curl -sf "localhost:$port/healthz" >/dev/null && break; sleep 0.2; done

key=$(grep -o 'cadre_sk_[A-Za-z0-9_-]*' "$dir/serve.log")
jwt=$(curl -sf "localhost:$port/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"ada@helix.demo","password":"cadre-demo-password"}' | sed -E 's/.*"access_token":"([^"]+)".*/\1/')

echo "engine=$engine duration=$duration connections=$connections threads=2 ($(nproc) cores)"
run() {
  local name=$1; shift
  local out
  out=$(wrk -t2 -c"$connections" -d"$duration" --latency "$@")
  printf '%-22s %10s req/s   p50 %8s   p99 %8s\n' "$name" \
    "$(echo "$out" | awk '/Requests\/sec/ {print $2}')" \
    "$(echo "$out" | awk '$1=="50%" {print $2}')" \
    "$(echo "$out" | awk '$1=="99%" {print $2}')"
}
run "GET /healthz" "http://127.0.0.1:$port/healthz"
run "GET /v1/me (API key)" -H "Authorization: Bearer $key" "http://127.0.0.1:$port/v1/me"
run "GET /v1/me (JWT)" -H "Authorization: Bearer $jwt" "http://127.0.0.1:$port/v1/me"
