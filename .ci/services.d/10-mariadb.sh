# Sourced by .ci/run (bash, set -euo pipefail). Starts a private MariaDB for the tests of every module:
# 127.0.0.1:3366, datadir/socket/logs under $SIPRING_CI_STATE/mariadb, no systemd. Idempotent: when the
# server already answers it only (re)creates the database/user and exports the address.
# Exports: SIPRING_TEST_JDBC_URL, SIPRING_TEST_DB_USER, SIPRING_TEST_DB_PASSWORD.
# Run it by hand too:  source .ci/services.d/10-mariadb.sh

sipring_mariadb_start() {
  local state="${SIPRING_CI_STATE:-/tmp/sipring-ci}/mariadb"
  local datadir="$state/data" sock="$state/mariadb.sock" port=3366
  local admin=(mariadb-admin --no-defaults --socket="$sock" --user=root)
  local client=(mariadb --no-defaults --socket="$sock" --user=root)
  local as_user=()
  if [ "$(id -u)" = 0 ]; then as_user=(--user=root); fi
  mkdir -p "$state"

  if ! "${admin[@]}" --connect-timeout=2 ping >/dev/null 2>&1; then
    if [ ! -d "$datadir/mysql" ]; then
      echo "mariadb: initialising $datadir"
      mariadb-install-db --no-defaults --datadir="$datadir" "${as_user[@]}" \
        --auth-root-authentication-method=socket --skip-test-db >"$state/install.log" 2>&1 \
        || { tail -30 "$state/install.log"; return 1; }
    fi
    echo "mariadb: starting on 127.0.0.1:$port"
    # setsid + nohup: the server must outlive the shell that sourced this script.
    setsid nohup mariadbd --no-defaults "${as_user[@]}" \
      --datadir="$datadir" --socket="$sock" --pid-file="$state/mariadb.pid" \
      --port="$port" --bind-address=127.0.0.1 --skip-name-resolve \
      --log-error="$state/error.log" \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
      --innodb-buffer-pool-size=256M --innodb-log-file-size=256M \
      --innodb-flush-log-at-trx-commit=2 --max-connections=500 \
      --max-allowed-packet=64M >/dev/null 2>&1 < /dev/null &
    local i
    for i in $(seq 1 120); do
      if "${admin[@]}" --connect-timeout=1 ping >/dev/null 2>&1; then break; fi
      sleep 0.5
    done
    if ! "${admin[@]}" --connect-timeout=2 ping >/dev/null 2>&1; then
      echo "mariadb: server did not start; last lines of $state/error.log:"
      tail -30 "$state/error.log" 2>/dev/null || true
      return 1
    fi
  fi

  "${client[@]}" <<'SQL'
CREATE DATABASE IF NOT EXISTS asteriskcdrdb;
CREATE USER IF NOT EXISTS 'sipring'@'127.0.0.1' IDENTIFIED BY 'sipring';
CREATE USER IF NOT EXISTS 'sipring'@'localhost' IDENTIFIED BY 'sipring';
GRANT ALL PRIVILEGES ON *.* TO 'sipring'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO 'sipring'@'localhost' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
  echo "mariadb: ready on 127.0.0.1:$port (socket $sock)"
}

sipring_mariadb_start
unset -f sipring_mariadb_start
export SIPRING_TEST_JDBC_URL="jdbc:mariadb://127.0.0.1:3366/asteriskcdrdb"
export SIPRING_TEST_DB_USER="sipring"
export SIPRING_TEST_DB_PASSWORD="sipring"
