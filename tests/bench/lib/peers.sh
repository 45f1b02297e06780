# shellcheck shell=bash
# Sourced by the benchmarks (not a test of its own): install_peers installs
# the peer engines that are missing, with apt-get as root or through sudo:
# xapian-omega (omindex, quest) and sqlite3. A failed install is reported and
# the caller carries on without that peer.
install_peers() {
  local missing=() sudo=""
  { command -v omindex && command -v quest; } >/dev/null || missing+=(xapian-omega)
  command -v sqlite3 >/dev/null || missing+=(sqlite3)
  ((${#missing[@]})) || return 0
  [ "$(id -u)" -eq 0 ] || sudo="sudo -n"
  echo "installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 ||
    { $sudo apt-get update -qq >/dev/null 2>&1 &&
      $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; } ||
    echo "could not install ${missing[*]}; those peers are left out" >&2
}
