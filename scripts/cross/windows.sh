#!/usr/bin/env bash
# Builds Metadesk for Windows (x86_64-pc-windows-gnu) on this Debian machine and runs its tests
# under Wine, with Windows Credential Manager (Wine's) as the keychain.
#
#   scripts/cross/windows.sh build   # core, CLI, sandbox and the app (-p metadesk), debug
#   scripts/cross/windows.sh test    # the core's, the CLI's and the integration tests under Wine
#   scripts/cross/windows.sh test NAME  # only the tests whose name holds NAME (while fixing one)
#   scripts/cross/windows.sh package # the installers (setup.exe and MSI) made from that debug
#                                    # build, installed, used and removed under Wine (after build)
#   scripts/cross/windows.sh all     # build, package, test (the default)
#   scripts/cross/windows.sh release # the release app and CLI the installers ship (what
#                                    # `scripts/package.sh --windows` builds them from)
#
# Installs what it needs (Debian's Rust with its std source, mingw-w64, Wine) and writes only
# under target/cross/ (see scripts/cross/lib.sh: std is compiled from source, and why
# RUSTC_BOOTSTRAP is set). Tests that fail only because of Wine are listed, with the reason, in
# scripts/cross/windows/wine-known-failures.txt: they still run, and the summary reports each.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/cross/lib.sh
source scripts/cross/windows/installers.sh

TARGET=x86_64-pc-windows-gnu
OUT="$CROSS_TARGET_DIR/$TARGET/debug"
KNOWN=scripts/cross/windows/wine-known-failures.txt
export WINEPREFIX="$CROSS_TARGET_DIR/wine-prefix"
export WINEDEBUG=-all
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=wine
# C code in dependencies (ring…) for the target.
export CC_x86_64_pc_windows_gnu=x86_64-w64-mingw32-gcc AR_x86_64_pc_windows_gnu=x86_64-w64-mingw32-ar

install() {
  cross_install_packages "${CROSS_RUST_PACKAGES[@]}" gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64 wine wine64
  cross_check_rust
}

# A private Wine prefix (never the user's ~/.wine; $1, the tests' one by default) with the
# ProcessPrng stand-in in system32 (scripts/cross/windows/processprng.c says why).
wine_prefix() {
  local prefix="${1:-$WINEPREFIX}"
  local dll="$CROSS_TARGET_DIR/wine/bcryptprimitives.dll"
  local src=scripts/cross/windows/processprng.c
  mkdir -p "$CROSS_TARGET_DIR/wine"
  if [ ! -f "$dll" ] || [ "$src" -nt "$dll" ]; then
    x86_64-w64-mingw32-gcc -O2 -shared -o "$dll" "$src" -ladvapi32
  fi
  if [ ! -f "$prefix/system.reg" ]; then
    echo "==> creating the Wine prefix $prefix"
    # No Mono or Gecko (Wine would offer to download them where a display is set).
    WINEPREFIX="$prefix" WINEDLLOVERRIDES="mscoree,mshtml=" wineboot --init >/dev/null 2>&1 || true
    WINEPREFIX="$prefix" wineserver --wait
  fi
  cmp -s "$dll" "$prefix/drive_c/windows/system32/bcryptprimitives.dll" ||
    cp "$dll" "$prefix/drive_c/windows/system32/bcryptprimitives.dll"
}

# The UI's build (ui/dist), its packages installed first when missing; and the same only when
# there is no build yet. Run them under ui_write_locked.
ui_dist() {
  [ -d ui/node_modules ] || (cd ui && npm ci --no-audit --no-fund)
  (cd ui && npm run build)
}
ui_dist_if_missing() {
  [ -f ui/dist/index.html ] || ui_dist
}

build() {
  local started
  started=$(date +%s)
  # The app embeds the UI's build (tauri's frontendDist): made here when missing, and read under
  # the lock scripts/test.sh writes it under when the two run side by side.
  ui_write_locked ui_dist_if_missing
  # The tools, then the app: with the workspace's feature unification (scripts/cross/lib.sh)
  # both builds, and the tests after them, share every dependency.
  cross_cargo_denying_warnings "$CROSS_TARGET_DIR/build-tools.log" \
    build --target "$TARGET" -p metadesk-core -p metadesk-cli -p metadesk-sandbox
  ui_read_locked cross_cargo_denying_warnings "$CROSS_TARGET_DIR/build-app.log" build --target "$TARGET" -p metadesk
  echo "==> Windows build: $(cross_elapsed "$started")"
  ls -l "$OUT/metadesk-cli.exe" "$OUT/metadesk-sandbox.exe" "$OUT/metadesk.exe" "$OUT/WebView2Loader.dll"
}

# The release app and CLI for the installers (scripts/package.sh --windows): the UI built afresh
# (a stale ui/dist would be shipped otherwise) and the app with tauri/custom-protocol, as
# `tauri build` builds it. Fat LTO over std too: 64 min 40 s from cold here, on 2 cores shared
# with other builds.
release() {
  local started out="$CROSS_TARGET_DIR/$TARGET/release"
  started=$(date +%s)
  ui_write_locked ui_dist
  cross_cargo_denying_warnings "$CROSS_TARGET_DIR/release-cli.log" build --release --target "$TARGET" -p metadesk-cli
  ui_read_locked cross_cargo_denying_warnings "$CROSS_TARGET_DIR/release-app.log" \
    build --release --target "$TARGET" -p metadesk --features tauri/custom-protocol
  echo "==> Windows release build: $(cross_elapsed "$started")"
  ls -l "$out/metadesk.exe" "$out/metadesk-cli.exe" "$out/WebView2Loader.dll"
}

# The installers made from the debug build above and checked under Wine
# (scripts/cross/windows/installers.sh).
package() {
  local started
  started=$(date +%s)
  cross_install_packages nsis wixl msitools osslsigncode imagemagick openssl xvfb xauth xdotool x11-utils
  check_installers
  echo "==> Windows installers checked: $(cross_elapsed "$started")"
}

test_windows() {
  local started
  started=$(date +%s)
  wine_prefix
  # The same package set as `build`: after it, nothing to do (the CLI alone would unify other
  # features and compile the core's crates again).
  cross_cargo build --target "$TARGET" -p metadesk-core -p metadesk-cli -p metadesk-sandbox
  # The integration tests start this CLI .exe (under Wine) instead of running cargo themselves;
  # the path as Windows programs see it (Z:\…).
  METADESK_TEST_CLI=$(winepath -w "$OUT/metadesk-cli.exe" 2>/dev/null)
  export METADESK_TEST_CLI
  local log="$CROSS_TARGET_DIR/wine-tests.log"
  set +e
  # The core's layer crates (ARCHITECTURE.md), the CLI and the integration tests. `--tests`:
  # their unit and integration tests, not doc tests (these crates have none, and rustdoc would
  # still compile each crate again to find that out).
  local core=(base credentials clients store assets console bulk sheets core)
  local tests=(test --target "$TARGET" "${core[@]/#/--package=metadesk-}" -p metadesk-cli -p metadesk-tests
    --tests --no-fail-fast -- --include-ignored "$@")
  cross_cargo "${tests[@]}" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  # Wine's server can go away under a heavily loaded machine (seen once, as the other test
  # command ended beside this one): a test binary then never starts or never ends, with
  # Wine's own words and no summary. That is Wine, not a test: every test runs once more, and
  # that second run is the one reported. A binary that ends without its summary for any other
  # reason is a crash and fails the run.
  if wine_server_lost "$log"; then
    echo "==> Wine's server went away during the tests: running them once more"
    wineserver -k 2>/dev/null || true
    cross_cargo "${tests[@]}" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
  fi
  set -e
  wineserver -k 2>/dev/null || true
  report "$log" "$rc" "$started"
}

# Whether test log $1 has a test binary that ended without its summary and Wine's words for a
# lost server ("wine client error:…").
wine_server_lost() {
  local binaries results
  binaries=$(grep -cE '^ +Running ' "$1" || true)
  results=$(grep -cE '^test result: ' "$1" || true)
  [ "$results" -lt "$binaries" ] && grep -q 'wine client error:' "$1"
}

# Sums the test binaries' results and sets the failures apart: a failure listed in $KNOWN is
# reported with its reason as known-Wine; any other failure fails the run, and so does a test
# binary that ended without its summary (a crash).
report() {
  local log="$1" rc="$2" started="$3"
  local passed ignored binaries results known=0 unknown=0 name reason
  passed=$(grep -E '^test result: ' "$log" | grep -Eo '[0-9]+ passed' | awk '{s+=$1} END {print s+0}')
  ignored=$(grep -E '^test result: ' "$log" | grep -Eo '[0-9]+ ignored' | awk '{s+=$1} END {print s+0}')
  binaries=$(grep -cE '^ +Running ' "$log" || true)
  results=$(grep -cE '^test result: ' "$log" || true)
  echo
  echo "==> Windows tests under Wine ($(cross_elapsed "$started"))"
  while read -r name; do
    [ -n "$name" ] || continue
    reason=$(known_reason "$name")
    if [ -n "$reason" ]; then
      known=$((known + 1))
      echo "  known-Wine: $name — $reason"
    else
      unknown=$((unknown + 1))
      echo "  FAILED: $name"
    fi
  done < <(sed -n 's/^test \(.*\) \.\.\. FAILED$/\1/p' "$log" | sort -u)
  while read -r name; do
    [ -n "$name" ] || continue
    if grep -qE "^test $name \.\.\. ok\$" "$log"; then
      echo "  listed as known-Wine but passed: $name (update $KNOWN)"
    fi
  done < <(grep -vE '^(#|$)' "$KNOWN" | sed 's/ *|.*//' || true)
  echo "Windows: $passed passed, $unknown failed, $known known-Wine, $ignored ignored"
  if [ "$unknown" -gt 0 ]; then return 1; fi
  if [ "$results" -lt "$binaries" ]; then
    echo "a test binary ended without its summary under Wine (see $log)" >&2
    return 1
  fi
  if [ "$rc" -ne 0 ] && [ "$known" -eq 0 ]; then
    echo "cargo test under Wine exited $rc without a failing test to show for it (see $log)" >&2
    return 1
  fi
}

# The reason $KNOWN gives for test $1, if it lists it.
known_reason() {
  { grep -vE '^(#|$)' "$KNOWN" || true; } | awk -F' *[|] *' -v n="$1" '$1 == n {print $2; exit}'
}

install
case "${1:-all}" in
  build) build ;;
  package) package ;;
  test) test_windows "${@:2}" ;;
  release) release ;;
  all)
    build
    package
    test_windows
    ;;
  *) echo "usage: $0 [build|package|test|all|release]" >&2; exit 2 ;;
esac
