# shellcheck shell=bash
# deploy/local/lib/rabbitmq.sh: the private RabbitMQ node of a state folder, run as the invoking user
# with everything under STATE_DIR/rabbitmq. Sourced by deploy/local/lib.sh.

# The real RabbitMQ scripts. Debian's /usr/sbin wrappers switch to the `rabbitmq` user when called by
# root and refuse anyone else; we run a private node as the invoking user instead.
KUTSE_RMQ_BIN=/usr/lib/rabbitmq/bin

# Writes the node's environment file, config and the rabbitmqctl wrapper (which tests use too).
kutse_rmq_configure() {
  mkdir -p "$RMQ_DIR/home" "$RMQ_DIR/mnesia" "$LOG_DIR/rabbitmq"
  echo '[].' >"$RMQ_DIR/enabled_plugins"
  : >"$RMQ_DIR/rabbitmq-env.conf" # keeps /etc/rabbitmq/rabbitmq-env.conf out
  # The default user exists from the first boot on, so no guest user is ever created.
  (umask 077 && cat >"$RMQ_DIR/rabbitmq.conf" <<EOF
# Written by deploy/local/lib/rabbitmq.sh at every start; edits are lost.
default_vhost = kutse
default_user = kutse
default_pass = $(kutse_secret amqp_kutse.password)
log.console = false
log.file.level = info
EOF
  )
  local var
  {
    echo "# Written by deploy/local/lib/rabbitmq.sh: environment of the private RabbitMQ node $RMQ_NODENAME."
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
# Written by deploy/local/lib/rabbitmq.sh: rabbitmqctl for the private node $RMQ_NODENAME.
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
# shellcheck disable=SC2034 # AMQP_PASSWORD is read by services.sh and deploy/local/test
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
