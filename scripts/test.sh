#!/usr/bin/env bash
# Installs what is missing, then runs every test: formatting, lints, the UI's typecheck/lint/unit
# tests, the Rust tests (with the real Secret Service on a private D-Bus session), the sandbox
# interop test with Adobe's own client, the WebDriver E2E suite in a real window under Xvfb, and a
# check of the .deb built from those debug binaries (scripts/check-package.sh).
# This is the README's test command; .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/session.sh
started=$(date +%s)
# A test run builds each crate once: incremental caches would only add to target/ (3 GB of a
# clean Linux run's 7), and CI's disk is limited. CARGO_INCREMENTAL=1 keeps them.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
# Every process this run starts inherits the marker; our_processes finds them by it.
export METADESK_TEST_RUN="$$-$started"

bash scripts/install-deps.sh

step "UI: build, typecheck, lint, unit tests"
# The build under the lock that scripts/test-cross.sh reads ui/dist under (.ci/run runs both).
ui_write_locked bash -c 'cd ui && npm run build'
(cd ui && npm run typecheck && npm run lint && npm test)

step "Rust: formatting"
cargo fmt --all --check

step "Rust: clippy (warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust: tests (real keychain: GNOME Keyring on a private D-Bus session)"
# Some integration tests drive the real binaries (the CLI across two processes): they run the
# one built here (METADESK_TEST_CLI), which the interop test, the E2E suite and the package
# check use too, instead of building the CLI alone with other features.
build_binaries
# Six tests at a time, not one a core: most of them wait on the sandbox's stated latencies or on
# a CLI process, not on the CPU (the integration tests: 189 s with two, 119 s with six, here).
METADESK_TEST_CLI="$PWD/target/debug/metadesk-cli" RUST_TEST_THREADS="${RUST_TEST_THREADS:-6}" \
  private_session cargo test --workspace --locked -- --include-ignored

if [ -x scripts/test-interop.sh ]; then
  step "Sandbox interop with Adobe's @adobe/jwt-auth, @adobe/aem-upload and @adobe/aem-headless-client-nodejs"
  bash scripts/test-interop.sh
fi

step "E2E: WebDriver against the real window"
bash scripts/e2e.sh

# After the E2E run, which built the debug app: the package reuses the test build.
bash scripts/check-package.sh

leftover=$(our_processes)
if [ -n "$leftover" ]; then
  echo "these processes outlived the test run:" >&2
  ps -o pid,args -p "$(echo "$leftover" | paste -sd, -)" >&2 || true
  exit 1
fi
step "all tests passed in $(( $(date +%s) - started )) s"
