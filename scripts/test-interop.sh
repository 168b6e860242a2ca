#!/usr/bin/env bash
# Interop test: Adobe's own @adobe/jwt-auth, @adobe/aem-upload and @adobe/aem-headless-client-nodejs
# (and a plain-fetch replay of Adobe's sample flow) against the sandbox binary. Builds
# target/debug/metadesk-sandbox, starts it on a free port with --write-credentials into a temp dir,
# runs `node --test` in tests/interop, always stops it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

source scripts/lib/session.sh
# The same build as the other tests' (scripts/lib/session.sh says why not the sandbox alone).
build_binaries

# Installed again when the lock is newer than the installed tree (a client added since).
if [ ! -d tests/interop/node_modules ] ||
  [ tests/interop/package-lock.json -nt tests/interop/node_modules/.package-lock.json ]; then
  (cd tests/interop && npm ci --no-audit --no-fund)
fi

workdir="$(mktemp -d)"
sandbox_pid=""
cleanup() {
  if [ -n "$sandbox_pid" ]; then
    kill "$sandbox_pid" 2>/dev/null || true
    wait "$sandbox_pid" 2>/dev/null || true
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT

# A free port from the OS; the sandbox could take port 0 itself, but the tests need the number.
port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

# Parts of 4 KiB (AEM: 10 MiB) so aem-upload sends a 20 KB file in several; a short processing.
target/debug/metadesk-sandbox --port "$port" --assets 200 --write-credentials "$workdir/creds" \
  --upload-min-part 4096 --upload-max-part 65536 --processing-ms 200 \
  >"$workdir/sandbox.log" 2>&1 &
sandbox_pid=$!

# Key generation in a debug build takes a few seconds; the line below is printed once all
# credential files are fully written.
for _ in $(seq 1 600); do
  if grep -q '^credentials written to' "$workdir/sandbox.log" 2>/dev/null; then break; fi
  if ! kill -0 "$sandbox_pid" 2>/dev/null; then
    echo "sandbox exited early:" >&2
    cat "$workdir/sandbox.log" >&2
    exit 1
  fi
  sleep 0.1
done
if ! grep -q '^credentials written to' "$workdir/sandbox.log"; then
  echo "sandbox did not write credentials in time" >&2
  cat "$workdir/sandbox.log" >&2
  exit 1
fi

cd tests/interop
SANDBOX_URL="http://127.0.0.1:$port" SANDBOX_CREDS="$workdir/creds" node --test
