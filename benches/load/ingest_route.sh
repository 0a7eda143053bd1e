#!/usr/bin/env bash
# Load test of ingestion + routing over HTTP: a lab pipeline pushes escalated items with an
# API key (`items:write`), each request a batch of unique items; Cadre validates and stores
# them, then routes each one (candidate scan, hard filters, decision, offers, recorded
# explanation, webhook event) before answering. Reports requests/s, items/s and latency.
#
# Usage: benches/load/ingest_route.sh [sqlite|postgres]   (needs python3; no other tools)
# Environment: BENCH_SECONDS (default 10), BENCH_CLIENTS (concurrent clients, default 8),
# BENCH_BATCHES (comma-separated batch sizes, default 1,100).
# It builds and starts a release server on 127.0.0.1:18081 with demo data in a temporary
# directory (Helix's active radiology project; the routing decision at 1k–100k candidates is
# measured separately by `cargo bench --bench routing`). For postgres it uses
# $BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres) to create and
# drop a scratch database.
set -euo pipefail
cd "$(dirname "$0")/../.."
engine="${1:-sqlite}"
port=18081

cargo build --release --quiet
dir=$(mktemp -d)
export CADRE_DATA_DIR="$dir" CADRE_HTTP__PORT=$port CADRE_LOG__LEVEL=warn CADRE_JOBS__WORKER=false
export CADRE_HTTP__MAX_BULK_BODY_BYTES=$((32 * 1024 * 1024))
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

echo "engine=$engine clients=${BENCH_CLIENTS:-8} seconds=${BENCH_SECONDS:-10} ($(nproc) cores, client and server share them)"
BENCH_PORT=$port python3 - <<'PY'
import http.client, json, os, statistics, threading, time, uuid

port = int(os.environ["BENCH_PORT"])
seconds = float(os.environ.get("BENCH_SECONDS", "10"))
clients = int(os.environ.get("BENCH_CLIENTS", "8"))
batches = [int(b) for b in os.environ.get("BENCH_BATCHES", "1,100").split(",")]

def call(conn, method, path, token=None, body=None):
    headers = {"content-type": "application/json"}
    if token:
        headers["authorization"] = f"Bearer {token}"
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    r = conn.getresponse()
    data = r.read()
    return r.status, (json.loads(data) if data else None)

c = http.client.HTTPConnection("127.0.0.1", port)
_, login = call(c, "POST", "/v1/auth/login", body={"email": "ada@helix.demo", "password": "cadre-demo-password"})
ada = login["access_token"]
_, orgs = call(c, "GET", "/v1/orgs", ada)
org = orgs["data"][0]["id"]
_, projects = call(c, "GET", "/v1/projects", ada)
project = next(p for p in projects["data"] if p["status"] == "active")["id"]
_, items = call(c, "GET", f"/v1/projects/{project}/items?limit=1", ada)
slice_id = items["data"][0]["slice_id"]  # the demo's radiology slice
status, key = call(c, "POST", f"/v1/orgs/{org}/api-keys", ada, {"name": "load test", "scopes": ["items:write", "items:read"]})
assert status == 201, key
key = key["secret"]

def item():
    return {"external_id": f"load-{uuid.uuid4().hex}", "slice_id": slice_id, "stakes": "high", "priority": 50, "judge_confidence": 0.42,
            "payload": {"report": "Kein Nachweis eines Pneumothorax.", "image_ref": "cxr-load"}}

for batch in batches:
    latencies, failures, created = [], [], [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < stop:
            body = item() if batch == 1 else [item() for _ in range(batch)]
            t = time.monotonic()
            status, resp = call(conn, "POST", f"/v1/projects/{project}/items", key, body)
            dt = time.monotonic() - t
            with lock:
                n = resp.get("created", 1) if isinstance(resp, dict) and "created" in resp else 1
                if status in (200, 201) and n == batch:
                    latencies.append(dt)
                    created[0] += n
                else:
                    failures.append((status, resp))
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    start = time.monotonic()
    for t in threads: t.start()
    for t in threads: t.join()
    elapsed = time.monotonic() - start
    latencies.sort()
    q = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000
    print(f"POST items, batch {batch:>4}: {len(latencies)/elapsed:8.1f} req/s {created[0]/elapsed:9.1f} items/s"
          f"   p50 {q(0.50):8.2f} ms   p99 {q(0.99):8.2f} ms   errors {len(failures)}")
    if failures:
        print("  first failure:", json.dumps(failures[0])[:500])
PY
