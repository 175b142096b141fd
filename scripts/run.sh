#!/usr/bin/env bash
# The run command (README "Run it"): installs what is needed, builds the wallet and
# starts it. Today that is the `jifen` command-line wallet; arguments are passed on
# (with none, it lists your wallets and shows the commands).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_apt_packages build-essential pkg-config
ensure_rust
step "building jifen"
cargo build --release --locked -p jifen-cli
bin="${CARGO_TARGET_DIR:-target}/release/jifen"
if [ $# -eq 0 ]; then
  "$bin" list
  echo
  exec "$bin" --help
fi
exec "$bin" "$@"
