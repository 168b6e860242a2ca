#!/usr/bin/env bash
# WebDriver E2E tests of the real app: a WebKitGTK window under Xvfb, in a private D-Bus session
# with a real (throw-away) GNOME Keyring, driven by tauri-driver + WebKitWebDriver.
# A stand-in notification service on that bus records the app's desktop notifications.
# Screenshots of every test's end state go to artifacts/e2e/.
# Usage: scripts/e2e.sh            (builds the debug app and the sandbox first)
#        E2E_SPECS="tests/e2e/specs/05-bulk-more.test.mjs" scripts/e2e.sh
#                                   (only these spec files, space-separated; default: all)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/session.sh

if [ "${1:-}" != "--inner" ]; then
  # The app embeds ui/dist when it is compiled: a UI build older than its sources would test
  # yesterday's window.
  if [ ! -f ui/dist/index.html ] ||
     [ -n "$(find ui/src ui/index.html ui/package.json -newer ui/dist/index.html -print -quit)" ]; then
    ui_write_locked bash -c 'cd ui && npm run build'
  fi
  step "building the app and the sandbox (debug)"
  build_binaries
  rm -rf artifacts/e2e && mkdir -p artifacts/e2e
  exec xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" bash "$0" --inner
fi

# --- inside Xvfb ---
run_suite() {
  local port native_port rc notifications
  # A stand-in desktop notification service on the private session bus: the app's
  # notifications land in a file the specs read (tests/e2e/lib/notification-server.py).
  notifications="$METADESK_SESSION_ROOT/notifications.jsonl"
  /usr/bin/python3 tests/e2e/lib/notification-server.py "$notifications" \
    >"$METADESK_SESSION_ROOT/notification-server.out" &
  # Globals (not locals): the EXIT trap runs after this function's locals are gone.
  E2E_NOTIFY_PID=$!
  E2E_DRIVER_PID=
  trap 'kill $E2E_DRIVER_PID $E2E_NOTIFY_PID 2>/dev/null; wait $E2E_DRIVER_PID $E2E_NOTIFY_PID 2>/dev/null' EXIT
  for _ in $(seq 100); do
    grep -qx ready "$METADESK_SESSION_ROOT/notification-server.out" 2>/dev/null && break
    kill -0 "$E2E_NOTIFY_PID" 2>/dev/null || break
    sleep 0.1
  done
  grep -qx ready "$METADESK_SESSION_ROOT/notification-server.out" \
    || { echo "the stand-in notification service did not start" >&2; return 1; }

  # The app inherits this through tauri-driver: a preview or apply longer than this many seconds
  # (not 30) sends a desktop notification, so the specs need no 30-second runs.
  export METADESK_LONG_JOB_SECS=6
  port=$(free_port); native_port=$(free_port)
  tauri-driver --port "$port" --native-port "$native_port" >"$METADESK_SESSION_ROOT/tauri-driver.log" 2>&1 &
  E2E_DRIVER_PID=$!
  for _ in $(seq 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.1
  done
  set +e
  # A test that hangs (a window WebDriver no longer answers) fails after 10 minutes instead of
  # holding the suite until CI gives up. The longest test takes about 100 s alone; the specs
  # wait on the app's state, so with other builds on the cores they take longer, not fail.
  METADESK_APP="$PWD/target/debug/metadesk" \
  METADESK_SANDBOX_BIN="$PWD/target/debug/metadesk-sandbox" \
  E2E_NOTIFICATIONS="$notifications" \
  WEBDRIVER_URL="http://127.0.0.1:$port/" \
  E2E_ARTIFACTS="$PWD/artifacts/e2e" \
    node --test --test-concurrency=1 --test-timeout=600000 --test-reporter=spec ${E2E_SPECS:-tests/e2e/specs/} \
    2>&1 | tee "$METADESK_SESSION_ROOT/e2e.out"
  rc=${PIPESTATUS[0]}
  set -e
  if [ $rc -ne 0 ]; then
    echo "--- tauri-driver log ---"; tail -n 50 "$METADESK_SESSION_ROOT/tauri-driver.log"
    # A failing spec's lines are often far above the last 80: its warnings are kept apart.
    echo "--- app log: warnings and errors ---"
    find "$METADESK_SESSION_ROOT/data" -name 'metadesk.log*' -exec grep -hE ' (WARN|ERROR) ' {} + | tail -n 60
    echo "--- app log ---"; find "$METADESK_SESSION_ROOT/data" -name 'metadesk.log*' -exec tail -n 80 {} \;
    # The whole logs, for a failure that started before the last 80 lines (CI keeps artifacts/).
    mkdir -p artifacts/e2e/logs
    find "$METADESK_SESSION_ROOT/data" -name 'metadesk.log*' -exec cp {} artifacts/e2e/logs/ \;
    cp "$METADESK_SESSION_ROOT/tauri-driver.log" artifacts/e2e/logs/
    echo "--- desktop notifications sent ---"; cat "$notifications"
    # Which test failed and why, again: the reporter printed it above these logs, and a reader
    # of only the end of the output (CI's summary) would not see it there.
    echo "--- failing tests (the reporter's summary, again) ---"
    sed -n '/failing tests:/,$p' "$METADESK_SESSION_ROOT/e2e.out" | grep -v '^ *at ' | head -n 60
  fi
  return $rc
}
export -f run_suite free_port
private_session bash -c run_suite
