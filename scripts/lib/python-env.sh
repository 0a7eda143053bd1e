# Sourced by scripts/fuzz.sh and clients/python/smoke.sh: a virtualenv with the pinned
# Python tools of scripts/requirements-ci.txt (schemathesis, openapi-python-client, pytest).
# It lives outside the work tree (default /var/tmp/cadre-ci-venv, or $CI_PY_VENV) so
# later runs reuse it; pip only checks the pins then.
#
#   use_python_env               # sets PY_VENV and puts its bin/ first on PATH

use_python_env() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  PY_VENV="${CI_PY_VENV:-/var/tmp/cadre-ci-venv}"
  if [ ! -x "$PY_VENV/bin/python" ]; then
    python3 -m venv "$PY_VENV"
  fi
  "$PY_VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    -r "$root/scripts/requirements-ci.txt"
  export PATH="$PY_VENV/bin:$PATH" PY_VENV
}
