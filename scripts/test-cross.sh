#!/usr/bin/env bash
# The README's second test command: Metadesk for Windows and macOS, checked on this Linux
# machine (.ci/run runs it beside scripts/test.sh: scripts/lib/side-by-side.sh).
#   - Windows: builds core, CLI, sandbox and the app for x86_64-pc-windows-gnu (std from source,
#     warnings denied) and runs the core's, the CLI's and the integration tests under Wine, with
#     Windows Credential Manager as the keychain (scripts/cross/windows.sh), and makes the
#     setup.exe and the MSI from that build and installs, uses and removes them under Wine
#     (scripts/cross/windows/installers.sh). Failures that only Wine causes are listed with their
#     reason in scripts/cross/windows/wine-known-failures.txt and reported on every run; any
#     other failure fails it. Tests during which Wine's own server went away are run once more.
#   - macOS: type-checks the whole workspace for Apple silicon (Intel too with MACOS_TARGETS), warnings denied
#     (scripts/cross/macos.sh): it compiles, nothing is linked or run.
# Everything is built under target/cross/, apart from the Linux build.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/session.sh
started=$(date +%s)
# A test run builds each crate once: incremental caches would only add to target/ (3 GB of a
# clean Linux run's 7), and CI's disk is limited. CARGO_INCREMENTAL=1 keeps them.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

step "Windows: build (core, CLI, sandbox, the app)"
bash scripts/cross/windows.sh build
step "Windows: the installers (setup.exe, MSI), installed and removed under Wine"
bash scripts/cross/windows.sh package
step "Windows: tests under Wine"
bash scripts/cross/windows.sh test
step "macOS: type-check (aarch64; MACOS_TARGETS for more)"
bash scripts/cross/macos.sh
step "Windows and macOS checks passed in $(( $(date +%s) - started )) s"
