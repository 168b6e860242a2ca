#!/usr/bin/env bash
# Checks the packages as a user would get them: builds a DEBUG .deb and .rpm from the binaries the
# test run already built (no second compile), then checks the .deb's control fields, its file
# list, that its Depends cover every library the two binaries link (as dpkg-shlibdeps computes
# them), and that the extracted binaries start: `metadesk-cli --version` answers and the window
# maps under Xvfb; and the .rpm's header (rpm -qp), that its Requires name every library the
# binaries link, its file list, and that rpm installs it into a scratch root with the same binaries.
# Part of scripts/test.sh; on its own: cargo build -p metadesk -p metadesk-cli && scripts/check-package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/session.sh

if [ "${1:-}" = "--window-inner" ]; then
  # Inside Xvfb and a private session: start the extracted app, wait for its window to map.
  app="$2"
  "$app" >"$METADESK_SESSION_ROOT/app.out" 2>&1 &
  pid=$!
  for _ in $(seq 600); do
    if wid=$(xdotool search --onlyvisible --name '^Metadesk$' 2>/dev/null | head -1) && [ -n "$wid" ]; then
      echo "window mapped: $(xwininfo -id "$wid" | grep -E 'Width|Height' | tr -s ' ' | paste -sd' ')"
      kill "$pid"; wait "$pid" 2>/dev/null || true
      exit 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "the packaged app did not map a window within 60 s; its output:" >&2
  cat "$METADESK_SESSION_ROOT/app.out" >&2
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  exit 1
fi

fail() { echo "package check: $*" >&2; exit 1; }

step "package: a debug .deb and .rpm from the test build"
work=$(mktemp -d -t metadesk-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT
# The bundler takes the binaries from the target folder: a scratch one with copies of the test
# build's binaries, their debug info left out (the same code, a quarter of the size, so the
# .deb compresses in seconds), and the test build itself left untouched.
mkdir -p "$work/target/debug"
for bin in metadesk metadesk-cli; do
  [ -x "target/debug/$bin" ] || fail "target/debug/$bin is missing (cargo build -p $bin)"
  objcopy --strip-debug "target/debug/$bin" "$work/target/debug/$bin"
done
# Every tool package.sh runs (cargo, npm and the Tauri CLI under it) goes through a shim that
# notes whether it could read a signing secret, given here as canaries: a build step never may
# (dependencies' build scripts run there), only the Windows signing step.
shims="$work/shims"
mkdir -p "$shims"
for tool in cargo npm; do
  real=$(command -v "$tool") || fail "$tool is not on PATH"
  cat >"$shims/$tool" <<EOF
#!/usr/bin/env bash
if env | grep -q '^METADESK_SIGN_'; then echo "$tool \$*" >>"$work/saw-signing-secrets"; fi
exec "$real" "\$@"
EOF
  chmod +x "$shims/$tool"
done
PATH="$shims:$PATH" METADESK_SIGN_PASSWORD=canary-password METADESK_SIGN_PFX="$work/canary.pfx" \
  METADESK_SIGN_PASSFILE="$work/canary-pass" CARGO_TARGET_DIR="$work/target" \
  bash scripts/package.sh --debug --no-build --bundles deb,rpm
[ ! -e "$work/saw-signing-secrets" ] ||
  fail "a build step could read the signing secrets (package.sh must keep them from it): $(paste -sd';' "$work/saw-signing-secrets")"
deb=$(ls "$work"/target/debug/bundle/deb/*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "the bundler produced no .deb"
echo "$(basename "$deb") ($(du -h "$deb" | cut -f1), debug build)"

step "package: control fields"
field() { dpkg-deb -f "$deb" "$1"; }
dpkg-deb -I "$deb" control
[ "$(field Package)" = metadesk ] || fail "Package is '$(field Package)', not metadesk"
[[ "$(field Maintainer)" =~ ^[^\<]+\ \<[^@\>]+@[^\>]+\>$ ]] || fail "Maintainer '$(field Maintainer)' is not 'Name <address>'"
[[ "$(field Recommends)" == *gnome-keyring* ]] || fail "Recommends does not name gnome-keyring (a Secret Service provider)"
# A long description: the synopsis line, then at least one continuation line.
[ "$(field Description | wc -l)" -ge 2 ] || fail "the Description has no long description"
depends=$(field Depends)
# The files as xz (package.sh recompresses the bundler's gzip: a third smaller).
ar t "$deb" | grep -qx data.tar.xz || fail "the .deb's files are not xz-compressed: $(ar t "$deb" | paste -sd' ')"

step "package: Depends cover what the binaries link"
dpkg-deb -x "$deb" "$work/root"
mkdir -p "$work/shlibs/debian"
printf 'Source: metadesk\n\nPackage: metadesk\nArchitecture: any\n' >"$work/shlibs/debian/control"
needed=$(cd "$work/shlibs" && dpkg-shlibdeps -O "$work/root/usr/bin/metadesk" "$work/root/usr/bin/metadesk-cli" 2>/dev/null |
  sed -n 's/^shlibs:Depends=//p' | tr ',' '\n' | sed 's/^ *//; s/ .*//' | sort -u)
[ -n "$needed" ] || fail "dpkg-shlibdeps found no libraries (did it run?)"
for pkg in $needed; do
  grep -Eq "(^|, )$pkg( |,|$)" <<<"$depends" || fail "the binaries link a library of $pkg, which Depends does not name: $depends"
done
echo "Depends name all of: $(echo $needed)"

step "package: file list"
# Regular files only (not folders), as absolute paths.
files=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $NF}' | sed 's#^\./##; s#^#/#')
wanted=(/usr/bin/metadesk /usr/bin/metadesk-cli /usr/share/applications/Metadesk.desktop
        /usr/share/icons/hicolor/32x32/apps/metadesk.png /usr/share/icons/hicolor/128x128/apps/metadesk.png)
for want in "${wanted[@]}"; do
  grep -qx "$want" <<<"$files" || { echo "$files" >&2; fail "$want is not in the package"; }
done
[ -x "$work/root/usr/bin/metadesk-cli" ] || fail "/usr/bin/metadesk-cli is not executable"
grep -qx 'Exec=metadesk' "$work/root/usr/share/applications/Metadesk.desktop" \
  || fail "the desktop entry does not start metadesk: $(cat "$work/root/usr/share/applications/Metadesk.desktop")"
echo "$files"

step "package: the .rpm"
rpm=$(ls "$work"/target/debug/bundle/rpm/*.rpm 2>/dev/null | head -1)
[ -n "$rpm" ] || fail "the bundler produced no .rpm"
echo "$(basename "$rpm") ($(du -h "$rpm" | cut -f1), debug build)"
rpm -qip "$rpm"
qf() { rpm -qp --qf "$1" "$rpm"; }
[ "$(qf '%{NAME}')" = metadesk ] || fail "the .rpm's Name is '$(qf '%{NAME}')', not metadesk"
[ "$(qf '%{VERSION}')" = "$(field Version)" ] || fail "the .rpm's Version $(qf '%{VERSION}') is not the .deb's $(field Version)"
[ "$(qf '%{DESCRIPTION}' | wc -l)" -ge 2 ] || fail "the .rpm has no long description"
rpm -qp --recommends "$rpm" | grep -qx gnome-keyring || fail "the .rpm does not recommend gnome-keyring"
# RPM names libraries as rpmbuild's dependency generator does: 'SONAME()(64bit)'. Every library the
# two binaries link must be required by name, so dnf installs what they need.
requires=$(rpm -qp --requires "$rpm")
for soname in $(readelf -d "$work/root/usr/bin/metadesk" "$work/root/usr/bin/metadesk-cli" |
                  sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u); do
  grep -qxF "$soname()(64bit)" <<<"$requires" ||
    fail "the binaries link $soname, which the .rpm's Requires does not name (bundle.linux.rpm.depends): $(echo $requires)"
done
rpm_files=$(rpm -qpl "$rpm")
for want in "${wanted[@]}"; do
  grep -qx "$want" <<<"$rpm_files" || { echo "$rpm_files" >&2; fail "$want is not in the .rpm"; }
done
rpm -K "$rpm" || fail "the .rpm's digests do not match its contents"
# Installed as dnf would, into a scratch root (its own rpm database; --nodeps: this Debian
# machine's rpm database knows none of the libraries), which unpacks every file of the payload.
mkdir "$work/rpmroot"
rpm --root "$work/rpmroot" --dbpath /rpmdb --nodeps --noscripts -i "$rpm" 2>&1 |
  grep -v -e 'use Alien instead' -e 'assuming you know what you are doing' || true
[ -e "$work/rpmroot/rpmdb" ] && rpm --root "$work/rpmroot" --dbpath /rpmdb -q metadesk >/dev/null ||
  fail "rpm could not install the .rpm into a scratch root"
for bin in metadesk metadesk-cli; do
  cmp -s "$work/rpmroot/usr/bin/$bin" "$work/root/usr/bin/$bin" || fail "the .rpm's /usr/bin/$bin is not the .deb's"
done
[ -x "$work/rpmroot/usr/bin/metadesk-cli" ] || fail "the .rpm's /usr/bin/metadesk-cli is not executable"
echo "Requires name every linked library; files and binaries as in the .deb"

step "package: the extracted binaries start"
version=$("$work/root/usr/bin/metadesk-cli" --version)
[ "$version" = "metadesk-cli $(field Version)" ] || fail "metadesk-cli --version said '$version'"
echo "$version"
xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" \
  bash -c 'source scripts/lib/session.sh; private_session bash scripts/check-package.sh --window-inner "$0"' \
  "$work/root/usr/bin/metadesk"
