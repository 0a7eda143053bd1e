#!/usr/bin/env bash
# Regenerates clients/python/cadre-client/ (the package `cadre_client`) from the committed
# openapi/openapi.json with the pinned openapi-python-client (scripts/requirements-ci.txt).
# Deterministic: CI regenerates into a scratch directory and fails on any difference
# (clients/python/smoke.sh).
#
# Usage: clients/python/generate.sh [OUTPUT_DIR]   (default clients/python/cadre-client)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/scripts/lib/python-env.sh"
use_python_env
out="${1:-$here/cadre-client}"
openapi-python-client generate --path "$root/openapi/openapi.json" --config "$here/generator.yaml" \
  --meta setup --output-path "$out" --overwrite >"${TMPDIR:-/tmp}/cadre-client-generate.log" 2>&1 || {
  cat "${TMPDIR:-/tmp}/cadre-client-generate.log" >&2
  exit 1
}
