#!/usr/bin/env bash
# The run command (README "Run it"): installs what is needed, builds, then starts
# the local devnet as a network of separate processes (`jifen-node network`: the
# validator with RPC on 127.0.0.1:26657 and P2P on 27657, and two full nodes that
# sync from it over P2P on 26658/27658 and 26659/27659) and the Jifen desktop app
# connected to it. Closing the app stops the network.
#
#   ./scripts/run.sh              devnet + desktop app
#   ./scripts/run.sh ARGS...      the `jifen` command-line wallet with ARGS (as before)
#
# Environment: JIFEN_DATA_DIR (wallets, default ~/.local/share/jifen),
# JIFEN_DEVNET_DIR (the node's chain, default $JIFEN_DATA_DIR/devnet-node),
# JIFEN_DEVNET_PORT (default 26657), JIFEN_DEVNET_P2P_PORT (default 27657),
# JIFEN_FULL_NODES (default 2; 0: the validator alone). If a node already answers on
# that port, it is used and left running.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_apt_packages build-essential pkg-config curl ca-certificates
ensure_rust
target="${CARGO_TARGET_DIR:-target}"

if [ $# -gt 0 ]; then
  step "building jifen"
  cargo build --release --locked -p jifen-cli
  exec "$target/release/jifen" "$@"
fi

data="${JIFEN_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/jifen}"
port="${JIFEN_DEVNET_PORT:-26657}"
p2p_port="${JIFEN_DEVNET_P2P_PORT:-27657}"
full_nodes="${JIFEN_FULL_NODES:-2}"

# Starts the devnet on 127.0.0.1:$port unless a node already answers there.
node_pid=""
start_devnet() {
  if curl -s -m 2 -d '{"jsonrpc":"2.0","id":1,"method":"jifen_status"}' "http://127.0.0.1:$port" >/dev/null 2>&1; then
    echo "a node already answers on 127.0.0.1:$port; using it"
    return
  fi
  step "starting the devnet network: validator + $full_nodes full nodes on 127.0.0.1"
  devnet_dir="${JIFEN_DEVNET_DIR:-$data/devnet-network}"
  mkdir -p "$devnet_dir"
  "$target/release/jifen-node" network --data-dir "$devnet_dir" --full-nodes "$full_nodes" \
    --rpc-port "$port" --p2p-port "$p2p_port" >"$devnet_dir/network.txt" 2>"$devnet_dir/node.log" &
  node_pid=$!
  # The launcher stops its nodes when it ends (they exit when it is gone).
  trap '[ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 600); do
    grep -q "^wallet:" "$devnet_dir/network.txt" 2>/dev/null && break
    kill -0 "$node_pid" 2>/dev/null || { cat "$devnet_dir/node.log"; exit 1; }
    sleep 0.1
  done
  cat "$devnet_dir/network.txt"
  echo "node logs: $devnet_dir/node.log"
  echo "(the wallet's default endpoint is the validator's RPC; the 'wallet:' line above"
  echo " makes its P2P address the primary and the full nodes witnesses)"
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
  ./scripts/run.sh $(sed -n 's/^wallet: jifen //p' "${JIFEN_DEVNET_DIR:-$data/devnet-network}/network.txt" 2>/dev/null)   # over P2P (optional)
  ./scripts/run.sh follow                      # P2P: verify each block as it is announced
  ./scripts/run.sh balance
  ./scripts/run.sh send --to jfd1... --amount 2.5

(README "Light client (CLI)" shows how to fund a devnet wallet.) Ctrl-C stops the network.
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
