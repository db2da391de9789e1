# Sourced by .ci/run (bash, set -euo pipefail). Starts a real HylaFAX server without a modem and without
# systemd: faxq (scheduler) and hfaxd (client protocol) on 127.0.0.1:4559, with two test users that have
# passwords. Idempotent: when hfaxd already answers, only the users file is laid again.
# Recipe: shared/research/fax-ha.md §2 (verified on Debian 12, hylafax 6.0.7).
#
# Exports for the sipring-fax tests:
#   SIPRING_TEST_HFAXD                 127.0.0.1:4559
#   SIPRING_TEST_HFAXD_USER / _PASSWORD / _ADMIN_PASSWORD   a user with password and admin password
#   SIPRING_TEST_HFAXD_USER2 / _PASSWORD2                   a second user (for "not your job" checks)
#   SIPRING_TEST_HFAXD_SPOOL           the spool (tests place received faxes in its recvq/)

sipring_hylafax_start() {
  local spool=/var/spool/hylafax
  local port=4559
  local state="${SIPRING_CI_STATE:-/tmp/sipring-ci}/hylafax"
  local user=sipring-test password=sipring-test-pw admin_password=sipring-test-admin
  local user2=sipring-other password2=sipring-other-pw
  mkdir -p "$state"

  if [ ! -x /usr/sbin/hfaxd ] || [ ! -x /usr/sbin/faxq ]; then
    echo "30-hylafax: hylafax-server is not installed (see .ci/packages.d/fax.txt)" >&2
    return 1
  fi

  # Debian keeps the configuration in /etc/hylafax and bind-mounts it onto spool/etc from its systemd
  # unit; hfaxd chroots into the spool, so without systemd the files are copied there instead.
  cp -a /etc/hylafax/. "$spool/etc/"

  # hosts.hfaxd: first match wins, so the password lines come before Debian's "localhost:21::".
  local hosts="$spool/etc/hosts.hfaxd"
  {
    echo "# written by .ci/services.d/30-hylafax.sh"
    echo "^${user}@:1001:$(openssl passwd -1 "$password"):$(openssl passwd -1 "$admin_password")"
    echo "^${user2}@:1002:$(openssl passwd -1 "$password2"):"
    echo "localhost:21::"
  } >"$hosts.new"
  chown uucp:uucp "$hosts.new"
  chmod 600 "$hosts.new"
  mv "$hosts.new" "$hosts"

  # FaxDispatch is sourced by bin/faxrcvd; mail stays local (no sendmail here) - SipRing mails itself.
  printf 'NOTIFY_FAXMASTER=never\n' >"$spool/etc/FaxDispatch"

  # faxq (the scheduler) may run without hfaxd and vice versa: check and start each one on its own.
  # A second faxq must never start: both would read the same FIFO.
  if [ -z "$(sipring_hylafax_pid faxq)" ]; then
    /usr/sbin/faxq   # daemonizes and drops to uucp
    local i
    for i in $(seq 1 25); do
      [ -p "$spool/FIFO" ] && [ -n "$(sipring_hylafax_pid faxq)" ] && break
      sleep 0.2
    done
    [ -n "$(sipring_hylafax_pid faxq)" ] || { echo "30-hylafax: faxq did not start" >&2; return 1; }
  fi
  sipring_hylafax_pid faxq >"$state/faxq.pid"

  if ! sipring_hylafax_answers "$port"; then
    # -l must come before -i; hfaxd daemonizes and forks a child per client
    /usr/sbin/hfaxd -l 127.0.0.1 -i "$port"
    local j
    for j in $(seq 1 50); do
      sipring_hylafax_answers "$port" && break
      sleep 0.2
    done
    sipring_hylafax_answers "$port" || { echo "30-hylafax: hfaxd does not answer on 127.0.0.1:$port" >&2; return 1; }
  fi
  sipring_hylafax_pid hfaxd >"$state/hfaxd.pid"

  export SIPRING_TEST_HFAXD="127.0.0.1:$port"
  export SIPRING_TEST_HFAXD_USER="$user"
  export SIPRING_TEST_HFAXD_PASSWORD="$password"
  export SIPRING_TEST_HFAXD_ADMIN_PASSWORD="$admin_password"
  export SIPRING_TEST_HFAXD_USER2="$user2"
  export SIPRING_TEST_HFAXD_PASSWORD2="$password2"
  export SIPRING_TEST_HFAXD_SPOOL="$spool"
  echo "30-hylafax: hfaxd ready on $SIPRING_TEST_HFAXD (spool $spool)"
}

# pid of a live (not zombie) process whose command name is $1, read from /proc (no procps needed), or nothing.
# Without an init that reaps, a stopped daemon stays a zombie with its name; it must not count as running.
sipring_hylafax_pid() {
  local d
  for d in /proc/[0-9]*; do
    [ "$(cat "$d/comm" 2>/dev/null)" = "$1" ] || continue
    grep -q '^State:[[:space:]]*Z' "$d/status" 2>/dev/null && continue
    echo "${d#/proc/}"
    return 0
  done
  return 0
}

# true when something on the port greets like hfaxd ("220 ... HylaFAX ...")
sipring_hylafax_answers() {
  local greeting=""
  { exec 9<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  IFS= read -r -t 3 greeting <&9 || true
  printf 'QUIT\r\n' >&9 || true
  exec 9<&- 9>&-
  [[ "$greeting" == 220*HylaFAX* ]]
}

sipring_hylafax_start
