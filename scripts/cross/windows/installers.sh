# The Windows installers checked as a user and an IT department would use them, under Wine
# (`scripts/cross/windows.sh package`, part of scripts/test-cross.sh). Sourced by windows.sh
# (it uses its TARGET, OUT, WINEPREFIX and wine_prefix); defines functions only.
#
# The installers are made by the README's package command (scripts/package.sh --windows --debug
# --no-build) from the debug build the tests run, their debug info stripped (as the Linux package
# check does), and signed with a throw-away certificate made here. In a Wine prefix of their own,
# recreated on every run, with Xvfb for the parts that show a window:
#   - refused signing inputs (no such file, a wrong password, not a .pfx) stop the build with
#     the reason, and nothing is written;
#   - the setup.exe and MSI are 64-bit, named as the README says, and their signatures verify;
#   - the setup.exe says WebView2 is missing and opens Microsoft's page when asked (and says
#     nothing where the runtime is registered);
#   - an older setup.exe (/S /ADDTOPATH /DESKTOPSHORTCUT), then this one over it (/S): one
#     install, upgraded in place, with the earlier choices kept; files, signatures, shortcuts,
#     the "Installed apps" entry, the PATH entry;
#   - the installed CLI against the sandbox: a connection into Credential Manager, a bulk edit,
#     exactly the folder's assets changed;
#   - the installed app, without WebView2, shows the native message box and opens the page;
#   - the uninstaller named by the entry (/S): only the user's data is left, the PATH is as it
#     was; a reinstall finds the earlier run and connection; /S /REMOVEDATA removes that data
#     and only Metadesk's Credential Manager entries;
#   - an older MSI, then this one (msiexec /i /qn): one product, upgraded; the older one then
#     refused; msiexec /x removes it.
# Screenshots of the windows go to artifacts/windows/.

# The prefix the installers go into (never the tests' one), made anew by each run.
INSTALL_PREFIX="$CROSS_TARGET_DIR/wine-install"
source scripts/lib/session.sh # free_port
# Data folders and Credential Manager entries of a debug build (crates/store/src/dirs.rs).
DEBUG_PROFILE=com.metadesk.desktop.dev
UNINSTALL_KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Metadesk'
WEBVIEW2_KEY='HKCU\Software\Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}'
WEBVIEW2_PAGE=https://developer.microsoft.com/microsoft-edge/webview2/
# The user's PATH before Metadesk: what every uninstall must leave exactly.
SEEDED_PATH='C:\Tools;%USERPROFILE%\bin'

installer_fail() {
  echo "installer check: $*" >&2
  exit 1
}

# wine in the install prefix, its output without carriage returns; no menu entries on this
# Linux desktop (winemenubuilder).
iwine() {
  WINEPREFIX="$INSTALL_PREFIX" WINEDLLOVERRIDES="winemenubuilder.exe=d" wine "$@" | tr -d '\r'
  return "${PIPESTATUS[0]}"
}
# The Unix path of a Windows path in the install prefix.
iunix() { WINEPREFIX="$INSTALL_PREFIX" winepath -u "$1" 2>/dev/null; }
# A registry value's data ("" when it is missing): reg_value KEY NAME
reg_value() {
  iwine reg query "$1" /v "$2" 2>/dev/null | sed -n "s/^ *$2 *REG_[A-Z_]* *//p" | head -n 1 || true
}
# Whether the registry entry $1 says this build's version.
says_version() { [ "$(reg_value "$1" DisplayVersion)" = "$VERSION" ]; }
reg_key_exists() { iwine reg query "$1" >/dev/null 2>&1; }
# Waits for the installer's or uninstaller's processes (the uninstaller runs from a copy in
# %TEMP%, so wine returns before it is done).
iwait() { WINEPREFIX="$INSTALL_PREFIX" wineserver --wait; }

# Polls `$@` every 0.2 s for up to $1 seconds; false when it never succeeds.
wait_until() {
  local secs="$1" i
  shift
  for i in $(seq $((secs * 5))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  return 1
}

# The id of a visible window whose title matches $1, printed; fails when there is none.
window_named() { xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n 1 | grep .; }

# Whether Setup's window is up, or setup.exe (pid $1) has ended without one.
setup_shown_or_gone() { window_named '^Metadesk Setup$' || ! kill -0 "$1"; }

# Waits for Setup's window while setup.exe (pid $1, Wine's messages in $2) runs: a machine
# busy with the other test command can take Wine more than a minute to start. Fails at once
# when it ended without a window, else after 5 minutes, with what Wine said.
setup_window() {
  wait_until 300 setup_shown_or_gone "$1" || true
  window_named '^Metadesk Setup$' >/dev/null ||
    installer_fail "setup.exe showed no window ($(kill -0 "$1" 2>/dev/null && echo 'waited 300 s' || echo 'it ended')): $(tail -n 5 "$2")"
}

# Ends the prefix's Wine server and waits until it has ended, so that the next `wine` starts
# a server of its own rather than meet one still going away.
end_wineserver() {
  WINEPREFIX="$INSTALL_PREFIX" wineserver -k 2>/dev/null || true
  WINEPREFIX="$INSTALL_PREFIX" timeout 60 wineserver -w 2>/dev/null || true
}

check_installers() {
  CHECK_WORK=$(mktemp -d -t metadesk-installers.XXXXXX)
  VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)
  XVFB_PID="" SANDBOX_PID=""
  trap installers_cleanup EXIT
  mkdir -p artifacts/windows
  build_installers
  fresh_install_prefix
  start_xvfb
  installer_offers_webview2
  setup_upgrades_in_place
  installed_cli_against_sandbox
  app_explains_missing_webview2
  uninstall_keeps_data
  reinstall_finds_data
  uninstall_removes_data
  check_msi
  installers_cleanup
  trap - EXIT
  # 0.7 GB; a failed run leaves it to look into.
  rm -rf "$INSTALL_PREFIX"
}

# SETUP and MSI from the README's package command, signed with a throw-away certificate, after
# the refused signing inputs; OLD_SETUP and OLD_MSI, an older version to upgrade from.
build_installers() {
  local started pass payload="$CHECK_WORK/cross/$TARGET/debug"
  echo "==> installers: the payload (the debug build, stripped)"
  mkdir -p "$payload"
  for f in metadesk.exe metadesk-cli.exe; do
    [ -f "$OUT/$f" ] || installer_fail "$OUT/$f is missing: run scripts/cross/windows.sh build first"
    x86_64-w64-mingw32-strip --strip-all -o "$payload/$f" "$OUT/$f"
  done
  cp "$OUT/WebView2Loader.dll" "$payload/"

  echo "==> installers: signing inputs that cannot be used are refused before anything is built"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$CHECK_WORK/key.pem" -out "$CHECK_WORK/cert.pem" \
    -days 2 -subj "/CN=Metadesk throw-away test signing" -addext extendedKeyUsage=codeSigning 2>/dev/null
  pass=$(openssl rand -hex 16)
  openssl pkcs12 -export -inkey "$CHECK_WORK/key.pem" -in "$CHECK_WORK/cert.pem" \
    -out "$CHECK_WORK/test.pfx" -passout "pass:$pass"
  expect_refused "which is not a file" "$CHECK_WORK/missing.pfx" "$pass"
  expect_refused "cannot be opened with METADESK_SIGN_PASSWORD" "$CHECK_WORK/test.pfx" "not-$pass"
  expect_refused "cannot be opened with METADESK_SIGN_PASSWORD" "$CHECK_WORK/cert.pem" "$pass"

  echo "==> installers: built by scripts/package.sh --windows, signed with a throw-away certificate"
  started=$(date +%s)
  CROSS_TARGET_DIR="$CHECK_WORK/cross" METADESK_SIGN_PFX="$CHECK_WORK/test.pfx" METADESK_SIGN_PASSWORD="$pass" \
    bash scripts/package.sh --windows --debug --no-build
  SETUP="$payload/bundle/nsis/Metadesk_${VERSION}_x64-setup.exe"
  MSI="$payload/bundle/msi/Metadesk_${VERSION}_x64_en-US.msi"
  [ -f "$SETUP" ] || installer_fail "no $(basename "$SETUP") in $(dirname "$SETUP"): $(ls "$(dirname "$SETUP")" 2>&1)"
  [ -f "$MSI" ] || installer_fail "no $(basename "$MSI") in $(dirname "$MSI"): $(ls "$(dirname "$MSI")" 2>&1)"
  file -b "$SETUP" | grep -q '^PE32+ executable (GUI) x86-64' || installer_fail "the setup.exe is $(file -b "$SETUP")"
  msiinfo suminfo "$MSI" | grep -qx 'Template: x64;1033' || installer_fail "the MSI is not an x64 package: $(msiinfo suminfo "$MSI")"
  verify_signed "$SETUP"
  verify_signed "$MSI"
  # Unsigned: signing is checked above.
  bash scripts/windows-installer/build.sh --payload "$payload" --out "$CHECK_WORK/old" \
    --profile "$DEBUG_PROFILE" --version 0.0.0 --compressor zlib >/dev/null
  OLD_SETUP="$CHECK_WORK/old/nsis/Metadesk_0.0.0_x64-setup.exe"
  OLD_MSI="$CHECK_WORK/old/msi/Metadesk_0.0.0_x64_en-US.msi"
  echo "built in $(cross_elapsed "$started"): $(basename "$SETUP") $(du -h "$SETUP" | cut -f1)," \
    "$(basename "$MSI") $(du -h "$MSI" | cut -f1) (debug build), and version 0.0.0 of both"
}

# A new prefix for the installers, with another program's credential and a user PATH of its own
# in it, and links opened going to a script instead of a browser (CHECK_WORK/browser.log).
fresh_install_prefix() {
  local started link src=scripts/cross/windows/credtool.c
  echo "==> installers: a fresh Wine prefix"
  started=$(date +%s)
  rm -rf "$INSTALL_PREFIX"
  wine_prefix "$INSTALL_PREFIX"
  # The user's folders as folders of the prefix, not links into this machine's home (Wine links
  # Desktop, Documents… to $HOME): the desktop shortcut must land where the check looks.
  for link in "$INSTALL_PREFIX"/drive_c/users/*/*; do
    if [ -L "$link" ]; then rm "$link" && mkdir "$link"; fi
  done
  printf '#!/bin/sh\nprintf "%%s\\n" "$*" >>"%s"\n' "$CHECK_WORK/browser.log" >"$CHECK_WORK/browser"
  chmod +x "$CHECK_WORK/browser"
  iwine reg add 'HKCU\Software\Wine\WineBrowser' /v Browsers /d "$CHECK_WORK/browser" /f >/dev/null
  iwine reg add 'HKCU\Environment' /v Path /t REG_EXPAND_SZ /d "$SEEDED_PATH" /f >/dev/null
  CREDTOOL="$CROSS_TARGET_DIR/wine/credtool.exe"
  if [ ! -f "$CREDTOOL" ] || [ "$src" -nt "$CREDTOOL" ]; then
    x86_64-w64-mingw32-gcc -O2 -municode -o "$CREDTOOL" "$src" -ladvapi32
  fi
  iwine "$CREDTOOL" add other-app.example kept >/dev/null || installer_fail "credtool could not add a credential"
  APPDATA_DIR=$(iunix "$(iwine cmd /c echo %APPDATA%)")
  LOCALAPPDATA_DIR=$(iunix "$(iwine cmd /c echo %LOCALAPPDATA%)")
  DESKTOP_DIR="$(iunix "$(iwine cmd /c echo %USERPROFILE%)")/Desktop"
  START_MENU="$APPDATA_DIR/Microsoft/Windows/Start Menu/Programs"
  INSTDIR="$LOCALAPPDATA_DIR/Programs/Metadesk"
  INSTDIR_WIN="$(iwine cmd /c echo %LOCALAPPDATA%)\Programs\Metadesk"
  echo "prefix ready in $(cross_elapsed "$started")"
}

setup_upgrades_in_place() {
  local started
  echo "==> installers: an older setup.exe, then this one over it (silent)"
  started=$(date +%s)
  iwine "$OLD_SETUP" /S /ADDTOPATH /DESKTOPSHORTCUT || installer_fail "the older setup.exe /S exited $?"
  iwait
  [ "$(reg_value "$UNINSTALL_KEY" DisplayVersion)" = 0.0.0 ] ||
    installer_fail "the older version's entry says $(reg_value "$UNINSTALL_KEY" DisplayVersion)"
  iwine "$SETUP" /S || installer_fail "setup.exe /S exited $?"
  iwait
  check_installed
  echo "installed and upgraded in $(cross_elapsed "$started")"
}

uninstall_keeps_data() {
  echo "==> installers: uninstalled as Installed apps does it (silent): the user's data stays"
  run_uninstall_string
  check_removed
  [ -f "$APPDATA_DIR/$DEBUG_PROFILE/runs/$RUN_ID.jsonl" ] ||
    installer_fail "the uninstaller removed the run's journal ($APPDATA_DIR/$DEBUG_PROFILE/runs/$RUN_ID.jsonl)"
  secrets | grep -q "\.$DEBUG_PROFILE\$" || installer_fail "the connection's secrets left Credential Manager: $(secrets)"
  echo "only the user's data is left: $(cd "$APPDATA_DIR" && find "$DEBUG_PROFILE" -maxdepth 2 | sort | paste -sd' ')"
}

reinstall_finds_data() {
  local runs
  echo "==> installers: installed again, the earlier run and connection are there"
  iwine "$SETUP" /S || installer_fail "setup.exe /S (again) exited $?"
  iwait
  runs=$(iwine "$INSTDIR_WIN\\metadesk-cli.exe" runs list) || installer_fail "runs list failed: $runs"
  grep -qF "$RUN_ID" <<<"$runs" || installer_fail "the reinstalled CLI does not list the earlier run $RUN_ID: $runs"
  iwine "$INSTDIR_WIN\\metadesk-cli.exe" connections test wine >/dev/null ||
    installer_fail "the earlier connection does not work after a reinstall (its secret in Credential Manager)"
  echo "run $RUN_ID and connection 'wine' found"
}

uninstall_removes_data() {
  echo "==> installers: uninstalled with /REMOVEDATA: the user's data goes too"
  run_uninstall_string /REMOVEDATA
  check_removed
  [ ! -e "$APPDATA_DIR/$DEBUG_PROFILE" ] || installer_fail "$APPDATA_DIR/$DEBUG_PROFILE is still there"
  [ ! -e "$LOCALAPPDATA_DIR/$DEBUG_PROFILE" ] || installer_fail "$LOCALAPPDATA_DIR/$DEBUG_PROFILE is still there"
  [ "$(secrets | grep -c "\.$DEBUG_PROFILE\$")" = 0 ] || installer_fail "Metadesk's secrets are still in Credential Manager: $(secrets)"
  secrets | grep -qx other-app.example || installer_fail "another program's credential was removed: $(secrets)"
  echo "data folders and $DEBUG_PROFILE secrets gone; other-app.example kept"
}

# The build refuses METADESK_SIGN_PFX $2 with password $3, saying $1, and writes nothing.
expect_refused() {
  local want="$1" pfx="$2" password="$3" out
  if out=$(CROSS_TARGET_DIR="$CHECK_WORK/cross" METADESK_SIGN_PFX="$pfx" METADESK_SIGN_PASSWORD="$password" \
    bash scripts/package.sh --windows --debug --no-build 2>&1); then
    installer_fail "the build accepted METADESK_SIGN_PFX=$pfx: $out"
  fi
  grep -qF "$want" <<<"$out" || installer_fail "refusing $pfx, the build did not say '$want': $out"
  ! grep -qF -- "$password" <<<"$out" || installer_fail "the refusal shows the password: $out"
  if [ -n "$(find "$CHECK_WORK/cross" -path '*/bundle/*' -type f 2>/dev/null)" ]; then
    installer_fail "refusing $pfx, the build still wrote installers"
  fi
  echo "refused: $(tail -n 1 <<<"$out")"
}

verify_signed() {
  osslsigncode verify -CAfile "$CHECK_WORK/cert.pem" -in "$1" >"$CHECK_WORK/verify.log" 2>&1 ||
    installer_fail "$(basename "$1") is not signed by the test certificate: $(tail -n 3 "$CHECK_WORK/verify.log")"
}

# The generic credentials in the prefix's Credential Manager, one a line.
secrets() { iwine "$CREDTOOL" list; }

start_xvfb() {
  Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3>"$CHECK_WORK/display" 2>"$CHECK_WORK/xvfb.log" &
  XVFB_PID=$!
  wait_until 10 test -s "$CHECK_WORK/display" ||
    installer_fail "Xvfb did not start in 10 s: $(cat "$CHECK_WORK/xvfb.log")"
  export DISPLAY=":$(cat "$CHECK_WORK/display")"
}

# Ends what the check started (each step on its own: under `set -e` a step that finds nothing
# to end must not skip the others).
installers_cleanup() {
  if [ -n "${SANDBOX_PID:-}" ]; then kill "$SANDBOX_PID" 2>/dev/null || true; fi
  end_wineserver
  if [ -n "${XVFB_PID:-}" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi
  SANDBOX_PID="" XVFB_PID=""
  unset DISPLAY
  rm -rf "${CHECK_WORK:-/nonexistent}"
}

# Setup's window opens with the WebView2 advice where the runtime is missing; "Yes" opens
# Microsoft's page. Where it is registered, Setup goes straight to its welcome page.
installer_offers_webview2() {
  local pid wid trace="$CHECK_WORK/msgbox.log"
  echo "==> installers: setup.exe without WebView2 says so and offers Microsoft's page"
  : >"$CHECK_WORK/browser.log"
  WINEPREFIX="$INSTALL_PREFIX" WINEDLLOVERRIDES="winemenubuilder.exe=d" WINEDEBUG=-all,trace+msgbox \
    wine "$SETUP" 2>"$trace" &
  pid=$!
  setup_window "$pid" "$trace"
  wait_until 10 grep -q 'WebView2 Runtime, which this computer does not have' "$trace" ||
    installer_fail "setup.exe showed no message (waited 10 s)"
  import -window root artifacts/windows/setup-webview2-missing.png
  wid=$(window_named '^Metadesk Setup$')
  xdotool windowfocus --sync "$wid" key Return # Yes
  wait_until 20 grep -qxF "$WEBVIEW2_PAGE" "$CHECK_WORK/browser.log" ||
    installer_fail "Yes did not open $WEBVIEW2_PAGE (waited 20 s)"
  kill "$pid" 2>/dev/null || true
  end_wineserver
  echo "the message box showed; Yes opened $(cat "$CHECK_WORK/browser.log")"

  iwine reg add "$WEBVIEW2_KEY" /v pv /d 120.0.2210.91 /f >/dev/null
  WINEPREFIX="$INSTALL_PREFIX" WINEDLLOVERRIDES="winemenubuilder.exe=d" WINEDEBUG=-all,trace+msgbox \
    wine "$SETUP" 2>"$trace" &
  pid=$!
  setup_window "$pid" "$trace"
  sleep 2
  import -window root artifacts/windows/setup-welcome.png
  ! grep -q 'trace:msgbox' "$trace" || installer_fail "setup.exe asked about WebView2 though it is registered: $(cat "$trace")"
  kill "$pid" 2>/dev/null || true
  end_wineserver
  iwine reg delete "$WEBVIEW2_KEY" /f >/dev/null
  echo "with WebView2 registered, no message: straight to the welcome page"
}

# The install as it must be after installing this version over an older one given the desktop
# shortcut and the PATH entry.
check_installed() {
  local f listed size estimated path said
  listed=$(cd "$INSTDIR" 2>/dev/null && ls | sort | paste -sd' ')
  [ "$listed" = "WebView2Loader.dll metadesk-cli.exe metadesk.exe uninstall.exe" ] ||
    installer_fail "the install folder $INSTDIR holds: $listed"
  for f in metadesk.exe metadesk-cli.exe uninstall.exe; do verify_signed "$INSTDIR/$f"; done
  [ -f "$START_MENU/Metadesk.lnk" ] || installer_fail "no Start-menu shortcut in $START_MENU: $(ls "$START_MENU")"
  strings -a "$START_MENU/Metadesk.lnk" | grep -qxF "$INSTDIR_WIN\\metadesk.exe" ||
    installer_fail "the Start-menu shortcut does not start $INSTDIR_WIN\\metadesk.exe: $(strings -a "$START_MENU/Metadesk.lnk")"
  [ -f "$DESKTOP_DIR/Metadesk.lnk" ] ||
    installer_fail "the desktop shortcut chosen by the older version's install is gone after the upgrade"
  [ "$(reg_value "$UNINSTALL_KEY" DisplayName)" = Metadesk ] || installer_fail "DisplayName: $(reg_value "$UNINSTALL_KEY" DisplayName)"
  [ "$(reg_value "$UNINSTALL_KEY" DisplayVersion)" = "$VERSION" ] ||
    installer_fail "DisplayVersion is '$(reg_value "$UNINSTALL_KEY" DisplayVersion)' after the upgrade, not $VERSION"
  [ "$(reg_value "$UNINSTALL_KEY" Publisher)" = Metadesk ] || installer_fail "Publisher: $(reg_value "$UNINSTALL_KEY" Publisher)"
  [ "$(reg_value "$UNINSTALL_KEY" DisplayIcon)" = "$INSTDIR_WIN\\metadesk.exe,0" ] ||
    installer_fail "DisplayIcon: $(reg_value "$UNINSTALL_KEY" DisplayIcon)"
  [ "$(reg_value "$UNINSTALL_KEY" UninstallString)" = "\"$INSTDIR_WIN\\uninstall.exe\"" ] ||
    installer_fail "UninstallString: $(reg_value "$UNINSTALL_KEY" UninstallString)"
  [ "$(reg_value "$UNINSTALL_KEY" QuietUninstallString)" = "\"$INSTDIR_WIN\\uninstall.exe\" /S" ] ||
    installer_fail "QuietUninstallString: $(reg_value "$UNINSTALL_KEY" QuietUninstallString)"
  # EstimatedSize: KiB, as Windows shows it; the folder's size within 1 %.
  size=$(( $(du -sb "$INSTDIR" | cut -f1) / 1024 ))
  estimated=$(( $(reg_value "$UNINSTALL_KEY" EstimatedSize) ))
  [ $(( estimated * 100 / size )) -ge 99 ] && [ $(( estimated * 100 / size )) -le 101 ] ||
    installer_fail "EstimatedSize is $estimated KiB, the folder $size KiB"
  [ "$(iwine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s | grep -c 'DisplayName.*REG_SZ.*Metadesk$')" = 1 ] ||
    installer_fail "not exactly one Metadesk entry in Installed apps after the upgrade"
  path=$(reg_value 'HKCU\Environment' Path)
  [ "$path" = "$SEEDED_PATH;$INSTDIR_WIN" ] || installer_fail "the user's PATH is '$path' (twice after the upgrade, or not kept?)"
  said=$(iwine cmd /c metadesk-cli --version) || installer_fail "metadesk-cli is not found through the PATH: $said"
  [ "$said" = "metadesk-cli $VERSION" ] || installer_fail "metadesk-cli --version (through the PATH) said '$said'"
  echo "files, signatures, Start-menu and desktop shortcuts, the entry (version $VERSION, $estimated KiB) and the PATH are right; $said"
}

# The install is gone as the uninstaller must leave it (the user's data aside).
check_removed() {
  [ ! -e "$INSTDIR" ] || installer_fail "the install folder is still there: $(ls "$INSTDIR")"
  [ ! -e "$START_MENU/Metadesk.lnk" ] || installer_fail "the Start-menu shortcut is still there"
  [ ! -e "$DESKTOP_DIR/Metadesk.lnk" ] || installer_fail "the desktop shortcut is still there"
  ! reg_key_exists "$UNINSTALL_KEY" || installer_fail "the Installed apps entry is still there"
  ! reg_key_exists 'HKCU\Software\Metadesk' || installer_fail "the installer's settings (HKCU\\Software\\Metadesk) are still there"
  [ "$(reg_value 'HKCU\Environment' Path)" = "$SEEDED_PATH" ] ||
    installer_fail "the uninstaller left the user's PATH as '$(reg_value 'HKCU\Environment' Path)', not '$SEEDED_PATH'"
}

# Runs the entry's QuietUninstallString, as Installed apps and IT tools do, with more options.
run_uninstall_string() {
  local command exe args
  command=$(reg_value "$UNINSTALL_KEY" QuietUninstallString)
  exe=$(sed -n 's/^"\([^"]*\)".*/\1/p' <<<"$command")
  args=$(sed -n 's/^"[^"]*" *//p' <<<"$command")
  [ -n "$exe" ] || installer_fail "QuietUninstallString '$command' names no program"
  # shellcheck disable=SC2086 # the entry's arguments, split as Windows would
  iwine "$exe" $args "$@" || installer_fail "'$command $*' exited $?"
  iwait
}

# The installed CLI (through its Windows path) against the Windows sandbox, which runs in the
# tests' prefix: a connection imported (its secrets into Credential Manager), then a bulk edit
# of one folder; the sandbox's own dump must show exactly that folder's assets changed.
installed_cli_against_sandbox() {
  local port creds cli out folder started
  echo "==> installers: the installed CLI against the sandbox"
  started=$(date +%s)
  wine_prefix
  port=$(free_port)
  creds="$CHECK_WORK/creds"
  : >"$CHECK_WORK/sandbox.log"
  WINEPREFIX="$WINEPREFIX" wine "$OUT/metadesk-sandbox.exe" --port "$port" --assets 60 --assets-per-folder 20 \
    --write-credentials "$(winepath -w "$creds" 2>/dev/null)" >"$CHECK_WORK/sandbox.log" 2>&1 &
  SANDBOX_PID=$!
  wait_until 120 grep -q '^credentials written to' "$CHECK_WORK/sandbox.log" ||
    installer_fail "the sandbox did not start in 120 s: $(cat "$CHECK_WORK/sandbox.log")"
  cli="$INSTDIR_WIN\\metadesk-cli.exe"
  out=$(iwine "$cli" connections import "$(winepath -w "$creds/service-credentials.json" 2>/dev/null)" \
    --name wine --aem "http://127.0.0.1:$port" 2>&1) || installer_fail "connections import failed: $out"
  secrets | grep -q "\.$DEBUG_PROFILE\$" || installer_fail "the import put nothing in Credential Manager: $(secrets)"
  folder=$(curl -sf "http://127.0.0.1:$port/__sandbox/dump" | python3 -c '
import json, sys
paths = sorted(a["path"] for a in json.load(sys.stdin)["assets"] if not a["contentFragment"])
print(paths[0].rsplit("/", 1)[0])')
  out=$(iwine "$cli" bulk set --connection wine --folder "$folder" --property dc:rights \
    --value "Installed under Wine" --yes 2>&1) || installer_fail "bulk set exited non-zero: $out"
  curl -sf "http://127.0.0.1:$port/__sandbox/dump?full=1" >"$CHECK_WORK/dump.json"
  python3 - "$CHECK_WORK/dump.json" "$folder" <<'PY' || installer_fail "the sandbox does not hold exactly the edit"
import json, sys
assets = json.load(open(sys.argv[1]))["assets"]
folder = sys.argv[2] + "/"
inside = [a for a in assets if a["path"].startswith(folder) and "/" not in a["path"][len(folder):]
          and not a["contentFragment"]]
changed = [a["path"] for a in assets if a["metadata"].get("dc:rights") == "Installed under Wine"]
wanted = sorted(a["path"] for a in inside)
if sorted(changed) != wanted or not wanted:
    sys.exit(f"changed {len(changed)} assets, the folder holds {len(wanted)}: {sorted(changed)[:3]} vs {wanted[:3]}")
print(f"{len(changed)} assets of {folder} changed, none elsewhere ({len(assets)} in the DAM)")
PY
  RUN_ID=$(iwine "$cli" runs list --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])') ||
    installer_fail "runs list --json gave no run"
  echo "connection imported, run $RUN_ID applied in $(cross_elapsed "$started")"
}

# The installed app, started where WebView2 is missing: a native message box (its title in the
# app's words), the reason in the log, and "Open the download page" (the default button) opens
# Microsoft's page; the app then exits 1.
app_explains_missing_webview2() {
  local pid wid rc log
  echo "==> installers: the installed app without WebView2 says so in a message box"
  : >"$CHECK_WORK/browser.log"
  : >"$CHECK_WORK/app.log"
  WINEPREFIX="$INSTALL_PREFIX" WINEDLLOVERRIDES="winemenubuilder.exe=d" WINEDEBUG=-all \
    wine "$INSTDIR_WIN\\metadesk.exe" >"$CHECK_WORK/app.log" 2>&1 &
  pid=$!
  # Waited on the app (its box, or its end without one), not on a budget: a cold start of the
  # debug build under Wine took over 60 s with scripts/test.sh running beside it. The cap only
  # ends a hang.
  box_or_gone() { window_named '^Metadesk cannot open its window$' || ! kill -0 "$pid"; }
  wait_until 600 box_or_gone ||
    installer_fail "the app showed no message box in 10 min; its output: $(cat "$CHECK_WORK/app.log")"
  window_named '^Metadesk cannot open its window$' >/dev/null ||
    installer_fail "the app ended without a message box; its output: $(cat "$CHECK_WORK/app.log")"
  import -window root artifacts/windows/app-webview2-missing.png
  log=$(find "$LOCALAPPDATA_DIR/$DEBUG_PROFILE/logs" -type f | head -n 1)
  grep -q 'the Microsoft Edge WebView2 Runtime is missing' "$log" ||
    installer_fail "the app's log does not say why: $(tail -n 5 "$log")"
  wid=$(window_named '^Metadesk cannot open its window$')
  xdotool windowfocus --sync "$wid" key Return
  wait_until 20 grep -qxF "$WEBVIEW2_PAGE" "$CHECK_WORK/browser.log" ||
    installer_fail "the message box's default button did not open $WEBVIEW2_PAGE (waited 20 s)"
  rc=0
  wait "$pid" || rc=$?
  [ "$rc" = 1 ] || installer_fail "the app exited $rc after the message, not 1"
  iwait
  echo "message box shown, the log says why, the page opened, exit code 1"
}

# The MSI: an older one, then this one over it, the older one refused then, this one removed;
# per machine.
check_msi() {
  local started program_files listed entries entry said
  echo "==> installers: the MSI (msiexec /i … /qn, an upgrade, msiexec /x … /qn)"
  started=$(date +%s)
  program_files="$(iwine cmd /c echo %ProgramW6432%)\Metadesk"
  iwine msiexec /i "$(winepath -w "$OLD_MSI" 2>/dev/null)" /qn || installer_fail "msiexec /i (older) exited $?"
  iwait
  iwine msiexec /i "$(winepath -w "$MSI" 2>/dev/null)" /qn || installer_fail "msiexec /i exited $?"
  iwait
  listed=$(cd "$(iunix "$program_files")" 2>/dev/null && ls | sort | paste -sd' ')
  [ "$listed" = "WebView2Loader.dll metadesk-cli.exe metadesk.exe" ] || installer_fail "$program_files holds: $listed"
  verify_signed "$(iunix "$program_files")/metadesk.exe"
  # The entries of the products named Metadesk (Windows Installer keys them by product code).
  entries=$(iwine reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall' /s |
    awk '/^HKEY_/ {key = $0} /^ +DisplayName +REG_SZ +Metadesk$/ {print key}')
  [ "$(grep -c . <<<"$entries")" = 1 ] || installer_fail "not one Metadesk product registered after the MSI upgrade: $entries"
  entry=$entries
  # Wine's msiexec may return before the upgrade's entry holds its version (seen once: empty,
  # then 0.1.0 a moment later).
  wait_until 20 says_version "$entry" || installer_fail "the MSI's entry says version $(reg_value "$entry" DisplayVersion)"
  if iwine msiexec /i "$(winepath -w "$OLD_MSI" 2>/dev/null)" /qn; then
    installer_fail "the older MSI installed over the newer one"
  fi
  iwait
  [ "$(reg_value "$entry" DisplayVersion)" = "$VERSION" ] ||
    installer_fail "after the older MSI was refused, the installed version is $(reg_value "$entry" DisplayVersion)"
  # Windows puts an all-users shortcut in ProgramData's Start menu; Wine's msiexec puts it in
  # the user's.
  find "$INSTALL_PREFIX/drive_c" -path '*Start Menu/Programs/Metadesk.lnk' | grep -q . || installer_fail "the MSI made no Start-menu shortcut"
  said=$(iwine "$program_files\\metadesk-cli.exe" --version)
  [ "$said" = "metadesk-cli $VERSION" ] || installer_fail "the MSI's metadesk-cli --version said '$said'"
  iwine msiexec /x "$(winepath -w "$MSI" 2>/dev/null)" /qn || installer_fail "msiexec /x exited $?"
  iwait
  [ ! -e "$(iunix "$program_files")" ] || installer_fail "msiexec /x left $program_files"
  ! reg_key_exists "$entry" || installer_fail "msiexec /x left the entry ${entry##*\\}"
  [ -z "$(find "$INSTALL_PREFIX/drive_c" -path '*Start Menu/Programs/Metadesk.lnk')" ] || installer_fail "msiexec /x left the shortcut"
  echo "one product after the upgrade (${entry##*\\}, $VERSION), the older MSI refused, removed by msiexec /x, in $(cross_elapsed "$started")"
}
