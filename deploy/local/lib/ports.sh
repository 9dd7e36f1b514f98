# shellcheck shell=bash
# deploy/local/lib/ports.sh: the per-command configuration (run, test, bench): folders, ports and how
# the servers differ between the commands. Sourced by deploy/local/lib.sh.

# "oidc" is the local stand-in for TARA (deploy/local/oidc-provider), which the gateway signs in with;
# "mail" the local SMTP server (deploy/local/mail-sink) the notification service mails through (SMTP,
# not HTTP, but numbered and overridden the same way: KUTSE_MAIL_PORT, bench 2625); "tsa" and "ocsp"
# the local time-stamping authority and OCSP responder of LT seals (deploy/local/trust-services;
# KUTSE_TSA_PORT, KUTSE_OCSP_PORT; bench 8185/8186, test 8385/8386).
declare -A KUTSE_DEFAULT_HTTP_PORT=([gateway]=8080 [certificate]=8081 [workflow]=8082
  [notification]=8083 [stamping]=8084 [tsa]=8085 [ocsp]=8086 [oidc]=8089 [mail]=2525)

# kutse_init run|test|bench: sets the folders, ports and per-command differences.
# shellcheck disable=SC2034 # what it sets is read by the other deploy/local/lib/ modules
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
    run | bench | images)
      # Port variables: KUTSE_PG_PORT, KUTSE_AMQP_PORT, KUTSE_AMQP_DIST_PORT, KUTSE_EPMD_PORT.
      PORT_VAR_PREFIX=KUTSE_
      ports=(54329 5673 25673 4370)
      if [[ $1 == bench ]]; then
        # tests/bench: the services as in `run`, on ports of its own (KUTSE_BENCH_PG_PORT, ...,
        # KUTSE_BENCH_GATEWAY_PORT, ...; services 8180-8184), so it can run while `run` is up.
        PORT_VAR_PREFIX=KUTSE_BENCH_
        ports=(54349 5675 25675 4372)
        HTTP_PORT_OFFSET=100
      elif [[ $1 == images ]]; then
        # deploy/docker/test-images: the services as containers, on ports of their own
        # (KUTSE_IMAGES_PG_PORT, ...; services 8280-8284).
        PORT_VAR_PREFIX=KUTSE_IMAGES_
        ports=(54359 5677 25677 4374)
        HTTP_PORT_OFFSET=200
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
      # Tests start their services on free ports; only the TSA and OCSP responder the test command
      # runs (KUTSE_TEST_TSA_PORT, KUTSE_TEST_OCSP_PORT) are numbered, clear of run's and bench's.
      HTTP_PORT_OFFSET=300
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
