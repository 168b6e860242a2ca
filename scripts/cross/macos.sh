#!/usr/bin/env bash
# Type-checks the whole workspace, every target (tests, benches, the app, the CLI), for macOS on
# Apple silicon, and fails on any warning in Metadesk's code:
#
#   scripts/cross/macos.sh                                       # aarch64-apple-darwin
#   MACOS_TARGETS="x86_64-apple-darwin aarch64-apple-darwin" scripts/cross/macos.sh   # and Intel
#
# Intel is left to the second form: Metadesk's code has no line that depends on the processor, so
# the second check would repeat the first at 3 to 6 minutes of CI's time.
#
# What this proves: every crate compiles for macOS, including the code only macOS builds (the
# keychain through keyring's apple-native backend, the window through Tauri's WKWebView shell,
# the notifications). What it does not: nothing is linked or run. The C inside some dependencies
# is replaced by empty objects (scripts/cross/macos/cc-standin.sh says why), there is no macOS
# SDK, no signing, no .app or .dmg: a Mac is still needed to build, test and package for macOS.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/cross/lib.sh

cross_install_packages "${CROSS_RUST_PACKAGES[@]}" clang-14 llvm-14
cross_check_rust

started=$(date +%s)
standin="$PWD/scripts/cross/macos/cc-standin.sh"
for target in ${MACOS_TARGETS:-aarch64-apple-darwin}; do
  t_started=$(date +%s)
  var=${target//-/_}
  (
    export "CC_$var=$standin" "CXX_$var=$standin" "AR_$var=llvm-ar-14" METADESK_STANDIN_TARGET="$target"
    # The app's crate embeds ui/dist even when only checked (scripts/lib/side-by-side.sh).
    ui_read_locked cross_cargo_denying_warnings "$CROSS_TARGET_DIR/check-$target.log" \
      check --target "$target" --workspace --all-targets
  ) || { echo "macOS ($target): the check failed" >&2; exit 1; }
  echo "==> macOS ($target): the workspace type-checks, no warning ($(cross_elapsed "$t_started"))"
done
echo "==> macOS check: $(cross_elapsed "$started") (compiles only: nothing was linked or run)"
