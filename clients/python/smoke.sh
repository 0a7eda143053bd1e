#!/usr/bin/env bash
# CI step for the Python client (README: "A Python client for lab pipelines"):
#  1. drift check: regenerating cadre-client/ from the committed openapi/openapi.json
#     with the pinned generator gives exactly the committed files;
#  2. installs cadre-client and cadre-pipeline into the CI virtualenv;
#  3. runs clients/python/tests with pytest: the pipeline layer's offline tests, and the
#     smoke test against a fresh `cadre serve --demo` (ingest with an API key, an expert
#     pulls and submits through the API, the results feed, a signed webhook delivered to a
#     local listener).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
. scripts/lib/demo-server.sh
. scripts/lib/python-env.sh
use_python_env

echo "-- drift check: clients/python/generate.sh into a scratch directory"
scratch=$(mktemp -d)
"$here/generate.sh" "$scratch/cadre-client"
if ! diff -r --exclude=build --exclude="*.egg-info" --exclude=__pycache__ "$here/cadre-client" "$scratch/cadre-client" >"$scratch/diff"; then
  head -50 "$scratch/diff" >&2
  echo "error: clients/python/cadre-client differs from what openapi/openapi.json generates; run clients/python/generate.sh and commit" >&2
  exit 1
fi
rm -rf "$scratch"

echo "-- installing cadre-client and cadre-pipeline"
python -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps \
  "$here/cadre-client" "$here/cadre-pipeline"

export CADRE_WEBHOOKS__ALLOW_HTTP=true CADRE_WEBHOOKS__ALLOW_PRIVATE_ADDRESSES=true
export CADRE_ROUTING__RESULTS_FEED_LAG_SECS=0
start_demo_server
echo "-- pytest clients/python/tests against $DEMO_BASE_URL"
python -m pytest -q -p no:cacheprovider "$here/tests"
