#!/usr/bin/env bash
# The footprint benchmark: Metadesk's window beside a bare Tauri window (crates/bench/bare-window),
# both release builds with tauri/custom-protocol as `tauri build` makes them, started alternately
# under Xvfb in a private D-Bus session with a throw-away GNOME Keyring. Writes the "4. Footprint"
# section of BENCHMARKS.md (the engine's sections are left as they are).
# Usage: scripts/bench-footprint.sh [--no-build] [metadesk-bench options, e.g. --runs 5]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/session.sh

if [ "${1:-}" = "--inner" ]; then
  shift
  private_session target/release/metadesk-bench footprint "$@"
  exit
fi

build=1
if [ "${1:-}" = "--no-build" ]; then build=0; shift; fi
if [ "$build" = 1 ]; then
  # The .deb (and with it the release app, built by `tauri build`) first.
  bash scripts/package.sh --bundles deb
  step "building the bare window and the benchmark (release)"
  cargo build --release --locked -p metadesk-bare-window --features tauri/custom-protocol
  cargo build --release --locked -p metadesk-bench
fi
deb=$(ls -t target/release/bundle/deb/*.deb | head -1)
step "measuring (about a minute)"
exec xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" \
  bash "$0" --inner --deb "$PWD/$deb" --write BENCHMARKS.md "$@"
