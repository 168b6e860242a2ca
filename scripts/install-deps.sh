#!/usr/bin/env bash
# Installs what Metadesk needs to build, run and test on Debian 12 / Ubuntu 22.04+.
# Idempotent: anything already present is left alone. Needs root for apt (uses sudo when not root).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/side-by-side.sh

need_apt=()
APT_PACKAGES=(
  # build
  build-essential pkg-config file curl ca-certificates
  libwebkit2gtk-4.1-dev libgtk-3-dev libsoup-3.0-dev librsvg2-dev libdbus-1-dev libssl-dev
  # packages: the .deb's xz recompression and the package check (dpkg-shlibdeps; rpm -qp and
  # an install into a scratch root)
  xz-utils dpkg-dev rpm
  # headless window, screenshots and the real OS-level drop in E2E
  xvfb xauth x11-utils xdotool imagemagick fonts-dejavu-core python3-gi gir1.2-gtk-3.0
  # WebDriver for WebKitGTK
  webkit2gtk-driver
  # the keychain: Secret Service on a private D-Bus session
  dbus gnome-keyring libsecret-tools
  # Node.js for the UI build (skipped below when a node >= 20 is already on PATH)
)
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need_apt+=("$p")
done
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  need_apt+=(nodejs npm)
fi

if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then SUDO="sudo"; else
      echo "Installing system packages needs root: run this script as root or install sudo." >&2
      echo "Missing: ${need_apt[*]}" >&2
      exit 1
    fi
  fi
  echo "==> installing system packages: ${need_apt[*]}"
  apt_locked $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
  apt_locked $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need_apt[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "Rust is missing: install it with rustup (https://rustup.rs), then run this script again." >&2
  exit 1
fi

# tauri-driver bridges WebDriver to WebKitWebDriver; pinned to 2.x (3.0 alphas exist).
if ! command -v tauri-driver >/dev/null || ! cargo install --list | grep -q '^tauri-driver v2\.'; then
  echo "==> installing tauri-driver 2.x"
  cargo install tauri-driver --locked --version '^2'
fi

echo "==> installing npm packages from lockfiles"
for dir in ui tests/e2e tests/interop; do
  if [ -f "$dir/package-lock.json" ]; then
    if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
      ui_write_locked bash -c 'cd "$0" && npm ci --no-audit --no-fund' "$dir"
    fi
  fi
done
