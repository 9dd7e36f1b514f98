# shellcheck shell=bash
# deploy/local/lib/state.sh: who owns a state folder, the records of what it started, stopping all
# of it, and the bring-up of PostgreSQL and RabbitMQ shared by the commands. Sourced by
# deploy/local/lib.sh.

KUTSE_OWNS_STATE=0 # set once this process has claimed the state folder

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

# Waits for RabbitMQ, then sets up database roles, the AMQP user, the token key pair, the dev e-seal
# and the certificates of its local TSA and OCSP responder.
kutse_backends_ready() {
  kutse_pg_setup
  kutse_ensure_token_keys
  kutse_ensure_seal_material
  kutse_ensure_trust_service_material
  log "waiting for RabbitMQ"
  kutse_rmq_await
  kutse_rmq_setup
  log "PostgreSQL 127.0.0.1:$PG_PORT and RabbitMQ 127.0.0.1:$AMQP_PORT are ready"
}
