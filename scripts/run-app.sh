#!/usr/bin/env bash
# Installs what is missing, builds Metadesk (release) and starts it.
# With no display (a server, a container), it starts the window under a virtual display with a
# private, throw-away keychain and saves a screenshot to artifacts/run-app.png.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/session.sh

bash scripts/install-deps.sh
step "building the UI"
(cd ui && npm run build)
step "building Metadesk (release; the first build takes a few minutes)"
cargo build --release --locked -p metadesk -p metadesk-sandbox
app="$PWD/target/release/metadesk"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  step "starting Metadesk"
  exec "$app"
fi

step "no display found: starting Metadesk under Xvfb with a temporary keychain"
mkdir -p artifacts
headless() {
  "$1" & local pid=$!
  for _ in $(seq 200); do xdotool search --onlyvisible --name '^Metadesk$' >/dev/null 2>&1 && break; sleep 0.05; done
  sleep 2
  import -window root artifacts/run-app.png && echo "screenshot: artifacts/run-app.png"
  echo "Metadesk is running (pid $pid) on a virtual display; press Ctrl-C to stop."
  wait $pid
}
export -f headless
xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" bash -c "$(declare -f private_session); private_session bash -c 'headless $app'"
