# shellcheck shell=bash
# deploy/local/lib/services.sh: the five services, the local identity provider, SMTP server, TSA and
# OCSP responder and the demo data, as
# `run` and the benchmarks start them (tests start their own). Sourced by deploy/local/lib.sh.

# The register keeper's first admin (README's demo people): the admin role comes from configuration.
KUTSE_DEMO_ADMINS=47302200234
KUTSE_OIDC_DIR="$KUTSE_REPO/deploy/local/oidc-provider"
declare -gA KUTSE_VALUES=()

# kutse_service_values SERVICE: sets KUTSE_VALUES to what this command gives the settings of SERVICE,
# keyed by setting name. Only those the service's description lists reach it
# (kutse_service_environment); a setting added there that must be computed here gets its line here.
# shellcheck disable=SC2034 # read through kutse_service_environment's nameref
kutse_service_values() {
  local s=$1 port u
  port=$(kutse_http_port "$s")
  KUTSE_VALUES=(
    [KUTSE_HTTP_PORT]=$port
    [KUTSE_DB_DSN]="host=127.0.0.1 port=$PG_PORT dbname=kutse user=kutse_$s password=$(kutse_secret "db_$s.password")"
    [KUTSE_AMQP_URL]="amqp://kutse:$AMQP_PASSWORD@127.0.0.1:$AMQP_PORT/kutse"
    [KUTSE_MIGRATIONS_DIR]="$KUTSE_REPO/services/$s/migrations"
    [KUTSE_TOKEN_PUBLIC_KEY_FILE]=$TOKEN_PUBLIC_KEY_FILE
    [KUTSE_LOG_LEVEL]=${KUTSE_LOG_LEVEL:-info}
    [KUTSE_TOKEN_PRIVATE_KEY_FILE]=$TOKEN_PRIVATE_KEY_FILE
    [KUTSE_OPENAPI_FILE]="$KUTSE_REPO/openapi.yaml"
    [KUTSE_PUBLIC_URL]=$(kutse_public_url)
    [KUTSE_OIDC_ISSUER]=$(kutse_oidc_issuer)
    [KUTSE_OIDC_CLIENT_ID]=kutse-gateway
    [KUTSE_OIDC_CLIENT_SECRET_FILE]=$(kutse_oidc_secret_file)
    [KUTSE_BOOTSTRAP_ADMINS]=$KUTSE_DEMO_ADMINS
    [KUTSE_SERVICE_TOKEN_PRIVATE_KEY_FILE]=$(kutse_service_key_file "$s")
    [KUTSE_SMTP_URL]="smtp://127.0.0.1:$(kutse_http_port mail)"
    # The gateway's budget of verification uploads per address; the stamps benchmark lifts it (0).
    [KUTSE_VERIFICATION_UPLOADS_PER_MINUTE]=${KUTSE_LOCAL_UPLOADS_PER_MINUTE:-30}
  )
  # The development e-seal (kutse_ensure_seal_material), once the command has made it.
  if [[ -n ${SEAL_KEY_FILE:-} ]]; then
    KUTSE_VALUES[KUTSE_SEAL_KEY_FILE]=$SEAL_KEY_FILE
    KUTSE_VALUES[KUTSE_SEAL_CERTIFICATE_FILE]=$SEAL_CERTIFICATE_FILE
    # The development CA: what makes an uploaded document's seal the register keeper's.
    KUTSE_VALUES[KUTSE_STAMPING_TRUST_ANCHOR_FILE]=${SEAL_KEY_FILE%/*}/ca.pem
    # The local TSA and OCSP responder (kutse_trust_services_start): seals are baseline LT, unless
    # KUTSE_LOCAL_SEAL_LEVEL=B-B (the stamps benchmark measures both).
    if [[ ${KUTSE_LOCAL_SEAL_LEVEL:-B-LT} != B-B ]]; then
      KUTSE_VALUES[KUTSE_STAMPING_TSA_URL]=$(kutse_tsa_url)
      KUTSE_VALUES[KUTSE_STAMPING_OCSP_URL]=$(kutse_ocsp_url)
    fi
    KUTSE_VALUES[KUTSE_STAMPING_TSA_TRUST_FILE]=${SEAL_KEY_FILE%/*}/ca.pem
  fi
  # Shared by every service, but only the certificate service is called by another (the workflow).
  if [[ $s == certificate ]]; then KUTSE_VALUES[KUTSE_TRUSTED_SERVICE_KEYS_DIR]=$(kutse_trusted_keys_dir "$s"); fi
  for u in certificate workflow notification stamping; do
    port=$(kutse_http_port "$u")
    KUTSE_VALUES[KUTSE_UPSTREAM_${u^^}]="http://127.0.0.1:$port"
  done
}

kutse_service_start() { # SERVICE BUILD_DIR
  local s=$1 bin="$2/services/$1/kutse-$1" name
  [[ -x $bin ]] || die "$bin is missing: the build did not produce it"
  kutse_service_values "$s"
  kutse_service_environment "$s" KUTSE_VALUES
  [[ ! -e $LOG_DIR/$s.log ]] || mv -f "$LOG_DIR/$s.log" "$LOG_DIR/$s.log.1"
  # Other KUTSE_ variables of this shell stay out: the service sees its own settings and no others.
  # export inside the subshell keeps the passwords out of the process list; setsid keeps Ctrl-C away.
  (
    for name in $(compgen -e KUTSE_); do unset "$name"; done
    export "${KUTSE_SERVICE_ENV[@]}" && exec setsid "$bin"
  ) >"$LOG_DIR/$s.log" 2>&1 </dev/null {KUTSE_LOG_FD}>&- &
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
  for s in "${KUTSE_SERVICES[@]}" oidc mail tsa ocsp; do
    if pid=$(kutse_pidfile_alive "$PID_DIR/$s.pid"); then
      pids+=("$pid")
      # `openssl ocsp -multi` (OpenSSL 3.0) notes SIGTERM but waits on for its children: its
      # process group (it leads its own) gets the signal, the children exit, then it does.
      [[ $s != ocsp ]] || kill -TERM -- "-$pid" 2>/dev/null || true
    fi
    rm -f "$PID_DIR/$s.pid"
  done
  ((${#pids[@]} > 0)) || return 0
  log "stopping services"
  kutse_stop_pids services "${pids[@]}"
}

kutse_public_url() { printf 'http://localhost:%s\n' "$(kutse_http_port gateway)"; }
kutse_oidc_issuer() { printf 'http://127.0.0.1:%s\n' "$(kutse_http_port oidc)"; }

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

# The local SMTP server (deploy/local/mail-sink/server.py, Debian's python3-aiosmtpd): every message
# the notification service sends lands as one .eml file in $STATE_DIR/mail, nothing leaves the machine.
kutse_mail_start() {
  local port
  port=$(kutse_http_port mail)
  kutse_require_free_port "$port" "${PORT_VAR_PREFIX}MAIL_PORT" "SMTP server"
  [[ ! -e $LOG_DIR/mail.log ]] || mv -f "$LOG_DIR/mail.log" "$LOG_DIR/mail.log.1"
  (export "KUTSE_MAIL_SINK_PORT=$port" "KUTSE_MAIL_SINK_DIR=$STATE_DIR/mail" &&
    exec setsid /usr/bin/python3 "$KUTSE_REPO/deploy/local/mail-sink/server.py") >"$LOG_DIR/mail.log" 2>&1 \
    </dev/null {KUTSE_LOG_FD}>&- &
  kutse_write_pidfile "$PID_DIR/mail.pid" $!
}

# kutse_helper_await NAME WHAT: waits (20 s at most) until the helper started as NAME (its pid file
# and log named so) accepts connections on its port; dies with the log's tail when it does not.
kutse_helper_await() {
  local port deadline=$((SECONDS + 20))
  port=$(kutse_http_port "$1")
  until kutse_port_in_use "$port"; do
    if ! kutse_pidfile_alive "$PID_DIR/$1.pid" >/dev/null || ((SECONDS >= deadline)); then
      tail -n 20 "$LOG_DIR/$1.log" >&2
      die "$2 did not listen on 127.0.0.1:$port, see $LOG_DIR/$1.log"
    fi
    sleep 0.2
  done
}

kutse_mail_await() {
  kutse_helper_await mail "the SMTP server"
  log "SMTP server ready on 127.0.0.1:$(kutse_http_port mail) (messages in $STATE_DIR/mail)"
}

kutse_tsa_url() { printf 'http://127.0.0.1:%s/\n' "$(kutse_http_port tsa)"; }
kutse_ocsp_url() { printf 'http://127.0.0.1:%s/\n' "$(kutse_http_port ocsp)"; }

# The development trust services of LT seals, from the files of kutse_ensure_trust_service_material:
# the TSA (deploy/local/trust-services/tsa_server.py: `openssl ts -reply` behind HTTP) and OpenSSL's
# own OCSP responder, two processes so one stalled request does not hold up the rest (-multi), its
# responses valid for 5 minutes (-nmin). The TSA listens on 127.0.0.1; the responder on every
# interface (OpenSSL 3.0's -port takes no address), which is harmless: what it answers is public
# and its key a development one.
kutse_trust_services_start() {
  local dir="$SECRETS_DIR/seal" tsa ocsp
  tsa=$(kutse_http_port tsa)
  ocsp=$(kutse_http_port ocsp)
  kutse_require_free_port "$tsa" "${PORT_VAR_PREFIX}TSA_PORT" "time-stamping authority"
  kutse_require_free_port "$ocsp" "${PORT_VAR_PREFIX}OCSP_PORT" "OCSP responder"
  [[ ! -e $LOG_DIR/tsa.log ]] || mv -f "$LOG_DIR/tsa.log" "$LOG_DIR/tsa.log.1"
  [[ ! -e $LOG_DIR/ocsp.log ]] || mv -f "$LOG_DIR/ocsp.log" "$LOG_DIR/ocsp.log.1"
  (export "KUTSE_TSA_PORT=$tsa" "KUTSE_TSA_MATERIAL_DIR=$dir" "KUTSE_TSA_STATE_DIR=$STATE_DIR/tsa" &&
    exec setsid /usr/bin/python3 "$KUTSE_REPO/deploy/local/trust-services/tsa_server.py") \
    >"$LOG_DIR/tsa.log" 2>&1 </dev/null {KUTSE_LOG_FD}>&- &
  kutse_write_pidfile "$PID_DIR/tsa.pid" $!
  # No setsid: with -multi the responder makes itself a process group leader (setpgid), which a
  # session leader may not; that group is what kutse_services_stop signals.
  (cd "$dir" && exec openssl ocsp -port "$ocsp" -index index.txt -CA ca.pem -rsigner ocsp_cert.pem \
    -rkey ocsp_key.pem -nmin 5 -multi 2 -ignore_err) >"$LOG_DIR/ocsp.log" 2>&1 </dev/null {KUTSE_LOG_FD}>&- &
  kutse_write_pidfile "$PID_DIR/ocsp.pid" $!
}

kutse_trust_services_await() {
  kutse_helper_await tsa "the time-stamping authority"
  kutse_helper_await ocsp "the OCSP responder"
  log "TSA on $(kutse_tsa_url) and OCSP responder on $(kutse_ocsp_url) ready (development CA)"
}

# The identity provider, the SMTP server and the five services, started together and awaited, then
# the demo data.
kutse_services_up() { # BUILD_DIR
  local s
  # Every service's required settings have values before anything starts.
  for s in "${KUTSE_SERVICES[@]}"; do
    kutse_service_values "$s"
    kutse_service_environment "$s" KUTSE_VALUES
  done
  kutse_oidc_start
  kutse_mail_start
  kutse_trust_services_start
  for s in "${KUTSE_SERVICES[@]}"; do kutse_service_start "$s" "$1"; done
  kutse_mail_await
  kutse_trust_services_await
  for s in oidc "${KUTSE_SERVICES[@]}"; do kutse_service_await "$s"; done
  kutse_apply_demo_data
}

# Applies services/<s>/demo/demo_data.sql (idempotent by contract) as that service's own role.
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
