# shellcheck shell=bash
# deploy/local/lib/postgres.sh: the private PostgreSQL cluster of a state folder (superuser `postgres`
# over the Unix socket only) and its database, roles and schemas. Sourced by deploy/local/lib.sh.

# Runs a command as the user that owns the cluster. As root that is `postgres`, which may not be allowed
# into the current directory (for example under /root), hence the cd /.
kutse_as_pg() {
  if ((EUID == 0)); then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# Picks PG_ROOT (data, socket and log of the cluster). Normally STATE_DIR/pg. If the server's user cannot
# reach the state folder (a clone under /root while the server runs as postgres) or the socket path would
# exceed the 107-byte limit, the cluster lives in /var/tmp and STATE_DIR/pg is a symlink to it.
kutse_pg_locate() {
  local link="$STATE_DIR/pg"
  if [[ -L $link ]]; then
    PG_ROOT=$(readlink "$link")
  elif [[ -d $link ]]; then
    PG_ROOT=$link
  elif kutse_as_pg test -x "$STATE_DIR" && ((${#link} + 20 + ${#PG_PORT} <= 100)); then
    PG_ROOT=$link
  else
    PG_ROOT="/var/tmp/kutse-pg-$(printf '%s' "$STATE_DIR" | sha256sum | cut -c1-12)"
    log "the PostgreSQL server (user $PG_OS_USER) cannot use $link; its files go to $PG_ROOT (symlinked)"
    ln -sfn "$PG_ROOT" "$link"
  fi
  PG_DATA="$PG_ROOT/data"
  PG_SOCKET_DIR="$PG_ROOT/socket"
  PG_LOG="$PG_ROOT/postgresql.log"
  if [[ ! -d $PG_ROOT ]]; then
    mkdir -p "$PG_ROOT"
    ((EUID != 0)) || chown postgres: "$PG_ROOT"
  fi
  # Also refuses a /var/tmp folder planted by someone else, and a clone first used as another user.
  local owner
  owner=$(stat -c %U "$PG_ROOT")
  if [[ $owner != "$PG_OS_USER" ]]; then
    [[ $PG_ROOT == "$link" ]] || link="$PG_ROOT and $link"
    die "$PG_ROOT belongs to $owner, not $PG_OS_USER: remove $link to start afresh"
  fi
  chmod 700 "$PG_ROOT"
  ln -sfn "$PG_LOG" "$LOG_DIR/postgresql.log"
}

kutse_pg_running() {
  [[ -n ${PG_DATA:-} && -f "$PG_DATA/postmaster.pid" ]] &&
    kutse_as_pg "$KUTSE_PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

# kutse_pg_write [-a] FILE: writes stdin to FILE as the cluster's user, so it keeps owning its files.
kutse_pg_write() {
  kutse_as_pg tee "$@" >/dev/null
}

kutse_pg_start() {
  kutse_pg_locate
  if [[ ! -s $PG_DATA/PG_VERSION ]]; then
    log "creating the PostgreSQL cluster in $PG_DATA"
    kutse_as_pg "$KUTSE_PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$LOG_DIR/initdb.log" 2>&1 ||
      die "initdb failed, see $LOG_DIR/initdb.log"
    printf "\ninclude_if_exists = 'kutse.conf'\n" | kutse_pg_write -a "$PG_DATA/postgresql.conf"
  fi
  kutse_as_pg mkdir -p "$PG_SOCKET_DIR"
  kutse_as_pg chmod 700 "$PG_SOCKET_DIR"
  # Rewritten at every start, so changed ports take effect.
  {
    echo "# Written by deploy/local/lib/postgres.sh at every start; edits are lost."
    echo "listen_addresses = '127.0.0.1'"
    echo "port = $PG_PORT"
    echo "unix_socket_directories = '${PG_SOCKET_DIR//\'/\'\'}'"
    echo "unix_socket_permissions = 0700"
    echo "password_encryption = 'scram-sha-256'"
    echo "max_connections = 200"
    if ((!PG_DURABLE)); then
      echo "# Throw-away test data: trade crash safety for speed."
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } | kutse_pg_write "$PG_DATA/kutse.conf"
  {
    echo "# Written by deploy/local/lib/postgres.sh at every start; edits are lost."
    echo "# The scripts' superuser: Unix socket only (the socket folder is private to the server's user)."
    echo "local all postgres trust"
    echo "host $PG_HBA_DATABASES $PG_HBA_USERS 127.0.0.1/32 scram-sha-256"
  } | kutse_pg_write "$PG_DATA/pg_hba.conf"
  kutse_require_free_port "$PG_PORT" "${PORT_VAR_PREFIX}PG_PORT" "PostgreSQL"
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  kutse_as_pg "$KUTSE_PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null {KUTSE_LOG_FD}>&- || {
    tail -n 30 "$PG_LOG" >&2
    die "PostgreSQL did not start, see $LOG_DIR/postgresql.log"
  }
}

kutse_pg_stop() {
  [[ -n ${PG_DATA:-} ]] || [[ ! -e $STATE_DIR/pg ]] || kutse_pg_locate
  kutse_pg_running || return 0
  log "stopping PostgreSQL"
  kutse_as_pg "$KUTSE_PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null ||
    log "pg_ctl stop failed, see $LOG_DIR/postgresql.log"
}

# psql as the superuser over the private socket; SQL on stdin.
kutse_psql_admin() {
  kutse_as_pg "$KUTSE_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" \
    -U postgres -d postgres
}

# Idempotent: database kutse, one login role and one schema per service, nobody reaches another's schema.
# Passwords are (re)set from the secret files, so the files are always the truth.
kutse_pg_setup() {
  local s
  {
    echo "SET client_min_messages = warning;" # no "already exists, skipping" chatter
    for s in "${KUTSE_SERVICES[@]}"; do
      printf '\\set pw_%s %s\n' "$s" "$(kutse_secret "db_$s.password")"
      echo "SELECT 'CREATE ROLE kutse_$s' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kutse_$s') \\gexec"
      echo "ALTER ROLE kutse_$s WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD :'pw_$s';"
    done
    if [[ -n $PG_ADMIN_ROLE ]]; then
      printf '\\set pw_admin %s\n' "$(kutse_secret pg_admin.password)"
      echo "SELECT 'CREATE ROLE $PG_ADMIN_ROLE' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ADMIN_ROLE') \\gexec"
      echo "ALTER ROLE $PG_ADMIN_ROLE WITH LOGIN SUPERUSER PASSWORD :'pw_admin';"
    fi
    echo "SELECT 'CREATE DATABASE kutse' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'kutse') \\gexec"
    echo "\\connect kutse"
    echo "SET client_min_messages = warning;"
    echo "REVOKE ALL ON DATABASE kutse FROM PUBLIC;"
    echo "REVOKE CREATE ON SCHEMA public FROM PUBLIC;"
    # The public register's name search uses trigram indexes; extensions are the operator's to create.
    echo "CREATE SCHEMA IF NOT EXISTS extensions;"
    echo "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA extensions;"
    echo "REVOKE ALL ON SCHEMA extensions FROM PUBLIC;"
    echo "GRANT USAGE ON SCHEMA extensions TO kutse_certificate;"
    for s in "${KUTSE_SERVICES[@]}"; do
      echo "GRANT CONNECT, TEMPORARY ON DATABASE kutse TO kutse_$s;"
      echo "CREATE SCHEMA IF NOT EXISTS $s AUTHORIZATION kutse_$s;"
      echo "ALTER SCHEMA $s OWNER TO kutse_$s;"
      echo "REVOKE ALL ON SCHEMA $s FROM PUBLIC;"
      echo "ALTER ROLE kutse_$s IN DATABASE kutse SET search_path = $s;"
    done
  } | kutse_psql_admin >/dev/null || die "database setup failed"
}
