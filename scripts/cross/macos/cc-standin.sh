#!/usr/bin/env bash
# A stand-in C compiler for `cargo check` on a macOS target (scripts/cross/macos.sh): some
# dependencies' build scripts compile C (ring, objc2-exception-helper, mac-notification-sys), which
# needs the macOS SDK, not here. `cargo check` never links, so each compile (`-c … -o OUT`) gets
# an empty Mach-O object for the target and the C is not compiled; anything else (the cc crate's
# probes of the compiler) goes to the real clang without the host's headers. Nothing made this
# way can run: it only lets Rust's type-check reach every crate.
set -euo pipefail
target="${METADESK_STANDIN_TARGET:?set by scripts/cross/macos.sh}"
out="" compile=0 prev=""
for a in "$@"; do
  [ "$prev" = "-o" ] && out="$a"
  [ "$a" = "-c" ] && compile=1
  prev="$a"
done
if [ "$compile" = 1 ] && [ -n "$out" ]; then
  exec clang-14 -target "$target" -c -x c /dev/null -o "$out"
fi
exec clang-14 -nostdlibinc "$@"
