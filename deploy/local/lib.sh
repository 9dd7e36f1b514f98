# shellcheck shell=bash
# Shared functions for deploy/local/run and deploy/local/test. Sourced, never executed.
#
# Each command owns one state folder (.state/run or .state/test) with its own ports, so both can run
# at the same time. Everything a command starts is recorded there and stopped by kutse_cleanup.

shopt -s inherit_errexit # a failing $(...) fails the command that uses it

KUTSE_SERVICES=(gateway certificate workflow notification stamping)
KUTSE_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
KUTSE_PG_BIN=/usr/lib/postgresql/15/bin
# The real RabbitMQ scripts. Debian's /usr/sbin wrappers switch to the `rabbitmq` user when called by
# root and refuse anyone else; we run a private node as the invoking user instead.
KUTSE_RMQ_BIN=/usr/lib/rabbitmq/bin
KUTSE_PACKAGES=(build-essential cmake pkg-config ccache libpistache-dev libpqxx-dev librabbitmq-dev
  nlohmann-json3-dev catch2 libcurl4-openssl-dev libssl-dev postgresql-15 rabbitmq-server nodejs npm
  openssl curl wrk nginx-light libmagic-dev)
KUTSE_POLICY_RC=/usr/sbin/policy-rc.d
# "oidc" is the local stand-in for TARA (deploy/local/oidc-provider), which the gateway signs in with.
declare -A KUTSE_DEFAULT_HTTP_PORT=([gateway]=8080 [certificate]=8081 [workflow]=8082
  [notification]=8083 [stamping]=8084 [oidc]=8089)
# The register keeper's first admin (README's demo people): the admin role comes from configuration.
KUTSE_DEMO_ADMINS=47302200234
KUTSE_OIDC_DIR="$KUTSE_REPO/deploy/local/oidc-provider"

KUTSE_OWNS_STATE=0    # set once this process has claimed the state folder
KUTSE_OWN_POLICY_RC=0 # set while our temporary /usr/sbin/policy-rc.d exists

# Messages go to the stderr the command was started with, through a saved descriptor: a signal trap
# can fire inside a function called with 2>/dev/null, and its messages must still be seen.
exec {KUTSE_LOG_FD}>&2
log() { printf '[kutse %s] %s\n' "${KUTSE_MODE:-local}" "$*" >&"$KUTSE_LOG_FD"; }
die() {
  log "ERROR: $*"
  exit 1
}

# ---------------------------------------------------------------------------------------------------
# Configuration per command

# kutse_init run|test|bench: sets the folders, ports and per-command differences.
kutse_init() {
  KUTSE_MODE=$1
  STATE_DIR="$KUTSE_REPO/.state/$1"
  SECRETS_DIR="$STATE_DIR/secrets"
  LOG_DIR="$STATE_DIR/logs"
  PID_DIR="$STATE_DIR/pids"
  RMQ_DIR="$STATE_DIR/rabbitmq"
  RMQ_NODENAME="kutse-$1@localhost"
  RMQ_CTL="$STATE_DIR/rabbitmqctl"
  local ports
  HTTP_PORT_OFFSET=0
  case $1 in
    run | bench)
      # Port variables: KUTSE_PG_PORT, KUTSE_AMQP_PORT, KUTSE_AMQP_DIST_PORT, KUTSE_EPMD_PORT.
      PORT_VAR_PREFIX=KUTSE_
      ports=(54329 5673 25673 4370)
      if [[ $1 == bench ]]; then
        # tests/bench: the services as in `run`, on ports of its own (KUTSE_BENCH_PG_PORT, ...,
        # KUTSE_BENCH_GATEWAY_PORT, ...; services 8180-8184), so it can run while `run` is up.
        PORT_VAR_PREFIX=KUTSE_BENCH_
        ports=(54349 5675 25675 4372)
        HTTP_PORT_OFFSET=100
      fi
      # Only the service roles, only database kutse, only with a password.
      PG_HBA_DATABASES=kutse
      PG_HBA_USERS=$(printf 'kutse_%s,' "${KUTSE_SERVICES[@]}")
      PG_HBA_USERS=${PG_HBA_USERS%,}
      PG_ADMIN_ROLE=""
      PG_DURABLE=1
      AMQP_TAGS=()
      ;;
    test)
      # Own variables (KUTSE_TEST_PG_PORT, ...) so a shell set up for `run` cannot make both collide.
      PORT_VAR_PREFIX=KUTSE_TEST_
      ports=(54339 5674 25674 4371)
      # Tests create their own databases and roles: any of them may log in with a password.
      PG_HBA_DATABASES=all
      PG_HBA_USERS=all
      # Test processes run as the invoking user, which may not own the server (root vs. postgres):
      # give them a password-authenticated superuser over TCP.
      PG_ADMIN_ROLE=kutse_admin
      PG_DURABLE=0
      # Tests create their own vhosts and stop/start the app through rabbitmqctl.
      AMQP_TAGS=(administrator)
      ;;
    *) die "kutse_init: unknown mode '$1'" ;;
  esac
  PG_PORT=$(kutse_port "${PORT_VAR_PREFIX}PG_PORT" "${ports[0]}")
  AMQP_PORT=$(kutse_port "${PORT_VAR_PREFIX}AMQP_PORT" "${ports[1]}")
  AMQP_DIST_PORT=$(kutse_port "${PORT_VAR_PREFIX}AMQP_DIST_PORT" "${ports[2]}")
  EPMD_PORT=$(kutse_port "${PORT_VAR_PREFIX}EPMD_PORT" "${ports[3]}")
  if ((EUID == 0)); then PG_OS_USER=postgres; else PG_OS_USER=$(id -un); fi
}

# kutse_port VAR DEFAULT: the value of $VAR if set, else DEFAULT; must be a port number.
kutse_port() {
  local value=${!1:-$2}
  if [[ ! $value =~ ^[0-9]+$ ]] || ((value < 1 || value > 65535)); then
    die "$1='$value' is not a port number"
  fi
  printf '%s\n' "$value"
}

# kutse_http_port SERVICE: KUTSE_<SERVICE>_PORT (bench: KUTSE_BENCH_<SERVICE>_PORT) or the default.
kutse_http_port() {
  kutse_port "${PORT_VAR_PREFIX}${1^^}_PORT" "$((KUTSE_DEFAULT_HTTP_PORT[$1] + HTTP_PORT_OFFSET))"
}

kutse_port_in_use() {
  (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

kutse_require_free_port() { # PORT VARIABLE WHAT
  if kutse_port_in_use "$1"; then
    die "port $1 ($3) is already in use by another program; set $2 to choose another"
  fi
}

# Checked before the build, so a busy port fails in seconds, not after it.
kutse_services_check_ports() {
  local s
  for s in "${KUTSE_SERVICES[@]}"; do
    kutse_require_free_port "$(kutse_http_port "$s")" "${PORT_VAR_PREFIX}${s^^}_PORT" "$s HTTP"
  done
}

# ---------------------------------------------------------------------------------------------------
# Debian packages

kutse_package_present() {
  [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]] && return 0
  # NodeSource's nodejs package ships npm itself and conflicts with Debian's npm package.
  case $1 in
    nodejs) command -v node >/dev/null ;;
    npm) command -v npm >/dev/null ;;
    *) return 1 ;;
  esac
}

kutse_as_root() {
  if ((EUID == 0)); then
    "$@"
  else
    command -v sudo >/dev/null || die "need root or sudo for: $*"
    sudo "$@"
  fi
}

kutse_ensure_packages() {
  local p missing=()
  for p in "${KUTSE_PACKAGES[@]}"; do
    kutse_package_present "$p" || missing+=("$p")
  done
  ((${#missing[@]} > 0)) || return 0
  log "installing missing Debian packages: ${missing[*]}"
  # Package scripts would start the system-wide PostgreSQL and RabbitMQ; we run private instances.
  # policy-rc.d exit 101 forbids that. Written only if none exists, removed again afterwards.
  if [[ ! -e $KUTSE_POLICY_RC ]]; then
    KUTSE_OWN_POLICY_RC=1
    printf '#!/bin/sh\n# Temporary: written by kutse deploy/local/lib.sh during apt-get install.\nexit 101\n' |
      kutse_as_root tee "$KUTSE_POLICY_RC" >/dev/null
    kutse_as_root chmod 755 "$KUTSE_POLICY_RC"
  fi
  local rc=0 apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
  kutse_as_root "${apt[@]}" update -q || rc=$?
  ((rc != 0)) || kutse_as_root "${apt[@]}" install -y "${missing[@]}" || rc=$?
  kutse_remove_policy_rc
  ((rc == 0)) || die "apt-get failed (exit $rc) while installing: ${missing[*]}"
}

kutse_remove_policy_rc() {
  if ((KUTSE_OWN_POLICY_RC)); then
    kutse_as_root rm -f "$KUTSE_POLICY_RC"
    KUTSE_OWN_POLICY_RC=0
  fi
}

# ---------------------------------------------------------------------------------------------------
# Ownership of the state folder, process records

# "PID START-TIME": the start time (clock ticks since boot) tells a live process from a reused PID.
kutse_proc_id() {
  local stat fields
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) } # the command name may contain spaces; fields after it are plain
  read -r -a fields <<<"$stat"
  printf '%s %s\n' "$1" "${fields[19]}"
}

# kutse_pidfile_alive FILE: prints the PID recorded in FILE if that very process still runs.
kutse_pidfile_alive() {
  local pid start now
  [[ -r $1 ]] || return 1
  read -r pid start <"$1" || true
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  now=$(kutse_proc_id "$pid") || return 1
  [[ $now == "$pid $start" ]] || return 1
  printf '%s\n' "$pid"
}

kutse_write_pidfile() { # FILE PID
  kutse_proc_id "$2" >"$1" || printf '%s 0\n' "$2" >"$1"
}

# kutse_claim_state: makes this process the owner of STATE_DIR and installs the stop-everything traps.
# If another live command owns it, only sets KUTSE_OTHER_OWNER to that command's PID.
# (No return code on purpose: a function called inside `if` runs without set -e.)
kutse_claim_state() {
  local lock
  mkdir -p "$STATE_DIR" "$LOG_DIR" "$PID_DIR"
  (umask 077 && mkdir -p "$SECRETS_DIR")
  # The lock only makes check-and-claim atomic; it is released before anything is started.
  exec {lock}>"$STATE_DIR/owner.lock"
  flock "$lock"
  KUTSE_OTHER_OWNER=$(kutse_pidfile_alive "$STATE_DIR/owner.pid") || KUTSE_OTHER_OWNER=""
  if [[ -z $KUTSE_OTHER_OWNER ]]; then
    kutse_write_pidfile "$STATE_DIR/owner.pid" $$
  fi
  exec {lock}>&-
  [[ -z $KUTSE_OTHER_OWNER ]] || return 0
  KUTSE_OWNS_STATE=1
  trap kutse_cleanup EXIT
  trap 'kutse_on_signal INT 130' INT
  trap 'kutse_on_signal TERM 143' TERM
  trap 'kutse_on_signal HUP 129' HUP
}

kutse_on_signal() {
  log "got SIG$1: stopping everything"
  exit "$2" # the EXIT trap does the stopping
}

kutse_cleanup() {
  local rc=$?
  trap '' INT TERM HUP # a second Ctrl-C must not cut the shutdown short
  set +e
  kutse_remove_policy_rc
  if ((KUTSE_OWNS_STATE)); then
    kutse_stop_all
    rm -f "$STATE_DIR/owner.pid"
  fi
  exit "$rc"
}

# kutse_stop_pids NAME PID...: SIGTERM, up to 15 s of grace, then SIGKILL.
kutse_stop_pids() {
  local name=$1 pid alive deadline=$((SECONDS + 15))
  shift
  (($# > 0)) || return 0
  kill -TERM "$@" 2>/dev/null || true
  while :; do
    alive=()
    for pid in "$@"; do
      if kill -0 "$pid" 2>/dev/null; then alive+=("$pid"); fi
    done
    ((${#alive[@]} > 0)) || break
    if ((SECONDS >= deadline)); then
      log "$name still running after 15 s: SIGKILL to ${alive[*]}"
      kill -KILL "${alive[@]}" 2>/dev/null || true
      break
    fi
    sleep 0.2
  done
  for pid in "$@"; do wait "$pid" 2>/dev/null || true; done # reaps our own children
}

# Stops whatever runs from this state folder: ours, or left over by a command that crashed.
kutse_stop_all() {
  kutse_services_stop
  kutse_rmq_stop
  kutse_pg_stop
}

# ---------------------------------------------------------------------------------------------------
# Secrets

# kutse_secret NAME: prints the random secret in SECRETS_DIR/NAME, generating it the first time.
# Hex only (safe inside DSNs and URLs), no trailing newline.
kutse_secret() {
  local file="$SECRETS_DIR/$1"
  if [[ ! -s $file ]]; then
    (umask 077 && printf '%s' "$(openssl rand -hex 24)" >"$file.tmp" && mv "$file.tmp" "$file")
  fi
  cat "$file"
}

# ES256 key pair for the gateway's internal tokens (private key in PKCS#8), generated once.
kutse_ensure_token_keys() {
  TOKEN_PRIVATE_KEY_FILE="$SECRETS_DIR/token_private.pem"
  TOKEN_PUBLIC_KEY_FILE="$SECRETS_DIR/token_public.pem"
  if [[ ! -s $TOKEN_PRIVATE_KEY_FILE ]]; then
    (umask 077 && openssl ecparam -name prime256v1 -genkey -noout |
      openssl pkey -out "$TOKEN_PRIVATE_KEY_FILE.tmp" && mv "$TOKEN_PRIVATE_KEY_FILE.tmp" "$TOKEN_PRIVATE_KEY_FILE")
    rm -f "$TOKEN_PUBLIC_KEY_FILE"
  fi
  if [[ ! -s $TOKEN_PUBLIC_KEY_FILE ]]; then
    openssl pkey -in "$TOKEN_PRIVATE_KEY_FILE" -pubout -out "$TOKEN_PUBLIC_KEY_FILE"
  fi
}

# ---------------------------------------------------------------------------------------------------
# PostgreSQL (private cluster; superuser `postgres` over the Unix socket only)

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
    echo "# Written by deploy/local/lib.sh at every start; edits are lost."
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
    echo "# Written by deploy/local/lib.sh at every start; edits are lost."
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

# ---------------------------------------------------------------------------------------------------
# RabbitMQ (private node run as the invoking user, everything under STATE_DIR/rabbitmq)

# Writes the node's environment file, config and the rabbitmqctl wrapper (which tests use too).
kutse_rmq_configure() {
  mkdir -p "$RMQ_DIR/home" "$RMQ_DIR/mnesia" "$LOG_DIR/rabbitmq"
  echo '[].' >"$RMQ_DIR/enabled_plugins"
  : >"$RMQ_DIR/rabbitmq-env.conf" # keeps /etc/rabbitmq/rabbitmq-env.conf out
  # The default user exists from the first boot on, so no guest user is ever created.
  (umask 077 && cat >"$RMQ_DIR/rabbitmq.conf" <<EOF
# Written by deploy/local/lib.sh at every start; edits are lost.
default_vhost = kutse
default_user = kutse
default_pass = $(kutse_secret amqp_kutse.password)
log.console = false
log.file.level = info
EOF
  )
  local var
  {
    echo "# Written by deploy/local/lib.sh: environment of the private RabbitMQ node $RMQ_NODENAME."
    # HOME holds the Erlang cookie shared by the node and the CLI tools.
    for var in "HOME=$RMQ_DIR/home" \
      "RABBITMQ_NODENAME=$RMQ_NODENAME" \
      "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1" \
      "RABBITMQ_NODE_PORT=$AMQP_PORT" \
      "RABBITMQ_DIST_PORT=$AMQP_DIST_PORT" \
      "ERL_EPMD_PORT=$EPMD_PORT" \
      "ERL_EPMD_ADDRESS=127.0.0.1" \
      "RABBITMQ_MNESIA_BASE=$RMQ_DIR/mnesia" \
      "RABBITMQ_LOG_BASE=$LOG_DIR/rabbitmq" \
      "RABBITMQ_ENABLED_PLUGINS_FILE=$RMQ_DIR/enabled_plugins" \
      "RABBITMQ_CONFIG_FILE=$RMQ_DIR/rabbitmq.conf" \
      "RABBITMQ_ADVANCED_CONFIG_FILE=$RMQ_DIR/advanced.config" \
      "RABBITMQ_CONF_ENV_FILE=$RMQ_DIR/rabbitmq-env.conf" \
      "RABBITMQ_PID_FILE=$PID_DIR/rabbitmq-beam.pid" \
      "RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS=-kernel inet_dist_use_interface {127,0,0,1}"; do
      printf 'export %s=%q\n' "${var%%=*}" "${var#*=}"
    done
  } >"$RMQ_DIR/env"
  cat >"$RMQ_CTL" <<EOF
#!/usr/bin/env bash
# Written by deploy/local/lib.sh: rabbitmqctl for the private node $RMQ_NODENAME.
. $(printf '%q' "$RMQ_DIR/env")
exec $KUTSE_RMQ_BIN/rabbitmqctl "\$@"
EOF
  chmod 755 "$RMQ_CTL"
}

kutse_rmq_ctl() {
  "$RMQ_CTL" "$@"
}

# Starts the node in the background (it boots in about 8 s); kutse_rmq_await waits for it.
kutse_rmq_start() {
  kutse_rmq_configure
  kutse_require_free_port "$AMQP_PORT" "${PORT_VAR_PREFIX}AMQP_PORT" "RabbitMQ AMQP"
  kutse_require_free_port "$AMQP_DIST_PORT" "${PORT_VAR_PREFIX}AMQP_DIST_PORT" "RabbitMQ distribution"
  log "starting RabbitMQ on 127.0.0.1:$AMQP_PORT (node $RMQ_NODENAME)"
  # setsid: a Ctrl-C in the terminal reaches only the script, which then stops the node in order.
  # shellcheck disable=SC1091
  (. "$RMQ_DIR/env" && exec setsid "$KUTSE_RMQ_BIN/rabbitmq-server") \
    >>"$LOG_DIR/rabbitmq-console.log" 2>&1 </dev/null {KUTSE_LOG_FD}>&- &
  kutse_write_pidfile "$PID_DIR/rabbitmq-server.pid" $!
}

kutse_rmq_await() {
  local deadline=$((SECONDS + 120))
  # await_startup fails at once while the node is not registered yet, hence the loop.
  until kutse_rmq_ctl -q await_startup --timeout 60 >/dev/null 2>&1; do
    if ! kutse_pidfile_alive "$PID_DIR/rabbitmq-server.pid" >/dev/null; then
      tail -n 30 "$LOG_DIR/rabbitmq-console.log" >&2
      die "RabbitMQ exited during boot, see $LOG_DIR/rabbitmq-console.log and $LOG_DIR/rabbitmq/"
    fi
    ((SECONDS < deadline)) || die "RabbitMQ not up after 120 s, see $LOG_DIR/rabbitmq/"
    sleep 1
  done
}

# Idempotent: user kutse with the secret password, vhost kutse, full rights on it.
kutse_rmq_setup() {
  local pw
  pw=$(kutse_secret amqp_kutse.password)
  if ! kutse_rmq_ctl -q authenticate_user kutse "$pw" >/dev/null 2>&1; then
    kutse_rmq_ctl -q add_user kutse "$pw" >/dev/null 2>&1 || kutse_rmq_ctl -q change_password kutse "$pw" >/dev/null
  fi
  kutse_rmq_ctl -q add_vhost kutse >/dev/null
  kutse_rmq_ctl -q set_permissions -p kutse kutse '.*' '.*' '.*' >/dev/null
  kutse_rmq_ctl -q set_user_tags kutse "${AMQP_TAGS[@]}" >/dev/null
  AMQP_PASSWORD=$pw
}

# PIDs of this state folder's RabbitMQ processes still alive: the rabbitmq-server script and the VM.
kutse_rmq_pids() {
  local beam
  kutse_pidfile_alive "$PID_DIR/rabbitmq-server.pid" || true
  # The node writes a bare PID; make sure it is still this node's VM (its -home is our folder).
  beam=$(cat "$PID_DIR/rabbitmq-beam.pid" 2>/dev/null) || return 0
  if [[ $beam =~ ^[0-9]+$ ]] && grep -qaF -- "$RMQ_DIR/home" "/proc/$beam/cmdline" 2>/dev/null; then
    printf '%s\n' "$beam"
  fi
}

kutse_rmq_stop() {
  local pids
  if [[ -n $(kutse_rmq_pids) ]]; then
    log "stopping RabbitMQ"
    kutse_rmq_ctl -q shutdown --timeout 30 >/dev/null 2>&1 || true
    # A node still booting cannot be reached by rabbitmqctl: stop it by its processes.
    mapfile -t pids < <(kutse_rmq_pids)
    kutse_stop_pids RabbitMQ "${pids[@]}"
  fi
  rm -f "$PID_DIR/rabbitmq-server.pid" "$PID_DIR/rabbitmq-beam.pid"
  # The node started an epmd on our private port; it outlives the node unless told to stop.
  if kutse_port_in_use "$EPMD_PORT"; then
    ERL_EPMD_PORT=$EPMD_PORT epmd -kill >/dev/null 2>&1 || log "epmd on port $EPMD_PORT is still in use"
  fi
}

# ---------------------------------------------------------------------------------------------------
# Build

# kutse_build BUILD_DIR [EXTRA CMAKE ARGS...]. KUTSE_SKIP_BUILD=1 uses the build folder as it is.
kutse_build() {
  local dir=$1
  shift
  if [[ ${KUTSE_SKIP_BUILD:-0} == 1 ]]; then
    log "KUTSE_SKIP_BUILD=1: using $dir as it is"
    return 0
  fi
  [[ -f $KUTSE_REPO/CMakeLists.txt ]] || die "no CMakeLists.txt in $KUTSE_REPO: nothing to build"
  local args=(-S "$KUTSE_REPO" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo)
  if command -v ccache >/dev/null; then
    args+=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  log "building in $dir"
  cmake "${args[@]}" "$@" || die "cmake configure failed"
  cmake --build "$dir" -j "$(nproc)" || die "build failed"
}

# ---------------------------------------------------------------------------------------------------
# Bring-up shared by both commands

# True if servers or services of an earlier, interrupted command still run from this state folder.
kutse_leftovers_running() {
  local s
  kutse_pg_running && return 0
  [[ -z $(kutse_rmq_pids) ]] || return 0
  for s in "${KUTSE_SERVICES[@]}"; do
    kutse_pidfile_alive "$PID_DIR/$s.pid" >/dev/null && return 0
  done
  return 1
}

# After kutse_claim_state: installs packages, stops leftovers of an interrupted run, starts PostgreSQL
# and RabbitMQ. RabbitMQ keeps booting in the background: build meanwhile, then call kutse_backends_ready.
kutse_backends_start() {
  kutse_ensure_packages
  kutse_pg_locate
  if kutse_leftovers_running; then
    log "stopping what an earlier, interrupted run left running in $STATE_DIR"
  fi
  kutse_stop_all # also clears stale pid files and a stray epmd
  kutse_pg_start
  kutse_rmq_start
}

# Waits for RabbitMQ, then sets up database roles, the AMQP user and the token key pair.
kutse_backends_ready() {
  kutse_pg_setup
  kutse_ensure_token_keys
  log "waiting for RabbitMQ"
  kutse_rmq_await
  kutse_rmq_setup
  log "PostgreSQL 127.0.0.1:$PG_PORT and RabbitMQ 127.0.0.1:$AMQP_PORT are ready"
}

# ---------------------------------------------------------------------------------------------------
# Services (used by `run`; tests start their own)

kutse_service_start() { # SERVICE BUILD_DIR
  local s=$1 bin="$2/services/$1/kutse-$1" port
  [[ -x $bin ]] || die "$bin is missing: the build did not produce it"
  port=$(kutse_http_port "$s")
  local env=(
    "KUTSE_HTTP_PORT=$port"
    "KUTSE_DB_DSN=host=127.0.0.1 port=$PG_PORT dbname=kutse user=kutse_$s password=$(kutse_secret "db_$s.password")"
    "KUTSE_DB_SCHEMA=$s"
    "KUTSE_AMQP_URL=amqp://kutse:$AMQP_PASSWORD@127.0.0.1:$AMQP_PORT/kutse"
    "KUTSE_MIGRATIONS_DIR=$KUTSE_REPO/services/$s/migrations"
    "KUTSE_TOKEN_PUBLIC_KEY_FILE=$TOKEN_PUBLIC_KEY_FILE"
    "KUTSE_LOG_LEVEL=${KUTSE_LOG_LEVEL:-info}"
  )
  if [[ $s == gateway ]]; then
    env+=(
      "KUTSE_TOKEN_PRIVATE_KEY_FILE=$TOKEN_PRIVATE_KEY_FILE"
      "KUTSE_OPENAPI_FILE=$KUTSE_REPO/openapi.yaml"
      "KUTSE_PUBLIC_URL=$(kutse_public_url)"
      "KUTSE_OIDC_ISSUER=$(kutse_oidc_issuer)"
      "KUTSE_OIDC_CLIENT_ID=kutse-gateway"
      "KUTSE_OIDC_CLIENT_SECRET_FILE=$(kutse_oidc_secret_file)"
      "KUTSE_BOOTSTRAP_ADMINS=$KUTSE_DEMO_ADMINS"
    )
    local u
    for u in certificate workflow notification stamping; do
      env+=("KUTSE_UPSTREAM_${u^^}=http://127.0.0.1:$(kutse_http_port "$u")")
    done
  fi
  [[ ! -e $LOG_DIR/$s.log ]] || mv -f "$LOG_DIR/$s.log" "$LOG_DIR/$s.log.1"
  # export inside the subshell keeps the passwords out of the process list; setsid keeps Ctrl-C away.
  (export "${env[@]}" && exec setsid "$bin") >"$LOG_DIR/$s.log" 2>&1 </dev/null {KUTSE_LOG_FD}>&- &
  kutse_write_pidfile "$PID_DIR/$s.pid" $!
}

kutse_service_await() { # SERVICE
  local s=$1 port deadline=$((SECONDS + 60))
  port=$(kutse_http_port "$s")
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/readyz") == 200 ]]; do
    if ! kutse_pidfile_alive "$PID_DIR/$s.pid" >/dev/null; then
      tail -n 40 "$LOG_DIR/$s.log" >&2
      die "$s exited before it was ready, see $LOG_DIR/$s.log"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 40 "$LOG_DIR/$s.log" >&2
      die "$s not ready on http://127.0.0.1:$port/readyz after 60 s, see $LOG_DIR/$s.log"
    fi
    sleep 0.5
  done
  log "$s ready on http://127.0.0.1:$port"
}

kutse_services_stop() {
  local s pid pids=()
  for s in "${KUTSE_SERVICES[@]}" oidc; do
    if pid=$(kutse_pidfile_alive "$PID_DIR/$s.pid"); then pids+=("$pid"); fi
    rm -f "$PID_DIR/$s.pid"
  done
  ((${#pids[@]} > 0)) || return 0
  log "stopping services"
  kutse_stop_pids services "${pids[@]}"
}

# Applies services/<s>/demo/demo_data.sql (idempotent by contract) as that service's own role.
# Installs a folder's pinned npm packages; skipped while package*.json are unchanged since the last
# install (the stamp lives in node_modules and vanishes with it).
kutse_npm_install() { # DIR WHAT
  local dir=$1 stamp inputs
  [[ -f $dir/package.json ]] || return 0
  stamp="$dir/node_modules/.kutse-inputs.sha256"
  inputs=$(cat "$dir/package.json" "$dir/package-lock.json" 2>/dev/null | sha256sum)
  [[ ! -f $stamp || $(<"$stamp") != "$inputs" ]] || return 0
  log "installing $2 in $dir"
  if [[ -f $dir/package-lock.json ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund >&2) || die "npm ci failed in $dir"
  else
    (cd "$dir" && npm install --no-audit --no-fund >&2) || die "npm install failed in $dir"
  fi
  printf '%s\n' "$inputs" >"$stamp"
}

kutse_public_url() { printf 'http://localhost:%s\n' "$(kutse_http_port gateway)"; }
kutse_oidc_issuer() { printf 'http://127.0.0.1:%s\n' "$(kutse_http_port oidc)"; }
kutse_oidc_secret_file() {
  kutse_secret oidc_client.secret >/dev/null
  printf '%s\n' "$SECRETS_DIR/oidc_client.secret"
}

# The stand-in for TARA: the gateway's sign-in goes there (deploy/local/oidc-provider/README.md).
kutse_oidc_start() {
  local port
  port=$(kutse_http_port oidc)
  kutse_require_free_port "$port" "${PORT_VAR_PREFIX}OIDC_PORT" "identity provider"
  kutse_npm_install "$KUTSE_OIDC_DIR" "the local identity provider"
  local env=(
    "KUTSE_OIDC_PORT=$port"
    "KUTSE_OIDC_ISSUER=$(kutse_oidc_issuer)"
    "KUTSE_OIDC_CLIENT_ID=kutse-gateway"
    "KUTSE_OIDC_CLIENT_SECRET_FILE=$(kutse_oidc_secret_file)"
    "KUTSE_OIDC_REDIRECT_URIS=$(kutse_public_url)/auth/callback"
    "KUTSE_OIDC_KEY_FILE=$SECRETS_DIR/oidc_signing.jwks.json"
  )
  [[ ! -e $LOG_DIR/oidc.log ]] || mv -f "$LOG_DIR/oidc.log" "$LOG_DIR/oidc.log.1"
  (export "${env[@]}" && exec setsid node "$KUTSE_OIDC_DIR/server.mjs") >"$LOG_DIR/oidc.log" 2>&1 </dev/null {KUTSE_LOG_FD}>&- &
  kutse_write_pidfile "$PID_DIR/oidc.pid" $!
}

# The identity provider and the five services, started together and awaited, then the demo data.
kutse_services_up() { # BUILD_DIR
  local s
  kutse_oidc_start
  for s in "${KUTSE_SERVICES[@]}"; do kutse_service_start "$s" "$1"; done
  for s in oidc "${KUTSE_SERVICES[@]}"; do kutse_service_await "$s"; done
  kutse_apply_demo_data
}

kutse_apply_demo_data() {
  local file s
  for file in "$KUTSE_REPO"/services/*/demo/demo_data.sql; do
    [[ -f $file ]] || continue
    s=$(basename "$(dirname "$(dirname "$file")")")
    if [[ ! " ${KUTSE_SERVICES[*]} " == *" $s "* ]]; then
      log "skipping $file: $s is not a known service"
      continue
    fi
    log "applying demo data of $s"
    PGPASSWORD=$(kutse_secret "db_$s.password") "$KUTSE_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
      -h 127.0.0.1 -p "$PG_PORT" -U "kutse_$s" -d kutse -f "$file" >>"$LOG_DIR/demo_data.log" 2>&1 || {
      tail -n 20 "$LOG_DIR/demo_data.log" >&2
      die "demo data of $s failed, see $LOG_DIR/demo_data.log"
    }
  done
}
