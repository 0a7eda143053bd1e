#!/usr/bin/env bash
# The contract fuzzer as a gate (README: "Checking the API contract"). Starts a debug
# `cadre serve --demo` on a free port with a scratch data directory, installs the pinned
# schemathesis (scripts/requirements-ci.txt) into a virtualenv, and runs
# `st run --checks all` against the server's /openapi.json as each demo role in turn
# (expert, lab admin, platform admin), with the ids each role can see
# (scripts/fuzz/seed.py). Fails on any 5xx, any response that violates its schema, any
# undocumented status code, and on schema-valid input the server refuses, except the
# deliberate refusals listed in scripts/fuzz/hooks.py. Prints how many operations
# answered a 2xx.
#
# Environment: FUZZ_SECONDS (time budget per role, default 45), FUZZ_MAX_EXAMPLES (per
# operation and phase, default 10), FUZZ_ROLES (comma-separated, default all three),
# FUZZ_OUT (where configs, logs and reports go; default a temporary directory, kept on
# failure).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/demo-server.sh
. scripts/lib/python-env.sh

use_python_env
# The worker would try to deliver the demo's webhooks to a host that does not resolve;
# the fuzzer needs only the API.
export CADRE_JOBS__WORKER=false
start_demo_server
out="${FUZZ_OUT:-$DEMO_DIR/fuzz}"
args=(--base-url "$DEMO_BASE_URL" --out "$out" --seconds "${FUZZ_SECONDS:-45}" --max-examples "${FUZZ_MAX_EXAMPLES:-10}")
[ -n "${FUZZ_ROLES:-}" ] && args+=(--roles "$FUZZ_ROLES")
if ! python scripts/fuzz/run.py "${args[@]}"; then
  KEEP_DEMO_DIR=1
  echo "fuzz output kept in $out (server log: $DEMO_DIR/serve.log)" >&2
  exit 1
fi
