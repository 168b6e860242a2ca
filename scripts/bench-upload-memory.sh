#!/usr/bin/env bash
# BENCHMARKS §12c: the CLI's peak memory while it uploads one 2 GB file (sparse: no disk
# needed) into the sandbox, measured by GNU time (`/usr/bin/time -v`, "Maximum resident set
# size"). The sandbox runs as its own process (its memory holds the parts it receives, and is
# not counted). Prints the figure and, with --write, puts it in BENCHMARKS.md's §12c table.
# Usage: scripts/bench-upload-memory.sh [--no-build] [--write]
set -euo pipefail
cd "$(dirname "$0")/.."
build=1 write=0
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --write) write=1 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done
if [ "$build" = 1 ]; then
  # The same profile overrides as §12: a faster build, slightly slower code.
  export CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
  cargo build --release --locked -p metadesk-cli
  cargo build --release --locked -p metadesk-sandbox
fi
command -v /usr/bin/time >/dev/null || { echo "GNU time (/usr/bin/time) is needed: apt-get install time" >&2; exit 1; }

work=$(mktemp -d)
sandbox_pid=""
cleanup() {
  [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# AEM's own part sizes (10–100 MiB) and at most 50 URIs: a 2 GB file goes as 50 parts of 41 MiB.
target/release/metadesk-sandbox --port 0 --assets 5 --key-bits 1024 --processing-ms 200 \
  --write-credentials "$work/creds" >"$work/sandbox.out" 2>&1 &
sandbox_pid=$!
for _ in $(seq 1 100); do
  grep -q "listening on" "$work/sandbox.out" 2>/dev/null && break
  sleep 0.1
done
base=$(sed -n 's/^metadesk-sandbox listening on //p' "$work/sandbox.out")
[ -n "$base" ] || { cat "$work/sandbox.out" >&2; exit 1; }
folder=$(sed -n 's/^sample folder: //p' "$work/sandbox.out")

mkdir -p "$work/drop" "$work/home"
truncate -s 2G "$work/drop/big.mp4"
# A byte at each end: a file of zeros only would still be read whole.
printf 'a' | dd of="$work/drop/big.mp4" bs=1 seek=0 conv=notrunc status=none
printf 'z' | dd of="$work/drop/big.mp4" bs=1 seek=$((2 * 1024 * 1024 * 1024 - 1)) conv=notrunc status=none

# The credential's IMS is Adobe's (as a real one): its host on this computer is trusted by name.
host=${base#http://}
started=$(date +%s.%N)
METADESK_HOME="$work/home" /usr/bin/time -v -o "$work/time.txt" \
  target/release/metadesk-cli upload "$work/drop/big.mp4" --to "$folder" --yes \
  --aem "$base" --trust-host "$host" --file "$work/creds/local-development-token.json" \
  >"$work/cli.out" 2>&1 || { cat "$work/cli.out" >&2; grep -i "resident" "$work/time.txt" >&2; exit 1; }
ended=$(date +%s.%N)
rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
rss_mb=$((rss_kb / 1024))
secs=$(python3 -c "print(f'{$ended - $started:.1f}')")
grep -q "1 uploaded, 0 failed" "$work/cli.out" || { cat "$work/cli.out" >&2; exit 1; }
verdict=PASS
[ "$rss_mb" -lt 300 ] || verdict=FAIL
echo "2 GiB file uploaded in ${secs} s; the CLI's peak RSS: ${rss_mb} MB (bound 300 MB): $verdict"

if [ "$write" = 1 ]; then
  row="| upload of one 2 GiB file (sparse), the CLI's peak RSS | < 300 MB | ${rss_mb} MB | ${verdict} |"
  python3 - "$row" "$secs" <<'EOF'
import re, sys, datetime
row, secs = sys.argv[1], sys.argv[2]
path = "BENCHMARKS.md"
text = open(path, encoding="utf-8").read()
start = text.index("## 12c.")
end = text.find("\n## ", start + 1)
end = len(text) if end < 0 else end
section = text[start:end]
section = re.sub(r"^\| upload of one 2 GiB file.*$", row, section, flags=re.M)
section = re.sub(r"^- Measured: .*$", f"- Measured: {datetime.date.today()}, {secs} s for the whole upload (plan, SHA-1 read twice, 50 parts, processing).", section, flags=re.M)
open(path, "w", encoding="utf-8").write(text[:start] + section + text[end:])
EOF
fi
[ "$verdict" = PASS ]
