#!/usr/bin/env bash
# Run a command inside a private D-Bus session with an unlocked
# gnome-keyring Secret Service, and JIFEN_TEST_SECRET_SERVICE=1 exported.
#
#   scripts/with-secret-service.sh cargo test -p jifen-crypto --test keystore_secret_service
#
# Installs nothing. Needs (Debian/Ubuntu): gnome-keyring dbus-daemon dbus-bin
# The keyring lives in a temporary directory that is deleted afterwards, so the
# user's real keyring is never touched; its password is a throwaway.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 2
fi

if [ -z "${JIFEN_INSIDE_DBUS_SESSION:-}" ]; then
    for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "$0: '$tool' not found; install: apt-get install -y gnome-keyring dbus-daemon dbus-bin" >&2
            exit 127
        fi
    done
    export JIFEN_INSIDE_DBUS_SESSION=1
    exec dbus-run-session -- "$0" "$@"
fi

# Inside the private session bus from here on.
workdir="$(mktemp -d)"
keyring_pid=""
cleanup() {
    if [ -n "$keyring_pid" ]; then
        kill "$keyring_pid" 2>/dev/null || true
        wait "$keyring_pid" 2>/dev/null || true
    fi
    rm -rf "$workdir"
}
trap cleanup EXIT

mkdir -m 0700 "$workdir/data" "$workdir/run"
export XDG_DATA_HOME="$workdir/data"
export XDG_RUNTIME_DIR="$workdir/run"

# --unlock reads the login keyring's password on stdin and creates the
# keyring (the default collection) if it does not exist yet.
printf '%s' "jifen-throwaway-$$" |
    gnome-keyring-daemon --foreground --unlock --components=secrets \
        >"$workdir/daemon.out" 2>"$workdir/daemon.err" &
keyring_pid=$!

has_secret_service() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
        grep -q 'boolean true'
}
for _ in $(seq 1 100); do
    if has_secret_service; then
        break
    fi
    if ! kill -0 "$keyring_pid" 2>/dev/null; then
        echo "$0: gnome-keyring-daemon exited:" >&2
        cat "$workdir/daemon.err" >&2
        exit 1
    fi
    sleep 0.1
done
if ! has_secret_service; then
    echo "$0: org.freedesktop.secrets did not appear on the session bus" >&2
    cat "$workdir/daemon.err" >&2
    exit 1
fi

export JIFEN_TEST_SECRET_SERVICE=1
set +e
"$@"
status=$?
set -e
exit "$status"
