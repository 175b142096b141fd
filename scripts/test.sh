#!/usr/bin/env bash
# The test command (README "Run the tests"; CI runs exactly this through .ci/run).
#
# Installs what the tests need (Debian packages with sudo when not root, cargo
# tools), then runs: cargo fmt --check, clippy with -D warnings, cargo deny (licenses,
# sources, bans; offline against Cargo.lock), and every test, inside a private D-Bus
# session with a real gnome-keyring Secret Service for the OS-keyring tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

step "system packages"
ensure_apt_packages build-essential pkg-config gnome-keyring dbus-daemon dbus-bin
ensure_rust

step "cargo-deny"
ensure_cargo_tool cargo-deny 0.20.2

step "format"
cargo fmt --all -- --check

step "clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo deny (licenses, sources, bans)"
# deny reads metadata for every target platform: fetch those crates first.
cargo fetch --locked --quiet
cargo deny --offline --locked check licenses sources bans

step "tests"
scripts/with-secret-service.sh cargo test --workspace --locked --no-fail-fast

step "doc tests and docs build"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked --quiet
echo "all checks passed"
