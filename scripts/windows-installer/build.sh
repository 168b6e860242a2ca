#!/usr/bin/env bash
# Builds Metadesk's two Windows installers from a folder of Windows binaries (metadesk.exe,
# metadesk-cli.exe, WebView2Loader.dll), offline, with Debian's tools:
#   OUT/nsis/Metadesk_<version>_x64-setup.exe  per user, no administrator prompt (makensis,
#                                              metadesk.nsi)
#   OUT/msi/Metadesk_<version>_x64_en-US.msi   per machine, for IT (wixl, metadesk.wxs)
# and prints their paths. scripts/package.sh --windows runs it on the release build; the test
# command's installer check (scripts/cross/windows/installers.sh) on the debug build.
#
# Usage: build.sh --payload DIR --out DIR --profile NAME [--version V] [--compressor lzma|zlib]
#   --profile     the name of the app's data folders and Credential Manager entries that the
#                 uninstaller's "also remove my data" removes (com.metadesk.desktop for a release
#                 build, com.metadesk.desktop.dev for a debug one: crates/store/src/dirs.rs)
#   --version     the version the installers carry (default: tauri.conf.json's)
#   --compressor  lzma (default: the smallest download) or zlib (seconds instead of minutes)
#
# Signing (Authenticode, with osslsigncode): when METADESK_SIGN_PFX names a PKCS#12 file (.pfx:
# certificate and private key) and METADESK_SIGN_PASSWORD holds its password (empty or unset when
# it has none), the binaries, the uninstaller inside the setup.exe, the setup.exe and the MSI are
# signed; METADESK_SIGN_TIMESTAMP_URL adds a timestamp from that server (without one a signature
# stops being valid when the certificate expires). Without METADESK_SIGN_PFX nothing is signed.
# The file is checked before anything is built; nothing is written when it cannot be used.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

fail() { echo "windows installers: $*" >&2; exit 2; }

# Signs one file in place (also what makensis calls for the uninstaller: `build.sh sign-file F`).
# Reads the password from the file $METADESK_SIGN_PASSFILE that main() writes, never from the
# command line (which other users of the machine can see).
sign_file() {
  local file="$1" ts=()
  [ -n "${METADESK_SIGN_TIMESTAMP_URL:-}" ] && ts=(-ts "$METADESK_SIGN_TIMESTAMP_URL")
  osslsigncode sign -pkcs12 "$METADESK_SIGN_PFX" -readpass "$METADESK_SIGN_PASSFILE" \
    -h sha256 -n "Metadesk" "${ts[@]}" -in "$file" -out "$file.signed" >/dev/null ||
    { rm -f "$file.signed"; fail "osslsigncode could not sign $file"; }
  mv "$file.signed" "$file"
}

if [ "${1:-}" = sign-file ]; then
  sign_file "$2"
  exit 0
fi

payload="" out="" profile="" version="" compressor=lzma
while [ $# -gt 0 ]; do
  case "$1" in
    --payload) payload="$2"; shift ;;
    --out) out="$2"; shift ;;
    --profile) profile="$2"; shift ;;
    --version) version="$2"; shift ;;
    --compressor) compressor="$2"; shift ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) fail "unknown option: $1 (see --help)" ;;
  esac
  shift
done
[ -n "$payload" ] && [ -n "$out" ] && [ -n "$profile" ] || fail "--payload, --out and --profile are required (see --help)"
# makensis and wixl each run from another folder.
payload=$(realpath -m "$payload")
out=$(realpath -m "$out")
case "$compressor" in lzma|zlib) ;; *) fail "--compressor is lzma or zlib, not '$compressor'" ;; esac
files=(metadesk.exe metadesk-cli.exe WebView2Loader.dll)
for f in "${files[@]}"; do
  [ -f "$payload/$f" ] || fail "$payload/$f is missing (build the Windows app and CLI first)"
done

# What the installers say about the product, from the app's Tauri configuration.
eval "$(python3 - "$root/src-tauri/tauri.conf.json" <<'PY'
import json, shlex, sys
c = json.load(open(sys.argv[1], encoding="utf-8"))
b = c["bundle"]
for k, v in {"conf_version": c["version"], "publisher": b["publisher"],
             "copyright": b["copyright"], "description": b["shortDescription"]}.items():
    print(f"{k}={shlex.quote(v)}")
PY
)"
version="${version:-$conf_version}"
# Windows wants four numbers (the file's version resource) and MSI three: 0.1.0-beta.2 → 0.1.0.
[[ "$version" =~ ^([0-9]+)\.([0-9]+)\.([0-9]+) ]] || fail "version '$version' does not start with three numbers"
numeric="${BASH_REMATCH[0]}"

work=$(mktemp -d -t metadesk-wininst.XXXXXX)
trap 'rm -rf "$work"' EXIT

sign_env=()
if [ -n "${METADESK_SIGN_PFX:-}" ]; then
  [ -f "$METADESK_SIGN_PFX" ] || fail "METADESK_SIGN_PFX names $METADESK_SIGN_PFX, which is not a file"
  METADESK_SIGN_PFX="$(realpath "$METADESK_SIGN_PFX")"
  export METADESK_SIGN_PFX
  command -v osslsigncode >/dev/null || fail "signing needs osslsigncode (Debian package osslsigncode)"
  ( umask 077; printf '%s' "${METADESK_SIGN_PASSWORD:-}" >"$work/pass" )
  # OpenSSL 3 reads older .pfx files (RC2-encrypted) only with -legacy.
  if ! openssl pkcs12 -in "$METADESK_SIGN_PFX" -passin "file:$work/pass" -noout 2>/dev/null &&
     ! openssl pkcs12 -legacy -in "$METADESK_SIGN_PFX" -passin "file:$work/pass" -noout 2>/dev/null; then
    fail "METADESK_SIGN_PFX ($METADESK_SIGN_PFX) cannot be opened with METADESK_SIGN_PASSWORD: a wrong password, or not a PKCS#12 (.pfx) file"
  fi
  export METADESK_SIGN_PASSFILE="$work/pass"
  # From here on the password is read from that file only: makensis and wixl need not see it.
  unset METADESK_SIGN_PASSWORD
  sign_env=(-DSIGN_UNINSTALLER="bash \"$here/build.sh\" sign-file \"%1\"")
  [ -n "${METADESK_SIGN_TIMESTAMP_URL:-}" ] ||
    echo "windows installers: signing without a timestamp (METADESK_SIGN_TIMESTAMP_URL): the signature stops being valid when the certificate expires"
fi

# wixl takes relative source paths only: everything the installers hold goes into one folder.
stage="$work/stage"
mkdir -p "$stage/payload"
cp "${files[@]/#/$payload/}" "$stage/payload/"
cp "$root/icons/icon.ico" "$stage/icon.ico"
# The picture beside the welcome and finish pages (164 x 314, as Modern UI wants): the app's
# icon on its colours, instead of NSIS's own picture.
convert -size 164x314 gradient:'#0f766e'-'#1e3a8a' \
  \( "$root/icons/128x128.png" -resize 96x96 \) -gravity north -geometry +0+56 -composite \
  -type TrueColor BMP3:"$stage/welcome.bmp"
if [ -n "${METADESK_SIGN_PFX:-}" ]; then
  # Not WebView2Loader.dll: it is Microsoft's, signed by Microsoft (webview2-com-sys ships it).
  for f in metadesk.exe metadesk-cli.exe; do sign_file "$stage/payload/$f"; done
fi

setup="$out/nsis/Metadesk_${version}_x64-setup.exe"
msi="$out/msi/Metadesk_${version}_x64_en-US.msi"
mkdir -p "$(dirname "$setup")" "$(dirname "$msi")"
rm -f "$setup" "$msi"

echo "==> NSIS: $(basename "$setup") ($compressor)"
makensis -INPUTCHARSET UTF8 -V2 -WX \
  -DVERSION="$version" -DVERSION4="$numeric.0" -DPUBLISHER="$publisher" -DCOPYRIGHT="$copyright" \
  -DDESCRIPTION="$description" -DPAYLOAD="$stage/payload" -DICON="$stage/icon.ico" -DWELCOME="$stage/welcome.bmp" \
  -DPROFILE="$profile" -DOUTFILE="$setup" -DCOMPRESSOR="$compressor" "${sign_env[@]}" \
  "$here/metadesk.nsi"

echo "==> MSI: $(basename "$msi")"
(cd "$stage" && wixl -a x64 -D Version="$numeric" -D Publisher="$publisher" \
  -D Description="$description" -D Payload=payload -D Icon=icon.ico -o "$msi" "$here/metadesk.wxs")

if [ -n "${METADESK_SIGN_PFX:-}" ]; then
  sign_file "$setup"
  sign_file "$msi"
  echo "==> signed with $(basename "$METADESK_SIGN_PFX")"
fi
ls -l "$setup" "$msi"
