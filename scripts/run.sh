#!/usr/bin/env bash
# The run command (README "Run it"): installs what is needed, builds, then starts
# the local devnet (reference node, RPC on 127.0.0.1:26657) and the Jifen desktop app
# connected to it. Closing the app stops the devnet.
#
#   ./scripts/run.sh              devnet + desktop app
#   ./scripts/run.sh ARGS...      the `jifen` command-line wallet with ARGS (as before)
#
# Environment: JIFEN_DATA_DIR (wallets, default ~/.local/share/jifen),
# JIFEN_DEVNET_DIR (the node's chain, default $JIFEN_DATA_DIR/devnet-node),
# JIFEN_DEVNET_PORT (default 26657). If a node already answers on that port, it is
# used and left running.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_apt_packages build-essential pkg-config curl
ensure_rust
target="${CARGO_TARGET_DIR:-target}"

if [ $# -gt 0 ]; then
  step "building jifen"
  cargo build --release --locked -p jifen-cli
  exec "$target/release/jifen" "$@"
fi

data="${JIFEN_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/jifen}"
port="${JIFEN_DEVNET_PORT:-26657}"

# Starts the devnet on 127.0.0.1:$port unless a node already answers there.
node_pid=""
start_devnet() {
  if curl -s -m 2 -d '{"jsonrpc":"2.0","id":1,"method":"jifen_status"}' "http://127.0.0.1:$port" >/dev/null 2>&1; then
    echo "a node already answers on 127.0.0.1:$port; using it"
    return
  fi
  step "starting the devnet on 127.0.0.1:$port"
  devnet_dir="${JIFEN_DEVNET_DIR:-$data/devnet-node}"
  mkdir -p "$devnet_dir"
  "$target/release/jifen-node" devnet --data-dir "$devnet_dir" --rpc-port "$port" \
    >"$devnet_dir/node.log" 2>&1 &
  node_pid=$!
  trap '[ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do
    grep -q "RPC:" "$devnet_dir/node.log" 2>/dev/null && break
    kill -0 "$node_pid" 2>/dev/null || { cat "$devnet_dir/node.log"; exit 1; }
    sleep 0.1
  done
  echo "devnet log: $devnet_dir/node.log"
}

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  # No desktop session: the headless path is the command-line wallet.
  step "no display: devnet + command-line wallet (the headless path)"
  cargo build --release --locked -p jifen-node -p jifen-cli
  start_devnet
  cat <<EOT

The desktop app needs a display (none found). The devnet is running on
http://127.0.0.1:$port; in another terminal use the command-line wallet:

$( [ "$port" = 26657 ] || echo "  ./scripts/run.sh endpoints --primary http://127.0.0.1:$port   # not the default port" )
  ./scripts/run.sh create --name mine          # or: ./scripts/run.sh restore ...
  ./scripts/run.sh sync
  ./scripts/run.sh balance
  ./scripts/run.sh send --to jfd1... --amount 2.5

(README "Light client (CLI)" shows how to fund a devnet wallet.) Ctrl-C stops the devnet.
EOT
  if [ -n "$node_pid" ]; then wait "$node_pid"; fi
  exit 0
fi

step "system packages for the app"
ensure_apt_packages libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev libayatana-appindicator3-dev
ensure_app_fonts
if ! command -v npm >/dev/null 2>&1; then
  ensure_apt_packages nodejs npm
fi

step "building the UI"
(cd ui && npm install --no-audit --no-fund --silent && npx vite build --logLevel warn)

step "building jifen-node and jifen-app (release)"
# tauri/custom-protocol: serve the embedded UI as `tauri build` does (no dev server).
cargo build --release --locked -p jifen-node
cargo build --release --locked -p jifen-app --features tauri/custom-protocol

start_devnet

step "starting the app"
JIFEN_DATA_DIR="$data" "$target/release/jifen-app"
