# Shared shell helpers for Metadesk's scripts. Source it; it defines functions only.

source "$(dirname "${BASH_SOURCE[0]}")/side-by-side.sh"

# Runs "$@" in a private D-Bus session with a throw-away, unlocked GNOME Keyring (the real
# Secret Service) and temporary XDG folders, so a run never touches the user's keychain or
# files. dbus-run-session ends the bus, and with it the keyring daemon, when "$@" exits.
private_session() {
  local root rc
  root=$(mktemp -d -t metadesk-session.XXXXXX)
  mkdir -p "$root/config" "$root/data" "$root/cache" "$root/runtime"
  chmod 700 "$root/runtime"
  set +e
  env XDG_CONFIG_HOME="$root/config" XDG_DATA_HOME="$root/data" XDG_CACHE_HOME="$root/cache" \
    XDG_RUNTIME_DIR="$root/runtime" METADESK_SESSION_ROOT="$root" \
    dbus-run-session -- bash -c '
      printf %s "metadesk-test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null \
        || { echo "could not start gnome-keyring-daemon" >&2; exit 1; }
      "$@"' private-session "$@" 2> >(grep -v "Failed to set fd limit" >&2)
  rc=$?
  set -e
  rm -rf "$root"
  return $rc
}

# Prints a free TCP port on 127.0.0.1.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Lists the helper processes started by this run (to prove it leaves none behind): those
# whose environment carries this run's METADESK_TEST_RUN marker, so other work on the same
# machine is never mistaken for ours. Zombies are left out: they have already exited and only
# wait to be reaped by whoever is PID 1 here.
our_processes() {
  local pid
  [ -n "${METADESK_TEST_RUN:-}" ] || return 0
  for pid in $(pgrep -u "$(id -u)" -f 'gnome-keyring-daemon|dbus-daemon|WebKitWebDriver|tauri-driver|notification-server\.py|target/(debug|release)/metadesk'); do
    [ "$pid" != "$$" ] || continue
    [ "$(ps -o stat= -p "$pid" 2>/dev/null | cut -c1)" != "Z" ] || continue
    tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qx "METADESK_TEST_RUN=$METADESK_TEST_RUN" && echo "$pid"
  done | sort
}

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# Builds the three debug binaries the tests run: the app, the CLI and the sandbox. Always this
# one package set, in every script that needs any of them: cargo resolves dependencies'
# features per package set, so `-p metadesk-cli` alone or `-p metadesk-sandbox` alone would
# compile about 220 dependencies again with other features (measured with `--unit-graph`;
# docs/development.md, "CI's time"). After it, `cargo test --workspace` adds ~70 crates.
# The app embeds ui/dist: built under the read lock of scripts/lib/side-by-side.sh.
build_binaries() {
  ui_read_locked cargo build --locked -p metadesk -p metadesk-sandbox -p metadesk-cli
}
