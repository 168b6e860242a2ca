#!/usr/bin/env bash
# Builds Metadesk's installers.
#
# Linux (the default), with the Tauri bundler (the CLI from ui/'s lockfile): a .deb and an .rpm,
# each holding the window (`metadesk`, with a desktop entry and icons) and the command line
# (`/usr/bin/metadesk-cli`). They land in target/release/bundle/. The bundler writes the .deb's
# files as data.tar.gz; this script recompresses them with xz, as Debian's own packages are
# (dpkg and apt have read it since 2010), which makes the download about a third smaller.
#
# Windows (--windows), cross-built here and bundled with Debian's NSIS and wixl
# (scripts/cross/windows.sh release, then scripts/windows-installer/build.sh): the release app
# and CLI for x86_64-pc-windows-gnu, then Metadesk_<version>_x64-setup.exe (per user) and
# Metadesk_<version>_x64_en-US.msi (per machine) in target/cross/x86_64-pc-windows-gnu/release/
# bundle/{nsis,msi}/, signed when METADESK_SIGN_PFX is set (build.sh says how). Offline: Tauri's
# own Windows bundlers download their tools, which this machine cannot.
#
# Usage: scripts/package.sh                        release build: .deb and .rpm
#        scripts/package.sh --bundles deb           only these (deb, rpm, appimage)
#        scripts/package.sh --bundles deb,appimage  the AppImage only when asked: see below
#        scripts/package.sh --windows               release build: setup.exe and MSI
#        scripts/package.sh [--windows] --debug --no-build
#                                                   bundle the debug binaries already built (the
#                                                   test commands' package checks do this)
#
# The AppImage needs linuxdeploy and its plugins, which the bundler downloads from GitHub on
# first use (into ~/.cache/tauri); where they are neither cached nor downloadable the step fails,
# the script says so and exits non-zero after the other packages are built. macOS (.app/.dmg) is
# built on a Mac with `npm run tauri -- build` in ui/ (see README, "Install").
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/session.sh

profile=release
bundles=deb,rpm
build=1
windows=0
while [ $# -gt 0 ]; do
  case "$1" in
    --debug) profile=debug ;;
    --bundles) bundles="$2"; shift ;;
    --no-build) build=0 ;;
    --windows) windows=1 ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
# The signing secrets reach the signing step only (scripts/windows-installer/build.sh, given
# them below): every build runs the build scripts of hundreds of dependencies, which can read
# whatever is in their environment. scripts/check-package.sh checks that no build step sees them.
sign_pfx="${METADESK_SIGN_PFX:-}"
sign_password="${METADESK_SIGN_PASSWORD:-}"
sign_timestamp_url="${METADESK_SIGN_TIMESTAMP_URL:-}"
unset METADESK_SIGN_PFX METADESK_SIGN_PASSWORD METADESK_SIGN_PASSFILE METADESK_SIGN_TIMESTAMP_URL

if [ "$windows" = 1 ]; then
  source scripts/cross/lib.sh
  packages=(nsis wixl imagemagick)
  [ -n "$sign_pfx" ] && packages+=(osslsigncode openssl)
  cross_install_packages "${packages[@]}"
  if [ "$build" = 1 ]; then
    [ "$profile" = release ] || { echo "--windows --debug needs --no-build (scripts/cross/windows.sh build makes the debug build)" >&2; exit 2; }
    step "building the Windows app and CLI (release)"
    bash scripts/cross/windows.sh release
  fi
  out="$CROSS_TARGET_DIR/x86_64-pc-windows-gnu/$profile"
  # The data folders and keychain entries the uninstaller removes on request: a debug build's
  # are apart from a release build's (crates/store/src/dirs.rs).
  data_profile=$(python3 -c 'import json; print(json.load(open("src-tauri/tauri.conf.json"))["identifier"])')
  compressor=lzma
  if [ "$profile" = debug ]; then data_profile="$data_profile.dev"; compressor=zlib; fi
  step "the Windows installers ($profile build)"
  METADESK_SIGN_PFX="$sign_pfx" METADESK_SIGN_PASSWORD="$sign_password" \
    METADESK_SIGN_TIMESTAMP_URL="$sign_timestamp_url" \
    bash scripts/windows-installer/build.sh --payload "$out" --out "$out/bundle" \
    --profile "$data_profile" --compressor "$compressor"
  setup=$(ls "$out"/bundle/nsis/*-setup.exe)
  # The download a user is sent: at most 20 MiB (issue 38).
  if [ "$profile" = release ] && [ "$(stat -c %s "$setup")" -gt $((20 * 1024 * 1024)) ]; then
    echo "$setup is $(du -h "$setup" | cut -f1), more than 20 MiB" >&2
    exit 1
  fi
  step "Windows installers"
  ls -l "$setup" "$out"/bundle/msi/*.msi
  exit 0
fi

debug_flag=(); cargo_profile=(--release)
if [ "$profile" = debug ]; then debug_flag=(--debug); cargo_profile=(); fi

target_dir=$(cargo metadata --format-version 1 --no-deps --locked |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
cli="$target_dir/$profile/metadesk-cli"
# The CLI rides in the packages as an extra file (bundle.linux.*.files): tauri.conf.json names the
# release binary under ./target; this names the one of this build, wherever the target folder is.
config=$(python3 -c '
import json, sys
files = {"/usr/bin/metadesk-cli": sys.argv[1]}
print(json.dumps({"bundle": {"linux": {k: {"files": files} for k in ("deb", "rpm", "appimage")}}}))' "$cli")

if [ "$build" = 1 ]; then
  step "building metadesk-cli ($profile)"
  cargo build --locked "${cargo_profile[@]}" -p metadesk-cli
  # `tauri build` builds the UI (beforeBuildCommand) and the app with tauri/custom-protocol,
  # then bundles.
  step "building the app ($profile) and its packages: ${bundles//,/ }"
else
  step "bundling the $profile binaries already built: ${bundles//,/ }"
fi
[ -x "$cli" ] || { echo "$cli is missing: build it first (cargo build -p metadesk-cli)" >&2; exit 1; }

# The AppImage is bundled last and on its own, so a failed download leaves the others built.
others=$(tr ',' '\n' <<<"$bundles" | grep -vx appimage | paste -sd, -)
tauri() { (cd ui && TAURI_APP_PATH=../src-tauri npm run --silent tauri -- "$@"); }
if [ -n "$others" ]; then
  if [ "$build" = 1 ]; then
    tauri build "${debug_flag[@]}" --ci --bundles "$others" --config "$config"
  else
    # --no-binary-patching: leave the test build's binary exactly as cargo made it.
    tauri bundle "${debug_flag[@]}" --ci --bundles "$others" --config "$config" --no-binary-patching
  fi
fi
# data.tar.gz → data.tar.xz, the members kept in dpkg's order. xz -9 for what is shipped; the
# debug package only exists to be checked, so it is compressed fast.
repack_deb_xz() {
  local deb=$1 dir level=-9
  [ "$profile" = debug ] && level=-0
  dir=$(mktemp -d)
  (
    cd "$dir"
    ar x "$deb"
    [ -f data.tar.gz ] || { echo "$deb has no data.tar.gz (members: $(ar t "$deb" | paste -sd' '))" >&2; exit 1; }
    gzip -dc data.tar.gz | xz "$level" -T2 -c >data.tar.xz
    ar rcD repacked.deb debian-binary control.tar.* data.tar.xz
    dpkg-deb --info repacked.deb >/dev/null
  ) || { rm -rf "$dir"; return 1; }
  mv "$dir/repacked.deb" "$deb"
  rm -rf "$dir"
}
if tr ',' '\n' <<<"$bundles" | grep -qx deb; then
  for deb in "$target_dir/$profile"/bundle/deb/*.deb; do
    step "recompressing $(basename "$deb") with xz"
    repack_deb_xz "$deb"
  done
fi

rc=0
if tr ',' '\n' <<<"$bundles" | grep -qx appimage; then
  step "bundling the AppImage"
  [ -e "${XDG_CACHE_HOME:-$HOME/.cache}/tauri/linuxdeploy-x86_64.AppImage" ] ||
    echo "linuxdeploy is not in ${XDG_CACHE_HOME:-$HOME/.cache}/tauri: the bundler will try to download it from GitHub"
  mode=bundle
  [ "$build" = 1 ] && [ -z "$others" ] && mode=build
  if ! tauri "$mode" "${debug_flag[@]}" --ci --bundles appimage --config "$config"; then
    cat >&2 <<'EOF'

The AppImage could not be built. Tauri's bundler downloads linuxdeploy and its GTK and AppImage
plugins from github.com the first time; without access to GitHub (this project's build machines
reach package registries only) no AppImage is produced. On a machine with internet access the
same command builds it.
EOF
    rc=1
  fi
fi

step "packages"
find "$target_dir/$profile/bundle" -maxdepth 2 -type f \( -name '*.deb' -o -name '*.rpm' -o -name '*.AppImage' \) \
  -exec ls -l {} \; 2>/dev/null || true
exit $rc
