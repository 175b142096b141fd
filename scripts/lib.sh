# Shared helpers for scripts/*.sh (sourced, not run).

step() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the Debian packages that are missing (one apt-get update when needed).
ensure_apt_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

# The fonts the app's UI needs: Chinese glyphs for the zh-CN and zh-TW interface (a
# bare Debian 12 has no CJK font, and the text would show as empty boxes). The UI's
# font stack (ui/src/app.css) names "Noto Sans CJK SC/TC" and the .deb depends on this
# package (src-tauri/tauri.conf.json).
ensure_app_fonts() {
  ensure_apt_packages fonts-noto-cjk
}

# Rust toolchain: rustup's stable with rustfmt and clippy.
ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    [ -f "$HOME/.cargo/env" ] && source "$HOME/.cargo/env"
  fi
  if ! command -v cargo >/dev/null 2>&1; then
    echo "installing Rust with rustup (https://rustup.rs)"
    ensure_apt_packages curl ca-certificates
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt,clippy
    source "$HOME/.cargo/env"
  fi
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt clippy || true
}

# cargo install NAME at VERSION unless that version is already installed.
# Debug builds: these tools do little work per run, and an optimized build of
# them would cost a cold CI run minutes on two cores.
ensure_cargo_tool() {
  local name=$1 version=$2
  if ! cargo install --list | grep -q "^$name v$version:"; then
    cargo install --locked --debug "$name" --version "$version"
  fi
}
