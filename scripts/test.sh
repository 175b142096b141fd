#!/usr/bin/env bash
# The test command (README "Run the tests"; CI runs exactly this through .ci/run).
#
# Installs what the tests need (Debian packages with sudo when not root, cargo
# tools), then runs: cargo fmt --check, clippy with -D warnings, cargo deny (licenses,
# sources, bans; offline against Cargo.lock), and every test, inside a private D-Bus
# session with a real gnome-keyring Secret Service for the OS-keyring tests.
# The desktop app adds: the UI's Vitest suite and build (before clippy: the app
# crate embeds ui/dist), and the end-to-end run in the real app window under Xvfb
# (tauri-driver + WebKitWebDriver), which reuses the debug binaries the tests built.
# The .deb is not built here (slow release build): see README "App".
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

# A CI run is cold and builds everything once: incremental caches would only cost
# time and disk there.
if [ -n "${CI:-}" ]; then export CARGO_INCREMENTAL=0; fi

# What the Tauri app needs to build and to be tested in its window (Debian 12):
# WebKitGTK 4.1 and friends, Xvfb, WebKitWebDriver, Node.js with npm, and a CJK font
# (the end-to-end run checks that Chinese text renders with real glyphs).
ensure_app_packages() {
  ensure_apt_packages libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev \
    libayatana-appindicator3-dev xvfb xauth webkit2gtk-driver
  ensure_app_fonts
  if ! command -v npm >/dev/null 2>&1; then
    ensure_apt_packages nodejs npm
  fi
}

step "system packages"
ensure_apt_packages build-essential pkg-config gnome-keyring dbus-daemon dbus-bin ca-certificates
ensure_app_packages
ensure_rust

step "cargo-deny"
ensure_cargo_tool cargo-deny 0.20.2

step "tauri-driver (end-to-end tests)"
ensure_cargo_tool tauri-driver 2.1.0

step "app UI: npm install (from the lock), svelte-check (types), Vitest, vite build"
# `npm install`, not `npm ci`: with this machine kind's `omit-lockfile-registry-resolved`
# npmrc the lock has no entries for other platforms' optional binaries, which `npm ci`
# refuses; `npm install` still takes the locked versions.
(cd ui && npm install --no-audit --no-fund && npm run check && npx vitest run && npx vite build)

step "format"
cargo fmt --all -- --check

step "clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "docs build (broken links fail; before the long steps)"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked --quiet

step "cargo deny (licenses, sources, bans)"
# deny reads metadata for every target platform: fetch those crates first.
cargo fetch --locked --quiet
cargo deny --offline --locked check licenses sources bans

step "tests"
scripts/with-secret-service.sh cargo test --workspace --locked --no-fail-fast

step "app end-to-end in the real window (Xvfb, tauri-driver, WebKitWebDriver)"
(cd tests/e2e && npm install --no-audit --no-fund)
# `cargo test --workspace` above built the three binaries (same features, no rebuild).
target="${CARGO_TARGET_DIR:-target}"
JIFEN_APP_BIN="$target/debug/jifen-app" JIFEN_NODE_BIN="$target/debug/jifen-node" \
  JIFEN_CLI_BIN="$target/debug/jifen" \
  xvfb-run -a -s "-screen 0 1280x900x24" node tests/e2e/run.mjs
echo "screenshots (desktop and 390x844 phone): tests/e2e/screenshots/"

echo "all checks passed"
