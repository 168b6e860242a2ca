# Shared helpers for the cross builds (scripts/cross/windows.sh, scripts/cross/macos.sh).
# Source it after `cd` to the repository's root; it defines variables and functions only.
#
# Both builds use Debian's own Rust (`rustc-web`, `cargo-web`) and its std source
# (`rust-web-src`): rustup's toolchain here has only the Linux std and cannot download another,
# so std is compiled for the target from source with cargo's `-Zbuild-std`.
#
# RUSTC_BOOTSTRAP=1 is set for these builds only, and only because `-Zbuild-std` is an unstable
# cargo flag: Metadesk's code uses no unstable feature (the Linux build, on stable Rust, proves
# it). Nothing else in the project sets it. With it come two cargo flags that only cut build
# time, both measured with `--unit-graph` (docs/development.md, "CI's time"):
#   - std is built with `test` beside it, in every build: `cargo test` adds `test` to the std it
#     builds, and every crate depending on another std is another crate to cargo, so the Wine
#     tests compiled all 277 dependencies a second time after the build step (24 min here);
#   - `-Zfeature-unification` with the workspace's features: the tools, the app and the tests
#     share each dependency's build instead of one per package set (140 crates fewer).

# Everything a cross build writes goes here, never in target/: the Linux build cache (its
# fingerprints, which depend on RUSTC and the flags) is left exactly as it was.
source scripts/lib/side-by-side.sh

CROSS_TARGET_DIR="${CROSS_TARGET_DIR:-$PWD/target/cross}"

# Installs Debian packages that are missing, like scripts/install-deps.sh: idempotent, root or
# sudo, `apt-get update` first.
cross_install_packages() {
  local p need=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
  done
  [ ${#need[@]} -gt 0 ] || return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then sudo="sudo"; else
      echo "Installing system packages needs root: run as root or install sudo. Missing: ${need[*]}" >&2
      return 1
    fi
  fi
  echo "==> installing system packages: ${need[*]}"
  apt_locked $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  apt_locked $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
}

# Debian's Rust with its std source: the packages and a check that the source is where cargo's
# -Zbuild-std looks for it (the sysroot of /usr/bin/rustc is /usr).
CROSS_RUST_PACKAGES=(rustc-web cargo-web rust-web-src)
cross_check_rust() {
  local src
  src="$(/usr/bin/rustc --print sysroot)/lib/rustlib/src/rust/library"
  if [ ! -d "$src" ]; then
    echo "std's source is missing at $src (Debian package rust-web-src)" >&2
    return 1
  fi
}

# Runs Debian's cargo with Debian's rustc (not rustup's), -Zbuild-std allowed, niced: the
# machine's two cores are shared. Usage: cross_cargo SUBCOMMAND --target T [cargo args…]
cross_cargo() {
  local sub="$1"
  shift
  # See the top of this file: RUSTC_BOOTSTRAP for -Zbuild-std and the two flags that save builds.
  env RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
    CARGO_TARGET_DIR="$CROSS_TARGET_DIR" CARGO_RESOLVER_FEATURE_UNIFICATION=workspace \
    nice -n 10 /usr/bin/cargo "$sub" -Zbuild-std=std,panic_unwind,test -Zfeature-unification --locked "$@"
}

# Prints the seconds since $1 as "M min S s".
cross_elapsed() {
  local s=$(($(date +%s) - $1))
  printf '%d min %02d s' $((s / 60)) $((s % 60))
}

# cross_cargo with its output also in the file $1; then fails on any warning in Metadesk's own
# crates ("warnings denied"). RUSTFLAGS=-Dwarnings would do the same but would also change every
# crate's fingerprint (std's included) and so rebuild them all; cargo replays a crate's warnings
# even when it is not rebuilt, and says "`crate` (lib) generated N warnings" for each of ours
# that has some (dependencies' warnings are silenced by cargo).
cross_cargo_denying_warnings() {
  local log="$1" rc
  shift
  mkdir -p "$(dirname "$log")"
  set +e
  cross_cargo "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e
  [ "$rc" -eq 0 ] || return "$rc"
  if grep -E '^warning: `metadesk[^`]*` .*generated [0-9]+ warnings?' "$log"; then
    echo "warnings in Metadesk's code (see above): they are errors here, as in the Linux build" >&2
    return 1
  fi
}
