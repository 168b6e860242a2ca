#!/usr/bin/env bash
# Installs what is missing, builds Metadesk (release) and starts it.
# With no display (a server, a container), it starts the window under a virtual display with a
# private, throw-away keychain and saves a screenshot to artifacts/run-app.png.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/session.sh
app="$PWD/target/release/metadesk"

# Under Xvfb (see below): start the app in a private session, screenshot it, keep it running.
if [ "${1:-}" = "--headless-inner" ]; then
  show() {
    "$1" & local pid=$!
    for _ in $(seq 200); do
      xdotool search --onlyvisible --name '^Metadesk$' >/dev/null 2>&1 && break
      sleep 0.05
    done
    sleep 2
    import -window root artifacts/run-app.png && echo "screenshot: artifacts/run-app.png"
    echo "Metadesk is running (pid $pid) on a virtual display; press Ctrl-C to stop."
    wait "$pid"
  }
  export -f show
  private_session bash -c 'show "$0"' "$app"
  exit
fi

bash scripts/install-deps.sh
step "building the UI"
(cd ui && npm run build)
step "building Metadesk (release; the first build takes a few minutes)"
cargo build --release --locked -p metadesk -p metadesk-sandbox

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  step "starting Metadesk"
  exec "$app"
fi

step "no display found: starting Metadesk under Xvfb with a temporary keychain"
mkdir -p artifacts
# xvfb-run is a POSIX sh script that drops exported bash functions, so re-enter this script.
exec xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" bash "$0" --headless-inner
