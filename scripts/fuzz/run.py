"""The contract fuzzer's driver (scripts/fuzz.sh starts the server and calls this).

For each role, in order, it logs in, crawls the ids that role can see (seed.py), writes a
schemathesis config that fills every operation's path parameters with those ids and the
id-valued query filters with them half the time, and runs `st run --checks all` for a
bounded time. Afterwards it prints, per role and overall, how many operations answered a
2xx at least once, and exits non-zero if any run failed.

Roles run one after another, and an operation that ends or changes the caller's own
standing (logging out, leaving a roster, withdrawing, deleting the account) runs under a
second principal of the same kind, so it cannot turn the rest of the run into 401s and
403s: see SACRIFICE below.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import seed  # noqa: E402

PASSWORD = "cadre-demo-password"

# Role name -> (demo login, login whose session the self-ending operations spend).
ROLES = {
    "expert": ("dr.chen@experts.demo", "l.fischer@experts.demo"),
    "lab_admin": ("ada@helix.demo", "grace@helix.demo"),
    "platform_admin": ("admin@cadre.demo", "admin@cadre.demo"),
}

# Operations that end or change the caller's own standing. They run with a token of the
# role's second principal (for logout: a second session of the same user), so the rest of
# the run keeps its session, its roster place and its account.
SACRIFICE = [
    ("POST", "/v1/auth/logout"),
    ("POST", "/v1/experts/me/delete"),
    ("POST", "/v1/experts/me/withdraw"),
    ("POST", "/v1/experts/me/roster/leave"),
]


def toml_str(value: str) -> str:
    return json.dumps(value)


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    return toml_str(str(value))


def write_config(
    config_path: Path, spec: dict, harvest: seed.Harvest, token: str, spare: str, max_examples: int
) -> int:
    """Writes the schemathesis.toml for one role; returns how many operations got seeded ids."""
    lines = [
        f"headers = {{ Authorization = {toml_str('Bearer ' + token)} }}",
        "request-timeout = 30",
        "[generation]",
        f"max-examples = {max_examples}",
        # PostgreSQL cannot store NUL in text; the server refuses it with a 400 by design.
        "allow-x00 = false",
        "[phases.stateful]",
        "enabled = false",
    ]
    # Id-valued query filters: a real id half the time, anything else the other half.
    dictionaries: dict[str, list[str]] = {}
    query_bindings: dict[str, str] = {}
    for method, path, op in seed.operations(spec):
        for param in op.get("parameters", []):
            if param["in"] != "query":
                continue
            prefix = seed.param_prefix(spec, param)
            if prefix and harvest.ids.get(prefix):
                dictionaries[prefix] = list(harvest.ids[prefix])[:20]
                query_bindings[param["name"]] = prefix
    for prefix, values in sorted(dictionaries.items()):
        lines.append(f"[dictionaries.{prefix}]")
        lines.append("values = [" + ", ".join(toml_str(v) for v in values) + "]")
    if query_bindings:
        lines.append("[parameters]")
        for name, prefix in sorted(query_bindings.items()):
            lines.append(f'"query.{name}" = {{ dictionary = {toml_str(prefix)}, probability = 0.5 }}')
    seeded = 0
    for method, path, op in seed.operations(spec):
        values = seed.fill(spec, path, op, harvest) if "{" in path else {}
        sacrifice = (method.upper(), path) in SACRIFICE
        if not values and not sacrifice:
            continue
        lines.append("[[operations]]")
        lines.append(f"include-path = {toml_str(path)}")
        lines.append(f"include-method = {toml_str(method.upper())}")
        if sacrifice:
            lines.append(f"headers = {{ Authorization = {toml_str('Bearer ' + spare)} }}")
        if values:
            seeded += 1
            lines.append(
                "parameters = { "
                + ", ".join(f'"path.{k}" = {toml_value(v)}' for k, v in values.items())
                + " }"
            )
    config_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return seeded


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--base-url", required=True)
    ap.add_argument("--out", required=True, help="directory for configs, logs and reports")
    ap.add_argument("--seconds", type=float, default=50, help="time budget per role")
    ap.add_argument("--max-examples", type=int, default=10)
    ap.add_argument("--roles", default=",".join(ROLES))
    ap.add_argument("--workers", default="2")
    args = ap.parse_args()

    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    status, spec = seed.request(args.base_url, "GET", "/openapi.json")
    if status != 200 or not isinstance(spec, dict):
        print(f"error: GET /openapi.json answered {status}", file=sys.stderr)
        return 1
    (out / "openapi.json").write_text(json.dumps(spec), encoding="utf-8")
    all_ops = {(m.upper(), p) for m, p, _ in seed.operations(spec)}

    hooks_dir = Path(__file__).resolve().parent
    env = dict(os.environ)
    env["SCHEMATHESIS_HOOKS"] = "hooks"
    env["PYTHONPATH"] = str(hooks_dir) + os.pathsep + env.get("PYTHONPATH", "")

    ok_overall: set[tuple[str, str]] = set()
    failed_roles: list[str] = []
    summary_rows = []
    for role in args.roles.split(","):
        email, spare_email = ROLES[role]
        token = seed.login(args.base_url, email, PASSWORD)
        spare = seed.login(args.base_url, spare_email, PASSWORD)
        harvest = seed.crawl(args.base_url, spec, token)
        config = out / f"{role}.toml"
        seeded = write_config(config, spec, harvest, token, spare, args.max_examples)
        log = out / f"{role}.calls"
        log.write_text("", encoding="utf-8")
        env["FUZZ_CALL_LOG"] = str(log)
        refused_log = out / f"{role}.refused"
        refused_log.write_text("", encoding="utf-8")
        env["FUZZ_REFUSED_LOG"] = str(refused_log)
        cmd = [
            "st",
            "--config-file",
            str(config),
            "run",
            str(out / "openapi.json"),
            "--url",
            args.base_url,
            "--checks",
            "all",
            "--workers",
            args.workers,
            "--phases",
            "examples,fuzzing",
            "--max-time",
            str(int(args.seconds)),
            "--no-color",
            "--report",
            "json",
            "--report-json-path",
            str(out / f"{role}.json"),
        ]
        started = time.monotonic()
        print(f"== schemathesis as {role} ({email}): {seeded} operations with seeded ids", flush=True)
        with open(out / f"{role}.log", "w", encoding="utf-8") as logf:
            rc = subprocess.run(cmd, env=env, cwd=out, stdout=logf, stderr=subprocess.STDOUT).returncode
        elapsed = time.monotonic() - started
        statuses: dict[tuple[str, str], set[int]] = defaultdict(set)
        for line in log.read_text(encoding="utf-8").splitlines():
            method, path, code = line.split(" ")[:3]
            statuses[(method, path)].add(int(code))
        ok = {op for op, codes in statuses.items() if any(200 <= c < 300 for c in codes)}
        ok_overall |= ok
        calls = sum(1 for _ in log.read_text(encoding="utf-8").splitlines())
        summary_rows.append((role, rc, len(ok), len(statuses), calls, elapsed))
        print(
            f"   exit {rc}; {calls} requests in {elapsed:.0f}s; {len(ok)} of {len(statuses)} operations called answered a 2xx",
            flush=True,
        )
        refused = sorted(set(refused_log.read_text(encoding="utf-8").splitlines()))
        if refused:
            print(
                f"   {len(refused)} schema-valid requests refused for a reason the document does not state (not fatal):"
            )
            for line in refused[:40]:
                print(f"     {line[:200]}")
        if rc != 0:
            failed_roles.append(role)
            # The failures, as schemathesis printed them.
            text = (out / f"{role}.log").read_text(encoding="utf-8")
            start = text.find("FAILURES")
            print(text[start if start >= 0 else 0 :][-20000:])

    never = sorted(all_ops - ok_overall)
    print(f"== {len(ok_overall)} of {len(all_ops)} operations answered a 2xx for at least one role")
    (out / "never-2xx.txt").write_text("\n".join(f"{m} {p}" for m, p in never) + "\n", encoding="utf-8")
    if failed_roles:
        print(
            f"error: schemathesis found failures as {', '.join(failed_roles)} (logs in {out})",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
