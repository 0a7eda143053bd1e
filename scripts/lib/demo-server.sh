# Sourced by scripts/fuzz.sh and clients/python/smoke.sh: starts a debug `cadre serve --demo`
# on a free port with a scratch data directory and stops it on exit.
#
#   start_demo_server            # sets DEMO_BASE_URL, DEMO_DIR, DEMO_SERVER_PID
#
# Extra CADRE_* variables exported before the call reach the server. The binary is built
# with `cargo build` in $CARGO_TARGET_DIR (after `cargo test` it is already there).

start_demo_server() {
  local target="${CARGO_TARGET_DIR:-target}"
  cargo build --quiet --bin cadre
  DEMO_DIR=$(mktemp -d)
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  CADRE_DATA_DIR="$DEMO_DIR" CADRE_HTTP__HOST=127.0.0.1 CADRE_HTTP__PORT="$port" \
    CADRE_LOG__LEVEL="${CADRE_LOG__LEVEL:-warn}" \
    "$target/debug/cadre" serve --demo >"$DEMO_DIR/serve.log" 2>&1 &
  DEMO_SERVER_PID=$!
  trap stop_demo_server EXIT
  DEMO_BASE_URL="http://127.0.0.1:$port"
  for _ in $(seq 1 300); do
    if curl -sf "$DEMO_BASE_URL/readyz" >/dev/null; then
      export DEMO_BASE_URL DEMO_DIR DEMO_SERVER_PID
      return 0
    fi
    if ! kill -0 "$DEMO_SERVER_PID" 2>/dev/null; then break; fi
    sleep 0.2
  done
  echo "error: the demo server did not start; its log:" >&2
  cat "$DEMO_DIR/serve.log" >&2
  return 1
}

stop_demo_server() {
  if [ -n "${DEMO_SERVER_PID:-}" ]; then
    kill "$DEMO_SERVER_PID" 2>/dev/null || true
    wait "$DEMO_SERVER_PID" 2>/dev/null || true
    DEMO_SERVER_PID=""
  fi
  if [ -n "${DEMO_DIR:-}" ] && [ -z "${KEEP_DEMO_DIR:-}" ]; then
    rm -rf "$DEMO_DIR"
  fi
}
