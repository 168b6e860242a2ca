# Locks that let the two test commands (scripts/test.sh, scripts/test-cross.sh) run side by side,
# as .ci/run runs them. Source it; it defines functions only. Both commands install system
# packages and read the UI's build (ui/dist, which the app embeds when it is compiled).

# Runs "$@" holding the machine-wide lock on apt: apt-get refuses to start while another
# apt-get holds dpkg's lock, where this one waits its turn.
apt_locked() {
  flock -w 3600 "${TMPDIR:-/tmp}/metadesk-apt.lock" "$@"
}

# Runs "$@" (a command or a shell function) holding the lock on ui/ for writing: `npm ci` in
# ui/ and the UI's build, which empties ui/dist before it fills it again.
ui_write_locked() {
  mkdir -p target
  (flock -x 9 && "$@") 9>target/.ui.lock
}

# Runs "$@" holding the lock on ui/ for reading, alongside other readers: a build of the app,
# which embeds ui/dist.
ui_read_locked() {
  mkdir -p target
  (flock -s 9 && "$@") 9>target/.ui.lock
}
