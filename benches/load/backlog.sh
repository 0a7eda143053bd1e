#!/usr/bin/env bash
# Backlog load test: a lab pushes a large backlog of items, then a pool of experts works it
# down through the HTTP API (claim the next assignment, think, submit), as in production.
#
# Usage: benches/load/backlog.sh sqlite|postgres        (needs python3 and, for postgres, psql)
#
# Environment (defaults in brackets):
#   BENCH_ITEMS [20000]     items pushed in phase 1
#   BENCH_BATCH [1000]      items per ingest request (1..1000)
#   BENCH_EXPERTS [50]      experts, each a client thread in phase 2
#   BENCH_SECONDS [300]     length of phase 2 (pull / think / submit)
#   BENCH_THINK_MS [200]    mean think time per judgment, uniformly randomised ±50 %
#   BENCH_TIMEOUT [30]      seconds before any single request is abandoned (ingest: BENCH_INGEST_TIMEOUT [120])
#   BENCH_LIST_REQUESTS [200]  sequential GET /v1/projects/{p}/items?limit=50 after phase 2
#   CADRE_BIN               the server binary; default: `cargo build --release` and
#                           ${CARGO_TARGET_DIR:-target}/release/cadre
#   BENCH_POSTGRES_URL [postgres://postgres@127.0.0.1:5432/postgres]  where the scratch database is created
#   BENCH_PG_LOG            the PostgreSQL server log (default: newest /var/log/postgresql/*.log)
#   BENCH_PG_SLOW_MS [500]  statements slower than this are logged for the scratch database only
#   BENCH_RECORDS           write every phase-2 request (time, endpoint, status, latency) to this CSV file
# Any other CADRE_* variable you export is passed to the servers unchanged.
#
# Topology: sqlite — one server on 127.0.0.1:18091 with a fresh data dir; postgres — a scratch
# database and two servers (18091, 18092) on it with one JWT secret, both running job workers;
# every client spreads its requests over the nodes. Everything started here (servers, temp
# dir, scratch database) is removed on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."

engine="${1:-}"
case "$engine" in
  sqlite | postgres) ;;
  *) echo "usage: $0 sqlite|postgres" >&2; exit 2 ;;
esac
command -v python3 >/dev/null || { echo "python3 is required" >&2; exit 2; }

if [ -n "${CADRE_BIN:-}" ]; then
  bin="$CADRE_BIN"
else
  echo "building the release binary (cargo build --release)…"
  cargo build --release --quiet
  bin="${CARGO_TARGET_DIR:-target}/release/cadre"
fi
[ -x "$bin" ] || { echo "no executable server binary at $bin" >&2; exit 2; }
unset CADRE_BIN # the server reads every CADRE_* variable as configuration and refuses unknown keys
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

dir=$(mktemp -d "${TMPDIR:-/tmp}/cadre-backlog.XXXXXX")
pids=()
client=""
db=""
base="${BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
cleanup() {
  local rc=$?
  if [ -n "$client" ]; then kill "$client" 2>/dev/null || true; fi
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$p" 2>/dev/null || true
    wait "$p" 2>/dev/null || true
  done
  if [ -n "$db" ]; then
    psql "$base" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 ||
      echo "warning: could not drop the scratch database $db" >&2
  fi
  rm -rf "$dir"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Settings this benchmark changes (everything else keeps its default).
changed=(
  "CADRE_LOG__LEVEL=warn"
  "CADRE_HTTP__MAX_BULK_BODY_BYTES=$((64 * 1024 * 1024))"
  # Without gold history nobody reaches the adjudicator floor (0.90 gold-accuracy lower bound);
  # the scenario makes every expert an adjudicator by hand, so the floor is lowered to 0.
  "CADRE_SCORING__ADJUDICATOR_MIN_LOWER_BOUND=0"
  "CADRE_SCORING__ADJUDICATOR_DEMOTE_LOWER_BOUND=0"
)
unset RUST_LOG DATABASE_URL CADRE_DATABASE__URL # the engine is chosen here, not by the caller's environment
for kv in "${changed[@]}"; do export "${kv?}"; done

ports=(18091)
pg_log="" pg_log_offset=0
if [ "$engine" = postgres ]; then
  command -v psql >/dev/null || { echo "psql is required for postgres" >&2; exit 2; }
  ports=(18091 18092)
  db="cadre_backlog_$$"
  psql "$base" -qc "CREATE DATABASE $db" >/dev/null
  # Log slow statements of this scratch database only (the server's settings stay as they are).
  psql "$base" -qc "ALTER DATABASE $db SET log_min_duration_statement = ${BENCH_PG_SLOW_MS:-500}" >/dev/null ||
    echo "note: could not enable slow-statement logging for $db" >&2
  export DATABASE_URL="${base%/*}/$db"
  export CADRE_AUTH__JWT_SECRET="backlog-bench-secret-backlog-bench-secret-$$"
  changed+=("DATABASE_URL=${base%/*}/$db" "CADRE_AUTH__JWT_SECRET=<same on both nodes>")
  pg_log="${BENCH_PG_LOG:-$(ls -t /var/log/postgresql/*.log 2>/dev/null | head -n1 || true)}"
  if [ -n "$pg_log" ] && [ -r "$pg_log" ]; then
    pg_log_offset=$(stat -c %s "$pg_log")
  else
    pg_log=""
  fi
fi

# The first platform admin comes from the CLI (it also migrates the database).
admin_password="backlog bench admin passphrase $$"
mkdir -p "$dir/node0"
echo "$admin_password" | CADRE_DATA_DIR="$dir/node0" "$bin" admin create-platform-admin \
  --email ops@backlog.example.org --password-stdin --display-name "Bench Ops" >"$dir/admin.log" 2>&1 ||
  { cat "$dir/admin.log" >&2; exit 1; }

for i in "${!ports[@]}"; do
  mkdir -p "$dir/node$i"
  CADRE_DATA_DIR="$dir/node$i" CADRE_HTTP__PORT="${ports[$i]}" "$bin" serve >"$dir/node$i.log" 2>&1 &
  pids+=($!)
done

echo "engine=$engine nodes=${#ports[@]} ($(nproc) cores shared by the servers, the database and the Python clients)"
echo "settings changed from the defaults:"
for kv in "${changed[@]}"; do echo "  $kv"; done
echo "  (plus CADRE_DATA_DIR=<temp dir per node>, CADRE_HTTP__PORT=${ports[*]})"

BENCH_ENGINE="$engine" BENCH_PORTS="${ports[*]}" BENCH_PIDS="${pids[*]}" BENCH_DIR="$dir" \
BENCH_ADMIN_PASSWORD="$admin_password" BENCH_PG_LOG_FILE="$pg_log" BENCH_PG_LOG_OFFSET="$pg_log_offset" \
BENCH_DB_URL="${DATABASE_URL:-}" BENCH_DB_FILE="$dir/node0/cadre.db" \
python3 - <<'PY' &
import concurrent.futures, http.client, json, os, random, re, socket, sqlite3, subprocess, sys, threading, time, zlib

E = os.environ
engine = E["BENCH_ENGINE"]
ports = [int(p) for p in E["BENCH_PORTS"].split()]
pids = [int(p) for p in E["BENCH_PIDS"].split()]
workdir = E["BENCH_DIR"]
N_ITEMS = int(E.get("BENCH_ITEMS", "20000"))
BATCH = max(1, min(1000, int(E.get("BENCH_BATCH", "1000"))))
N_EXPERTS = int(E.get("BENCH_EXPERTS", "50"))
SECONDS = float(E.get("BENCH_SECONDS", "300"))
THINK = float(E.get("BENCH_THINK_MS", "200")) / 1000.0
TIMEOUT = float(E.get("BENCH_TIMEOUT", "30"))
INGEST_TIMEOUT = float(E.get("BENCH_INGEST_TIMEOUT", "120"))
LIST_REQUESTS = int(E.get("BENCH_LIST_REQUESTS", "200"))
NOISE = 0.2
run = f"{int(time.time())}-{os.getpid()}"
rng = random.Random()


def fail(msg):
    print(f"\nFAILED: {msg}", flush=True)
    for i in range(len(ports)):
        try:
            with open(os.path.join(workdir, f"node{i}.log"), errors="replace") as f:
                tail = f.read()[-2000:]
            print(f"--- node{i}.log (tail) ---\n{tail}")
        except OSError:
            pass
    sys.exit(1)


# ---------------------------------------------------------------- HTTP client
class Client:
    """One keep-alive connection to one node; reconnects after errors."""

    def __init__(self, node, timeout=TIMEOUT):
        self.node, self.timeout, self.conn = node, timeout, None

    def request(self, method, path, token=None, body=None):
        """-> (status or 'timeout'/'error', parsed body or text, headers dict, seconds)"""
        headers = {"content-type": "application/json"}
        if token:
            headers["authorization"] = f"Bearer {token}"
        data = json.dumps(body).encode() if body is not None else None
        for attempt in (0, 1):
            reused = self.conn is not None
            out = self._once(method, path, headers, data)
            # A kept-alive connection the server closed while idle (actix closes after a few
            # seconds) fails before the request is read: retry once on a fresh connection.
            if not (reused and out[0] == "stale"):
                break
        if out[0] == "stale":
            out = ("error",) + out[1:]
        return out

    def _once(self, method, path, headers, data):
        t = time.monotonic()
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", ports[self.node], timeout=self.timeout)
            self.conn.request(method, path, body=data, headers=headers)
            r = self.conn.getresponse()
            raw = r.read()
            dt = time.monotonic() - t
            try:
                parsed = json.loads(raw) if raw else None
            except ValueError:
                parsed = raw.decode(errors="replace")
            if r.getheader("connection", "").lower() == "close":
                self.close()
            return r.status, parsed, {k.lower(): v for k, v in r.getheaders()}, dt
        except (socket.timeout, TimeoutError) as e:
            self.close()
            return "timeout", str(e), {}, time.monotonic() - t
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as e:
            self.close()
            return "stale", f"{type(e).__name__}: {e}", {}, time.monotonic() - t
        except (OSError, http.client.HTTPException) as e:
            self.close()
            return "error", f"{type(e).__name__}: {e}", {}, time.monotonic() - t

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except OSError:
                pass
        self.conn = None


class Session:
    """A logged-in user on one node; logs in again on 401 (access tokens live 15 minutes)."""

    def __init__(self, email, password, node=0, timeout=TIMEOUT):
        self.email, self.password, self.client, self.token = email, password, Client(node, timeout), None

    def login(self):
        st, b, _, _ = self.client.request("POST", "/v1/auth/login", body={"email": self.email, "password": self.password})
        if st != 200:
            raise RuntimeError(f"login {self.email}: {st} {str(b)[:300]}")
        self.token = b["access_token"]

    def call(self, method, path, body=None):
        st, b, h, dt = self.client.request(method, path, self.token, body)
        if st == 401:
            self.login()
            st, b, h, dt = self.client.request(method, path, self.token, body)
        return st, b, h, dt


def must(resp, want, what):
    st, b = resp[0], resp[1]
    if st not in want:
        fail(f"{what}: HTTP {st} {json.dumps(b)[:600] if not isinstance(b, str) else b[:600]}")
    return b


class Ms(float):
    """Milliseconds that print as `n/a` when there was nothing to measure."""

    def __format__(self, spec):
        if self == self:
            return float.__format__(self, spec)
        width = re.match(r"\d*", spec).group()
        return format("n/a", ">" + width) if width else "n/a"


def pct(xs, p):
    if not xs:
        return Ms("nan")
    xs = sorted(xs)
    return Ms(xs[min(len(xs) - 1, int(p * len(xs)))] * 1000)


def alive():
    for p in pids:
        try:
            os.kill(p, 0)
        except OSError:
            return False
    return True


# ---------------------------------------------------------------- wait for the nodes
for node in range(len(ports)):
    up = False
    for _ in range(300):  # at most ~60 s (migrations on a fresh database)
        if not alive():
            fail("a server exited during start-up")
        st, _, _, _ = Client(node, timeout=2).request("GET", "/healthz")
        if st == 200:
            up = True
            break
        time.sleep(0.2)
    if not up:
        fail(f"node {node} (port {ports[node]}) did not answer /healthz within 60 s")

# ---------------------------------------------------------------- set-up through the API
t_setup = time.monotonic()
admin = Session("ops@backlog.example.org", E["BENCH_ADMIN_PASSWORD"])
admin.login()
lab_email, lab_password = "lead@backlog-lab.example.org", "backlog lab admin passphrase"
c0 = Client(0)
must(c0.request("POST", "/v1/auth/register", body={
    "account_type": "lab", "email": lab_email, "password": lab_password,
    "display_name": "Bench Lab Lead", "organization_name": "Backlog Bench Lab"}), (200, 201), "register the lab")
lab = Session(lab_email, lab_password)
lab.login()
me = must(lab.call("GET", "/v1/me"), (200,), "lab /v1/me")
org = me["user"]["memberships"][0]["org_id"]

domain = must(admin.call("POST", "/v1/domains", {"slug": "answer-review", "name": "Answer review"}), (201,), "create the domain")["id"]
schema = {"kind": "ordinal", "min": 1, "max": 5, "rationale_required": True, "citations_required": True}
slice_id = must(admin.call("POST", "/v1/slices", {
    "key": "answer-review/helpfulness:en", "domain_id": domain, "name": "Answer helpfulness (English)",
    "label_schema": schema, "measurement_level": "ordinal"}), (201,), "create the shared ordinal slice")["id"]
project = must(lab.call("POST", "/v1/projects", {
    "org_id": org, "name": "Backlog bench", "domain_id": domain,
    "slices": [{"slice_id": slice_id, "min_qualification": "qualified"}],
    "overlap": 3, "gold_rate": 0, "adjudication": True,
    "bill_rate_minor": 12000, "currency": "EUR"}), (201,), "create the project")["id"]
clauses = [{"id": "C1", "text": "Rate how completely the answer resolves the question."},
           {"id": "C2", "text": "Penalise factual errors more than omissions."},
           {"id": "C3", "text": "Prefer answers that state their uncertainty."}]
must(lab.call("POST", f"/v1/projects/{project}/constitutions", {"title": "Helpfulness rubric", "clauses": clauses}),
     (200, 201), "draft the constitution")
must(lab.call("POST", f"/v1/projects/{project}/constitutions/1/publish"), (200,), "publish the constitution")
must(lab.call("PATCH", f"/v1/projects/{project}", {"constitution_version": 1}), (200,), "pin the constitution")
must(lab.call("POST", f"/v1/projects/{project}/status", {"status": "active"}), (200,), "activate the project")
api_key = must(lab.call("POST", f"/v1/orgs/{org}/api-keys", {"name": "backlog pipeline", "scopes": ["items:write", "items:read"]}),
               (201,), "create the API key")["secret"]

expert_pw = lambda i: f"judging answers carefully number {i}"
expert_email = lambda i: f"judge{i}@backlog-experts.example.org"


def onboard(i):
    c = Client(i % len(ports))
    must(c.request("POST", "/v1/auth/register", body={
        "account_type": "expert", "email": expert_email(i), "password": expert_pw(i),
        "display_name": f"Judge {i}"}), (200, 201), f"register expert {i}")
    # An unverified account receives no work: confirm the address with the token from the
    # verification e-mail (the `file` mail transport writes it under each node's data dir).
    token, deadline = None, time.monotonic() + 60
    while token is None and time.monotonic() < deadline:
        for node in range(len(ports)):
            maildir = os.path.join(workdir, f"node{node}", "mail")
            for name in os.listdir(maildir) if os.path.isdir(maildir) else []:
                with open(os.path.join(maildir, name), errors="replace") as f:
                    text = f.read()
                if expert_email(i) in text and "Verification token: " in text:
                    token = text.split("Verification token: ", 1)[1].split()[0]
        if token is None:
            time.sleep(0.2)
    if token is None:
        raise RuntimeError(f"no verification e-mail for expert {i}")
    must(c.request("POST", "/v1/auth/verify-email", body={"token": token}), (200,), f"verify expert {i}")
    s = Session(expert_email(i), expert_pw(i), i % len(ports))
    s.login()
    exp = must(s.call("POST", "/v1/experts/me", {
        "display_name": f"Judge {i}", "domain_ids": [domain], "languages": ["en"], "time_zone": "UTC",
        "country": "US", "desired_rate_minor": 6000, "desired_currency": "EUR"}), (201,), f"expert {i} applies")["id"]
    a = Session(admin.email, admin.password, i % len(ports))
    a.token = admin.token
    for step in ["screening", "credential_review", "assessment", "approved"]:
        must(a.call("POST", f"/v1/experts/{exp}/vetting/transitions", {"to": step, "reason": "backlog bench"}),
             (200,), f"expert {i} → {step}")
    must(a.call("PUT", f"/v1/experts/{exp}/slices/{slice_id}/status", {"status": "qualified", "reason": "backlog bench"}),
         (200,), f"expert {i} qualified")
    must(a.call("PUT", f"/v1/experts/{exp}/slices/{slice_id}/tier", {"tier": "adjudicator", "reason": "backlog bench"}),
         (200,), f"expert {i} adjudicator")
    return s


with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
    experts = list(pool.map(onboard, range(N_EXPERTS)))
print(f"set-up: platform admin, lab + API key, shared ordinal slice 1-5, project (overlap 3, adjudication, gold 0, "
      f"constitution v1), {N_EXPERTS} qualified adjudicator experts — {time.monotonic() - t_setup:.1f} s", flush=True)


# ---------------------------------------------------------------- phase 1: ingest
def truth_of(payload):
    return 1 + zlib.crc32(payload["prompt"].encode()) % 5


STAKES = ["low", "medium", "medium", "high", "critical"]


def item(n):
    return {"external_id": f"backlog-{run}-{n}", "slice_id": slice_id,
            "stakes": STAKES[n % len(STAKES)], "priority": 40 + (n * 7) % 21,
            "judge_confidence": round(0.3 + (n % 30) / 100, 2),
            "payload": {"prompt": f"Question {n}: how do I rotate the signing key of service {n % 97} without downtime?",
                        "response_a": f"Answer A{n}: add the new key, sign with it, remove the old key after the overlap.",
                        "response_b": f"Answer B{n}: replace the key and restart every node at once."}}


ingest_lat, ingest_bad, created_total = [], {}, 0
ingest_samples = {}
ingest_clients = [Client(n, INGEST_TIMEOUT) for n in range(len(ports))]
pg_log_phase_offset = 0
if engine == "postgres" and E.get("BENCH_PG_LOG_FILE"):
    pg_log_phase_offset = os.path.getsize(E["BENCH_PG_LOG_FILE"])
print(f"\nphase 1: ingest {N_ITEMS} items in batches of {BATCH} (one sequential client, batches alternate over {len(ports)} node(s))", flush=True)
t0 = time.monotonic()
n, b = 0, 0
while n < N_ITEMS:
    rows = [item(k) for k in range(n, min(N_ITEMS, n + BATCH))]
    c = ingest_clients[b % len(ports)]
    st, body, _, dt = c.request("POST", f"/v1/projects/{project}/items", api_key, rows)
    ingest_lat.append(dt)
    if st == 200 and isinstance(body, dict):
        created_total += body.get("created", 0)
        if body.get("invalid"):
            ingest_bad["invalid rows"] = ingest_bad.get("invalid rows", 0) + body["invalid"]
            ingest_samples.setdefault("invalid rows", json.dumps(body.get("results", [])[:1])[:300])
    else:
        ingest_bad[st] = ingest_bad.get(st, 0) + 1
        ingest_samples.setdefault(st, (body if isinstance(body, str) else json.dumps(body))[:300])
    n += len(rows)
    b += 1
ingest_secs = time.monotonic() - t0
ingest_rate = created_total / ingest_secs if ingest_secs else 0
print(f"  {created_total} created in {ingest_secs:.1f} s: {ingest_rate:.1f} items/s; "
      f"per batch p50 {pct(ingest_lat, .5):.0f} ms p99 {pct(ingest_lat, .99):.0f} ms max {max(ingest_lat) * 1000:.0f} ms; "
      f"non-2xx batches: {sum(v for k, v in ingest_bad.items() if k != 'invalid rows')}")
for k, v in ingest_bad.items():
    print(f"    {k}: {v}   e.g. {ingest_samples[k]}")

# ---------------------------------------------------------------- phase 2: experts work
records = []  # (t since phase start, endpoint, status, seconds)
submitted = []  # (t, assignment id, role)
unexpected = {}  # (endpoint, status) -> [count, sample]
lock = threading.Lock()
EXPECTED = {"next": (200, 204), "accept": (200,), "submit": (200,)}
print(f"\nphase 2: {N_EXPERTS} experts pull/think/submit for {SECONDS:.0f} s (think {THINK * 1000:.0f} ms ±50 %, "
      f"{NOISE:.0%} label noise; expert i on node i % {len(ports)})", flush=True)
t_start = time.monotonic()
deadline = t_start + SECONDS


def rec(endpoint, st, body, dt, t_end):
    with lock:
        records.append((t_end - t_start, endpoint, st, dt))
        if st not in EXPECTED[endpoint]:
            u = unexpected.setdefault((endpoint, st), [0, None])
            u[0] += 1
            if u[1] is None:
                u[1] = (body if isinstance(body, str) else json.dumps(body))[:300]


def label_for(view, r):
    sch = view.get("slice", {}).get("label_schema") or schema
    lo, hi = sch.get("min", 1), sch.get("max", 5)
    truth = truth_of(view["payload"]) if isinstance(view.get("payload"), dict) and "prompt" in view["payload"] else r.randint(lo, hi)
    truth = min(hi, max(lo, truth))
    score = truth
    if view.get("role") == "annotator" and r.random() < NOISE:
        score = r.choice([s for s in range(lo, hi + 1) if s != truth])
    label = {"score": score, "rationale": f"Scored {score}: the answer is judged against the rubric."}
    cons = view.get("constitution") or {}
    ids = [c["id"] for c in cons.get("clauses", [])]
    if ids:
        label["cited_clauses"] = [r.choice(ids)]
    return label


def work(i):
    s = experts[i]
    r = random.Random(i * 7919 + 1)
    while True:
        now = time.monotonic()
        if now >= deadline:
            return
        st, view, h, dt = s.call("POST", "/v1/assignments/next")
        rec("next", st, view, dt, time.monotonic())
        if st == 204:
            try:
                wait = float(h.get("retry-after", "1"))
            except ValueError:
                wait = 1.0
            time.sleep(max(0.05, min(wait, 10.0, deadline - time.monotonic())))
            continue
        if st != 200 or not isinstance(view, dict):
            time.sleep(max(0.0, min(1.0, deadline - time.monotonic())))
            continue
        if view.get("status") == "offered":
            st, v2, _, dt = s.call("POST", f"/v1/assignments/{view['id']}/accept")
            rec("accept", st, v2, dt, time.monotonic())
            if st != 200:
                continue
        time.sleep(THINK * r.uniform(0.5, 1.5))
        if time.monotonic() >= deadline:
            return
        st, body, _, dt = s.call("POST", f"/v1/assignments/{view['id']}/submit", {"label": label_for(view, r)})
        t_end = time.monotonic()
        rec("submit", st, body, dt, t_end)
        if isinstance(st, int) and 200 <= st < 300:
            with lock:
                submitted.append((t_end - t_start, view["id"], view.get("role")))


threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(N_EXPERTS)]
for t in threads:
    t.start()
for t in threads:
    t.join(timeout=max(1.0, deadline - time.monotonic()) + TIMEOUT * 3 + 15)
phase2 = time.monotonic() - t_start
stuck = sum(t.is_alive() for t in threads)
if E.get("BENCH_RECORDS"):
    with lock, open(E["BENCH_RECORDS"], "w") as f:
        f.write("t_seconds,endpoint,status,latency_ms\n")
        for t, ep, st, dt in records:
            f.write(f"{t:.3f},{ep},{st},{dt * 1000:.1f}\n")
    print(f"  per-request records written to {E['BENCH_RECORDS']}")

print(f"  judgments submitted: {len(submitted)} "
      f"({sum(1 for s in submitted if s[2] == 'annotator')} annotator, {sum(1 for s in submitted if s[2] == 'adjudicator')} adjudicator) "
      f"in {phase2:.1f} s = {len(submitted) / phase2:.2f}/s" + (f"; {stuck} client threads still blocked" if stuck else ""))
print("  judgments/s per minute:")
minute_rates = []
m = 0
while m * 60 < SECONDS:
    lo, hi = m * 60, min(SECONDS, (m + 1) * 60)
    k = sum(1 for s in submitted if lo <= s[0] < hi)
    rate = k / (hi - lo)
    minute_rates.append(rate)
    print(f"    minute {m + 1} ({lo:.0f}-{hi:.0f} s): {k:6d} judgments  {rate:7.2f}/s")
    m += 1
ratio = Ms(minute_rates[-1] / minute_rates[0]) if len(minute_rates) > 1 and minute_rates[0] > 0 else Ms("nan")
print(f"    last/first minute: {ratio:.2f}" if len(minute_rates) > 1 else "    last/first minute: n/a (one minute)")

by_ep = {}
for _, ep, st, dt in records:
    by_ep.setdefault(ep, []).append((st, dt))
counts = {ep: {} for ep in by_ep}
for ep, xs in by_ep.items():
    for st, _ in xs:
        counts[ep][st] = counts[ep].get(st, 0) + 1
for ep in ("next", "accept", "submit"):
    xs = by_ep.get(ep, [])
    lat = [dt for st, dt in xs if isinstance(st, int)]
    sc = ", ".join(f"{k}: {v}" for k, v in sorted(counts.get(ep, {}).items(), key=lambda kv: str(kv[0])))
    print(f"  {ep:6s} {len(xs):7d} requests  p50 {pct(lat, .5):8.1f} ms  p99 {pct(lat, .99):8.1f} ms   [{sc}]")
five = {ep: sum(v for st, v in c.items() if isinstance(st, int) and st >= 500) for ep, c in counts.items()}
print("  5xx per endpoint: " + (", ".join(f"{ep} {v}" for ep, v in five.items()) if five else "none"))
if unexpected:
    print("  unexpected statuses (with a sample body):")
    for (ep, st), (k, sample) in sorted(unexpected.items(), key=lambda kv: (kv[0][0], str(kv[0][1]))):
        print(f"    {ep} {st}: {k}   e.g. {sample}")
else:
    print("  unexpected statuses: none")

# ---------------------------------------------------------------- listing the backlog
lab_clients = [Session(lab_email, lab_password, n) for n in range(len(ports))]
for s in lab_clients:
    s.token = lab.token
list_lat, list_bad, cursor, pages, wraps = [], {}, None, 0, 0
for k in range(LIST_REQUESTS):
    path = f"/v1/projects/{project}/items?limit=50" + (f"&cursor={cursor}" if cursor else "")
    st, body, _, dt = lab_clients[k % len(ports)].call("GET", path)
    if st == 200 and isinstance(body, dict):
        list_lat.append(dt)
        cursor = body.get("next_cursor")
        pages += 1
        if not cursor:
            wraps += 1
    else:
        list_bad[st] = list_bad.get(st, 0) + 1
        cursor = None
print(f"\nGET /v1/projects/{{p}}/items?limit=50 (lab admin, {LIST_REQUESTS} sequential, walking the cursor): "
      f"p50 {pct(list_lat, .5):.1f} ms  p99 {pct(list_lat, .99):.1f} ms"
      + (f"  (wrapped to page 1 {wraps}×)" if wraps else "")
      + (f"  non-200: {list_bad}" if list_bad else ""))


# ---------------------------------------------------------------- SQL integrity checks
def sql(query):
    if engine == "sqlite":
        con = sqlite3.connect(f"file:{E['BENCH_DB_FILE']}?mode=ro", uri=True, timeout=60)
        try:
            return [tuple(r) for r in con.execute(query).fetchall()]
        finally:
            con.close()
    out = subprocess.run(["psql", E["BENCH_DB_URL"], "-X", "-q", "-At", "-F", "\t", "-c", query],
                         capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    return [tuple(line.split("\t")) for line in out.stdout.splitlines() if line]


checks = {
    "a": ("experts with more than one assignment on the same item",
          "SELECT count(*) FROM (SELECT item_id, expert_id FROM assignments WHERE item_id IS NOT NULL "
          "GROUP BY item_id, expert_id HAVING count(*) > 1) x"),
    "b": ("items with more live annotator assignments (offered/accepted/submitted) than the overlap",
          "SELECT count(*) FROM (SELECT a.item_id FROM assignments a JOIN items i ON i.id = a.item_id "
          "JOIN projects p ON p.id = i.project_id WHERE a.role = 'annotator' "
          "AND a.status IN ('offered', 'accepted', 'submitted') GROUP BY a.item_id, p.overlap "
          "HAVING count(*) > p.overlap) x"),
    "d": ("experts whose open_assignments differs from their offered/accepted annotator+adjudicator assignments",
          "SELECT count(*) FROM experts e WHERE e.open_assignments <> (SELECT count(*) FROM assignments a "
          "WHERE a.expert_id = e.id AND a.role IN ('annotator', 'adjudicator') AND a.status IN ('offered', 'accepted'))"),
}
print("\nintegrity checks (0 = pass):")
results = {}
for key in ("a", "b", "c", "d"):
    try:
        if key == "c":
            what = "2xx-submitted assignment ids that are not `submitted` in the database"
            in_db = {r[0] for r in sql("SELECT id FROM assignments WHERE status = 'submitted'")}
            results[key] = sum(1 for _, a, _ in submitted if a not in in_db)
        else:
            what, q = checks[key]
            results[key] = int(sql(q)[0][0])
        print(f"  ({key}) {what}: {results[key]}{'' if results[key] == 0 else '   <-- FAIL'}")
    except Exception as e:  # report and go on
        results[key] = "error"
        print(f"  ({key}) check failed to run: {e}")

try:
    rows = sql("SELECT status, count(*) FROM items GROUP BY status ORDER BY status")
    print("items by status at the end: " + ", ".join(f"{s} {c}" for s, c in rows))
    rows = sql("SELECT role, status, count(*) FROM assignments GROUP BY role, status ORDER BY role, status")
    print("assignments by role/status: " + ", ".join(f"{r}/{s} {c}" for r, s, c in rows))
except Exception as e:
    print(f"items by status: query failed: {e}")

# ---------------------------------------------------------------- server-side signals
locked_lines, deadlock_lines = 0, 0
for i in range(len(ports)):
    try:
        with open(os.path.join(workdir, f"node{i}.log"), errors="replace") as f:
            for line in f:
                if "database is locked" in line:
                    locked_lines += 1
                if "deadlock detected" in line:
                    deadlock_lines += 1
    except OSError:
        pass
print(f"server logs (warn and above): {locked_lines} lines with 'database is locked', "
      f"{deadlock_lines} with 'deadlock detected'")

pg_deadlocks = None
if engine == "postgres":
    path, offset = E.get("BENCH_PG_LOG_FILE", ""), int(E.get("BENCH_PG_LOG_OFFSET", "0") or 0)
    try:
        stat = sql("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
        print(f"pg_stat_database.deadlocks for the scratch database: {stat[0][0]}")
    except Exception as e:
        print(f"pg_stat_database: {e}")
    if path:
        with open(path, "rb") as f:
            f.seek(offset)
            text = f.read().decode(errors="replace")
        # Only this run's database: the log line prefix carries user@database (other
        # databases on the server, e.g. test suites, write to the same log).
        dbname = E["BENCH_DB_URL"].rsplit("/", 1)[-1]
        ours = [(i, l) for i, l in enumerate(text.splitlines()) if f"@{dbname} " in l]
        pg_deadlocks = sum(1 for _, l in ours if "deadlock detected" in l)
        errors = {}
        for _, l in ours:
            if "ERROR:" in l:
                msg = re.sub(r"[0-9]+", "N", l.split("ERROR:", 1)[1].strip())[:100]
                errors[msg] = errors.get(msg, 0) + 1
        phase_start = len(text[: max(0, pg_log_phase_offset - offset)].splitlines())
        slow = []
        for i, l in ours:
            mt = re.search(r"duration: ([0-9.]+) ms\s+(?:statement|execute [^:]*|parse [^:]*|bind [^:]*): (.*)", l)
            if mt and i >= phase_start:
                slow.append((float(mt.group(1)), mt.group(2).strip()))
        print(f"PostgreSQL log {path}, lines of {dbname} appended during the run: {pg_deadlocks} 'deadlock detected', "
              f"{sum(errors.values())} ERROR lines; {len(slow)} statements over {E.get('BENCH_PG_SLOW_MS', '500')} ms in phases 1-2")
        for msg, k in sorted(errors.items(), key=lambda kv: -kv[1])[:6]:
            print(f"  ERROR x{k}: {msg}")
        victims = {}
        for n, (i, l) in enumerate(ours):
            if "deadlock detected" in l:
                for _, nxt in ours[n + 1 : n + 6]:
                    if "STATEMENT:" in nxt:
                        st = nxt.split("STATEMENT:", 1)[1].strip()[:160]
                        victims[st] = victims.get(st, 0) + 1
                        break
        for st, k in sorted(victims.items(), key=lambda kv: -kv[1])[:3]:
            print(f"  deadlock victim x{k}: {st}")
        if slow:
            d, st = max(slow)
            print(f"  slowest: {d:.0f} ms  {st[:240]}")
    else:
        print("PostgreSQL log: not found or not readable (set BENCH_PG_LOG)")

nxt = [dt for _, ep, st, dt in records if ep == "next" and isinstance(st, int)]
sub = [dt for _, ep, st, dt in records if ep == "submit" and isinstance(st, int)]
integrity = " ".join(f"{k}={v}" for k, v in results.items())
print(f"\nSUMMARY engine={engine} nodes={len(ports)} items={created_total} ingest={ingest_rate:.0f} items/s | "
      f"experts={N_EXPERTS} judgments={len(submitted)} ({len(submitted) / phase2:.2f}/s, last/first minute {ratio:.2f}) | "
      f"next p99 {pct(nxt, .99):.0f} ms submit p99 {pct(sub, .99):.0f} ms | 5xx={sum(five.values())} | "
      f"list p99 {pct(list_lat, .99):.0f} ms | integrity {integrity}"
      + (f" | pg deadlocks {pg_deadlocks}" if engine == "postgres" else ""))
PY
client=$! # in the background so that an interrupt or `timeout` is handled at once
rc=0
wait "$client" || rc=$?
client=""
exit "$rc"
