#!/usr/bin/env bash
# tests/bench/gateway-overhead.sh: what the gateway's hop costs, next to nginx as a plain reverse proxy.
#
# With wrk on loopback it measures requests per second and p99 latency of a trivial endpoint
# (certificate: GET /api/v1/public/status) and of a one-row database read (notification:
# GET /api/v1/me/notifications?limit=1), each directly at the service, through the gateway and through
# nginx (keep-alive upstream), interleaved, all in one run. Prints a Markdown table and writes it to
# tests/bench/results/latest.md. Not part of the test command. See tests/bench/README.md.
#
# PostgreSQL, RabbitMQ, the five services (release build) and nginx run from .state/bench on ports of
# their own (deploy/local/lib.sh, mode bench); everything is stopped on any exit.
#
# Inputs: KUTSE_BENCH_SECONDS (15, per measurement), KUTSE_BENCH_ROUNDS (1; the table shows medians),
# KUTSE_BENCH_WARMUP_SECONDS (3), KUTSE_BENCH_NGINX_WORKERS (auto), KUTSE_BENCH_HOLD (1: bring the stack
# up, print the six requests and hold it for profiling instead of measuring), KUTSE_BENCH_NGINX_PORT (8190),
# KUTSE_LOG_LEVEL of the services (warn), KUTSE_SKIP_BUILD=1; ports as in deploy/local/README.md with
# the KUTSE_BENCH_ prefix (services 8180-8184).
set -euo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=deploy/local/lib.sh
. "$bench_dir/../../deploy/local/lib.sh"

# The command as given, for the report: the script plus whichever of its inputs were set.
bench_command="tests/bench/gateway-overhead.sh"
for var in KUTSE_BENCH_SECONDS KUTSE_BENCH_ROUNDS KUTSE_BENCH_WARMUP_SECONDS KUTSE_BENCH_NGINX_WORKERS \
  KUTSE_LOG_LEVEL KUTSE_HTTP_THREADS KUTSE_WORKER_THREADS KUTSE_DB_POOL_SIZE KUTSE_UPSTREAM_CONNECTIONS KUTSE_SKIP_BUILD; do
  if [[ -n ${!var+set} ]]; then bench_command="$var=$(printf '%q' "${!var}") $bench_command"; fi
done

seconds=${KUTSE_BENCH_SECONDS:-15}
rounds=${KUTSE_BENCH_ROUNDS:-1}
warmup=${KUTSE_BENCH_WARMUP_SECONDS:-3}
nginx_workers=${KUTSE_BENCH_NGINX_WORKERS:-auto}
wrk_threads=2
wrk_connections=64
holder=49102030219 # Õie Šmidt: two certificates in the demo data, so two notices
# At info every request writes an access-log line: that would measure the log, not the hop.
export KUTSE_LOG_LEVEL=${KUTSE_LOG_LEVEL:-warn}

bench_require_number() { # VARIABLE VALUE MIN MAX
  if [[ ! $2 =~ ^[0-9]+$ ]] || (($2 < $3 || $2 > $4)); then
    die "$1='$2' must be a whole number from $3 to $4"
  fi
}

kutse_init bench
# A minted token lives 300 s at most: it must outlast the warm-up and the measurement it is made for.
bench_require_number KUTSE_BENCH_SECONDS "$seconds" 1 280
bench_require_number KUTSE_BENCH_WARMUP_SECONDS "$warmup" 0 15
bench_require_number KUTSE_BENCH_ROUNDS "$rounds" 1 20
if [[ ! $nginx_workers =~ ^(auto|[1-9]|[1-5][0-9]|6[0-4])$ ]]; then
  die "KUTSE_BENCH_NGINX_WORKERS='$nginx_workers' must be auto or 1 to 64"
fi

build_dir="$KUTSE_REPO/build/release"
results_file="$bench_dir/results/latest.md"
token_tool="$build_dir/tests/kutse-bench-token"
upstream_cost_tool="$build_dir/tests/kutse-bench-upstream-cost"
NGINX_PORT=$(kutse_port KUTSE_BENCH_NGINX_PORT 8190)
NGINX_DIR="$STATE_DIR/nginx"
CLK_TCK=$(getconf CLK_TCK)

# ---------------------------------------------------------------------------------------------------
# nginx: a plain reverse proxy in front of the same two services, run in the foreground under our pid file

bench_nginx_conf() {
  local user_line=""
  # As root the workers would otherwise switch to `nobody`, who may not reach the state folder.
  ((EUID != 0)) || user_line="user root;"
  cat <<EOF
# Written by tests/bench/gateway-overhead.sh at every run; edits are lost.
# One worker per core with auto: the gateway's defaults (2 I/O threads, 8 workers) use every core too.
worker_processes $nginx_workers;
daemon off;
pid $NGINX_DIR/nginx.pid;
$user_line
events {
  worker_connections 1024;
}
http {
  access_log off;
  client_body_temp_path $NGINX_DIR/tmp/body;
  proxy_temp_path $NGINX_DIR/tmp/proxy;
  fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
  uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
  scgi_temp_path $NGINX_DIR/tmp/scgi;
  # The default (1000) would close every wrk connection after 1000 requests; the others never do.
  keepalive_requests 1000000;

  upstream certificate {
    server 127.0.0.1:$(kutse_http_port certificate);
    keepalive 64;
    keepalive_requests 1000000;
  }
  upstream notification {
    server 127.0.0.1:$(kutse_http_port notification);
    keepalive 64;
    keepalive_requests 1000000;
  }

  server {
    listen 127.0.0.1:$NGINX_PORT;
    # Keep-alive to the upstream; every request header, Authorization included, is passed on.
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    location /api/v1/public/ {
      proxy_pass http://certificate;
    }
    location /api/v1/me/notifications {
      proxy_pass http://notification;
    }
  }
}
EOF
}

bench_nginx_start() {
  mkdir -p "$NGINX_DIR/tmp"
  bench_nginx_conf >"$NGINX_DIR/nginx.conf"
  local args=(-p "$NGINX_DIR" -e "$LOG_DIR/nginx-error.log" -c "$NGINX_DIR/nginx.conf")
  nginx -t -q "${args[@]}" 2>>"$LOG_DIR/nginx-error.log" ||
    die "nginx rejects $NGINX_DIR/nginx.conf, see $LOG_DIR/nginx-error.log"
  log "starting nginx on 127.0.0.1:$NGINX_PORT (worker_processes $nginx_workers)"
  (exec setsid nginx "${args[@]}") >>"$LOG_DIR/nginx-console.log" 2>&1 </dev/null {KUTSE_LOG_FD}>&- &
  kutse_write_pidfile "$PID_DIR/nginx.pid" $!
  local deadline=$((SECONDS + 15))
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 \
    "http://127.0.0.1:$NGINX_PORT/api/v1/public/status") == 200 ]]; do
    if ! kutse_pidfile_alive "$PID_DIR/nginx.pid" >/dev/null || ((SECONDS >= deadline)); then
      tail -n 20 "$LOG_DIR/nginx-error.log" "$LOG_DIR/nginx-console.log" >&2 || true
      die "nginx did not come up on 127.0.0.1:$NGINX_PORT, see $LOG_DIR/nginx-error.log"
    fi
    sleep 0.2
  done
}

# Also stops an nginx that an interrupted earlier run left behind (the pid file checks its start time).
bench_nginx_stop() {
  local pid
  if pid=$(kutse_pidfile_alive "$PID_DIR/nginx.pid"); then
    log "stopping nginx"
    kutse_stop_pids nginx "$pid"
  fi
  rm -f "$PID_DIR/nginx.pid"
}

bench_cleanup() {
  local rc=$?
  set +e
  bench_nginx_stop
  (exit "$rc") # kutse_cleanup stops the rest and exits with the code it finds in $?
  kutse_cleanup
}

# ---------------------------------------------------------------------------------------------------
# What is measured: ENDPOINT (status, read) x PATH (direct, gateway, nginx)

ENDPOINTS=(status read)
PATHS=(direct gateway nginx)
declare -A ENDPOINT_LABEL=([status]="trivial: \`GET /api/v1/public/status\`"
  [read]="one-row read: \`GET /api/v1/me/notifications?limit=1\`")
declare -A ENDPOINT_PATH=([status]=/api/v1/public/status [read]='/api/v1/me/notifications?limit=1')
declare -A ENDPOINT_SERVICE=([status]=certificate [read]=notification)

bench_url() { # ENDPOINT PATH
  local port
  case $2 in
    direct) port=$(kutse_http_port "${ENDPOINT_SERVICE[$1]}") ;;
    gateway) port=$(kutse_http_port gateway) ;;
    nginx) port=$NGINX_PORT ;;
  esac
  printf 'http://127.0.0.1:%s%s\n' "$port" "${ENDPOINT_PATH[$1]}"
}

# bench_sign_in: signs the holder in through the gateway and the local identity provider, as a
# browser would (login_hint skips the provider's form), and keeps the session cookie in SESSION_COOKIE.
bench_sign_in() {
  local jar="$STATE_DIR/bench-cookies.txt"
  rm -f "$jar"
  curl -s -o /dev/null -L --max-redirs 10 -c "$jar" -b "$jar" \
    "$(kutse_public_url)/auth/login?login_hint=$holder&return_to=/" || die "signing in the holder failed"
  SESSION_COOKIE=$(awk '$6 == "kutse_session" { print $7 }' "$jar")
  [[ -n $SESSION_COOKIE ]] || die "signing in the holder gave no session cookie"
}

# bench_headers ENDPOINT PATH: sets HEADERS, the -H arguments (curl and wrk) of the request. The read
# needs a caller: through the gateway the holder's session cookie (the gateway resolves the session and
# mints or reuses the internal token: its identity work), directly and through nginx an internal token
# minted now, as the gateway would (valid 300 s).
bench_headers() {
  HEADERS=()
  [[ $1 == read ]] || return 0
  if [[ $2 == gateway ]]; then
    HEADERS=(-H "Cookie: kutse_session=$SESSION_COOKIE")
  else
    local token
    token=$("$token_tool" "$TOKEN_PRIVATE_KEY_FILE" notification "$holder" 300) || die "minting a token failed"
    HEADERS=(-H "Authorization: Bearer $token")
  fi
}

# bench_pids SERVICE|PATH: the processes whose CPU time is reported (nginx: master and workers).
bench_pids() {
  local pid
  case $1 in
    direct) return 0 ;;
    nginx)
      pid=$(kutse_pidfile_alive "$PID_DIR/nginx.pid") || return 0
      printf '%s\n' "$pid"
      pgrep -P "$pid" || true
      ;;
    *) kutse_pidfile_alive "$PID_DIR/$1.pid" || true ;;
  esac
}

bench_cpu_ticks() { # PID...: user + system clock ticks of all their threads so far
  local pid stat fields total=0
  for pid in "$@"; do
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    stat=${stat##*) }
    read -r -a fields <<<"$stat"
    total=$((total + fields[11] + fields[12]))
  done
  printf '%s\n' "$total"
}

# bench_probe ENDPOINT PATH: one request, which must answer 200 (and the read must find a notice).
bench_probe() {
  local body code
  bench_headers "$1" "$2"
  body=$(curl -s --max-time 5 -w '\n%{http_code}' "${HEADERS[@]}" "$(bench_url "$1" "$2")") || true
  code=${body##*$'\n'}
  body=${body%$'\n'*}
  if [[ $code != 200 ]] || [[ $1 == read && $body != *'"items":[{'* ]]; then
    die "$1 via $2 ($(bench_url "$1" "$2")) answered $code: ${body:0:300}"
  fi
}

# bench_wrk ENDPOINT PATH SECONDS OUTPUT: one wrk run with a fresh token.
bench_wrk() {
  bench_headers "$1" "$2"
  wrk -t"$wrk_threads" -c"$wrk_connections" -d"${3}s" --latency "${HEADERS[@]}" \
    "$(bench_url "$1" "$2")" >"$4" 2>&1 || {
    cat "$4" >&2
    die "wrk failed for $1 via $2"
  }
}

# bench_fail_on_errors ENDPOINT PATH OUTPUT: error responses or broken connections fail the benchmark.
bench_fail_on_errors() {
  local non2xx socket
  non2xx=$(awk -F': *' '/Non-2xx or 3xx responses/ {print $2}' "$3")
  socket=$(grep -o 'Socket errors:.*' "$3" || true)
  if [[ -n $non2xx ]] || [[ $socket =~ (connect|read|write)\ [1-9] ]]; then
    cat "$3" >&2
    local s
    for s in gateway "${ENDPOINT_SERVICE[$1]}"; do
      log "last lines of $LOG_DIR/$s.log:"
      tail -n 15 "$LOG_DIR/$s.log" >&2 || true
    done
    [[ $2 != nginx ]] || tail -n 15 "$LOG_DIR/nginx-error.log" >&2 || true
    die "$1 via $2: ${non2xx:-0} non-2xx responses, ${socket:-no socket errors}: a benchmark of errors is worthless (wrk output in $3)"
  fi
}

# Prints "REQ_PER_S P99_MS TIMEOUTS" from a wrk --latency output.
bench_parse() {
  awk '
    /^Requests\/sec:/ { rps = $2 }
    $1 == "99%" {
      value = $2; unit = $2
      sub(/[a-z]+$/, "", value); sub(/^[0-9.]+/, "", unit)
      factor = unit == "us" ? 0.001 : unit == "ms" ? 1 : unit == "s" ? 1000 : unit == "m" ? 60000 : 0
      p99 = value * factor
    }
    /Socket errors:/ { timeouts = $NF }
    END {
      if (rps == "" || p99 == "") exit 1
      printf "%s %.3f %d\n", rps, p99, timeouts
    }' "$1"
}

# bench_sockets PORT PID...: "E/T", E the established connections to PORT held by the processes PID...,
# T the connections to PORT in TIME-WAIT. Sampled halfway through a measurement at the service's port:
# a proxy that keeps its upstream connections alive holds at most its pool (64 per nginx worker) and
# adds no TIME-WAIT; one that reconnects per request leaves thousands. (A few dozen are connections
# closed by the earlier measurements, which stay in TIME-WAIT for 60 s.)
bench_sockets() {
  local port=$1 pids
  shift
  pids=$(IFS='|' && printf '%s' "$*")
  printf '%s/%s\n' "$(ss -Htnp state established "( dport = :$port )" | grep -cE "pid=($pids),")" \
    "$(ss -Htn state time-wait "( dport = :$port )" | wc -l)"
}

bench_median() { # NUMBER...
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 }
    END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# ---------------------------------------------------------------------------------------------------
# Bring-up: as deploy/local/run, on the bench ports, plus nginx

kutse_claim_state
if [[ -n $KUTSE_OTHER_OWNER ]]; then
  die "another benchmark (pid $KUTSE_OTHER_OWNER) is using $STATE_DIR; wait for it to finish"
fi
trap bench_cleanup EXIT # kutse_cleanup, and nginx before it

bench_nginx_stop
kutse_backends_start # installs missing packages (wrk and nginx-light among them), starts the servers
for tool in wrk nginx; do command -v "$tool" >/dev/null || die "$tool is missing (Debian packages wrk, nginx-light)"; done
kutse_services_check_ports
kutse_require_free_port "$NGINX_PORT" KUTSE_BENCH_NGINX_PORT nginx
kutse_build "$build_dir" >&2 # RabbitMQ boots meanwhile; stdout is for the report
[[ -x $token_tool ]] || die "$token_tool is missing: the build did not produce it"
[[ -x $upstream_cost_tool ]] || die "$upstream_cost_tool is missing: the build did not produce it"
kutse_backends_ready

kutse_services_up "$build_dir"

# The holder's notices arrive through the certificate outbox, RabbitMQ and the notification inbox.
log "signing in holder $holder and waiting for the notices"
bench_sign_in
deadline=$((SECONDS + 90))
bench_headers read gateway
until [[ $(curl -s --max-time 2 "${HEADERS[@]}" "$(bench_url read gateway)") == *'"items":[{'* ]]; do
  ((SECONDS < deadline)) || die "holder $holder has no notice after 90 s, see $LOG_DIR/certificate.log and notification.log"
  sleep 0.5
done
bench_nginx_start
for endpoint in "${ENDPOINTS[@]}"; do
  for path in "${PATHS[@]}"; do bench_probe "$endpoint" "$path"; done
done

# KUTSE_BENCH_HOLD=1: no measurement; the stack stays up for profiling (perf, strace) until Ctrl-C.
if [[ ${KUTSE_BENCH_HOLD:-0} == 1 ]]; then
  for endpoint in "${ENDPOINTS[@]}"; do
    for path in "${PATHS[@]}"; do
      bench_headers "$endpoint" "$path"
      printf '%s via %s: curl' "$endpoint" "$path"
      printf ' %q' "${HEADERS[@]}" "$(bench_url "$endpoint" "$path")"
      printf '\n'
    done
  done
  log "holding the stack (KUTSE_BENCH_HOLD=1); Ctrl-C stops it"
  while true; do sleep 3600 & wait $! || true; done # wait, unlike sleep, returns at once on a signal
fi

# What libcurl itself adds per request (the issue prescribes it for the gateway's upstream calls):
# one keep-alive connection to the certificate service's trivial endpoint, a plain socket and
# libcurl's easy interface taking turns in one process. See tests/bench/upstream_cost.cpp.
log "libcurl's own cost per request (kutse-bench-upstream-cost)"
upstream_cost=$("$upstream_cost_tool" "$(kutse_http_port certificate)" /api/v1/public/status 20000 3) ||
  die "kutse-bench-upstream-cost failed"
read -r _ socket_rps socket_us socket_user_us <<<"$(grep '^socket ' <<<"$upstream_cost")"
read -r _ curl_rps curl_us curl_user_us <<<"$(grep '^libcurl ' <<<"$upstream_cost")"
[[ -n $socket_us && -n $curl_us ]] || die "kutse-bench-upstream-cost printed no figures: $upstream_cost"
log "  plain socket $socket_us µs CPU per request, libcurl $curl_us µs"

# ---------------------------------------------------------------------------------------------------
# Measurements, interleaved: per round, per endpoint direct, gateway, nginx back to back

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
gateway_log_lines=$(wc -l <"$LOG_DIR/gateway.log")
declare -A rps=() p99=() ratio=() timeouts=() service_cpu=() proxy_cpu=() proxy_us=() sockets=()
mkdir -p "$LOG_DIR/wrk"
# shellcheck disable=SC2034 # service_cpu, proxy_cpu and proxy_us are read through bench_column's name reference
for ((round = 1; round <= rounds; round++)); do
  for endpoint in "${ENDPOINTS[@]}"; do
    for path in "${PATHS[@]}"; do
      key="$endpoint/$path/$round"
      out="$LOG_DIR/wrk/$endpoint-$path-$round.txt"
      log "round $round/$rounds: $endpoint via $path (${warmup} s warm-up, ${seconds} s)"
      if ((warmup > 0)); then
        bench_wrk "$endpoint" "$path" "$warmup" "$out.warmup"
        bench_fail_on_errors "$endpoint" "$path" "$out.warmup"
      fi
      mapfile -t service_pids < <(bench_pids "${ENDPOINT_SERVICE[$endpoint]}")
      mapfile -t proxy_pids < <(bench_pids "$path")
      service_ticks=$(bench_cpu_ticks "${service_pids[@]}")
      proxy_ticks=$(bench_cpu_ticks "${proxy_pids[@]}")
      service_port=$(kutse_http_port "${ENDPOINT_SERVICE[$endpoint]}")
      rm -f "$out.sockets"
      sampler=""
      if [[ $path != direct ]]; then
        (sleep "$((seconds / 2))" && bench_sockets "$service_port" "${proxy_pids[@]}" >"$out.sockets") &
        sampler=$!
      fi
      bench_wrk "$endpoint" "$path" "$seconds" "$out"
      if [[ -n $sampler ]]; then wait "$sampler" || true; fi
      sockets[$key]=$(cat "$out.sockets" 2>/dev/null || echo "-")
      bench_fail_on_errors "$endpoint" "$path" "$out"
      service_cpu[$key]=$((($(bench_cpu_ticks "${service_pids[@]}") - service_ticks) * 100 / CLK_TCK / seconds))
      proxy_used=$(($(bench_cpu_ticks "${proxy_pids[@]}") - proxy_ticks))
      proxy_cpu[$key]=$((proxy_used * 100 / CLK_TCK / seconds))
      read -r "rps[$key]" "p99[$key]" "timeouts[$key]" < <(bench_parse "$out") || die "cannot read wrk's output $out"
      # The proxy's CPU time per request in microseconds: what the hop costs, however busy the machine was.
      proxy_us[$key]=$(awk -v used="$proxy_used" -v hz="$CLK_TCK" -v r="${rps[$key]}" -v s="$seconds" \
        'BEGIN { printf "%.1f", used / hz * 1e6 / (r * s) }')
      ratio[$key]=$(awk -v a="${rps[$key]}" -v b="${rps[$endpoint/direct/$round]}" 'BEGIN { printf "%.3f", a / b }')
      log "  ${rps[$key]} req/s, p99 ${p99[$key]} ms, ${ratio[$key]}x direct; connections to the service ${sockets[$key]}"
    done
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)


# ---------------------------------------------------------------------------------------------------
# Report

bench_column() { # ARRAY ENDPOINT PATH: the median over the rounds
  local -n values=$1
  local r all=()
  for ((r = 1; r <= rounds; r++)); do all+=("${values[$2/$3/$r]}"); done
  bench_median "${all[@]}"
}

gateway_problems=$(tail -n +"$((gateway_log_lines + 1))" "$LOG_DIR/gateway.log" | grep -c '"level":"\(warn\|error\)"' || true)
nginx_problems=$(grep -c '\[\(warn\|error\|crit\|alert\|emerg\)\]' "$LOG_DIR/nginx-error.log" 2>/dev/null || true)
read_gateway=$(bench_column ratio read gateway)
read_nginx=$(bench_column ratio read nginx)
verdict=$(awk -v g="$read_gateway" -v n="$read_nginx" 'BEGIN { print (g >= n ? "yes" : "**no**") }')
read_gateway=$(printf '%.2f' "$read_gateway")
read_nginx=$(printf '%.2f' "$read_nginx")
total_timeouts=0
for key in "${!timeouts[@]}"; do total_timeouts=$((total_timeouts + timeouts[$key])); done

mkdir -p "$(dirname "$results_file")"
{
  echo "# Gateway overhead: direct vs gateway vs nginx"
  echo
  echo "| endpoint | path | req/s | p99 ms | req/s vs direct | service CPU | proxy CPU | proxy CPU µs per request |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  for endpoint in "${ENDPOINTS[@]}"; do
    for path in "${PATHS[@]}"; do
      proxy="—"
      per_request="—"
      if [[ $path != direct ]]; then
        proxy="$(bench_column proxy_cpu "$endpoint" "$path")%"
        per_request="$(bench_column proxy_us "$endpoint" "$path")"
      fi
      printf '| %s | %s | %.0f | %.2f | %.2f | %s%% | %s | %s |\n' "${ENDPOINT_LABEL[$endpoint]}" "$path" \
        "$(bench_column rps "$endpoint" "$path")" "$(bench_column p99 "$endpoint" "$path")" \
        "$(bench_column ratio "$endpoint" "$path")" "$(bench_column service_cpu "$endpoint" "$path")" "$proxy" \
        "$per_request"
    done
  done
  echo
  echo "One-row read: the gateway reaches nginx's figure (${read_gateway}x vs ${read_nginx}x direct): $verdict."
  echo
  echo "libcurl's own cost, one keep-alive request at a time to the trivial endpoint (median of 3 rounds of 20,000):"
  echo
  echo "| client | req/s | CPU µs per request | of which user |"
  echo "|---|---:|---:|---:|"
  echo "| plain socket | $socket_rps | $socket_us | $socket_user_us |"
  echo "| libcurl easy handle, reused | $curl_rps | $curl_us | $curl_user_us |"
  echo
  echo "libcurl adds $(awk -v a="$curl_us" -v b="$socket_us" 'BEGIN { printf "%.1f", a - b }') µs of CPU to every" \
    "request it sends, before the gateway does anything of its own (\`tests/bench/upstream_cost.cpp\`)."
  echo
  echo "- Command: \`$bench_command\`"
  echo "- Machine: nproc $(nproc), $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), kernel $(uname -r)," \
    "$(date -u '+%Y-%m-%d %H:%M UTC'); load average $load_before before, $load_after after"
  echo "- wrk $(wrk -v 2>&1 | awk 'NR == 1 { sub(/^debian\//, "", $2); print $2 }'): \`wrk -t$wrk_threads -c$wrk_connections -d${seconds}s --latency\`" \
    "on loopback, ${warmup} s warm-up before each measurement; order per round: trivial direct, gateway, nginx," \
    "then the read the same way; $rounds round(s), medians shown (the ratio is taken within each round)"
  echo "- Services: release build (RelWithDebInfo), \`KUTSE_LOG_LEVEL=$KUTSE_LOG_LEVEL\` (at info the access log" \
    "writes a line per request), \`KUTSE_HTTP_THREADS\` ${KUTSE_HTTP_THREADS:-2}, \`KUTSE_WORKER_THREADS\`" \
    "${KUTSE_WORKER_THREADS:-8}, \`KUTSE_DB_POOL_SIZE\` ${KUTSE_DB_POOL_SIZE:-8}; gateway with the holder's" \
    "session cookie (it resolves the session and mints or reuses the internal token), direct and nginx with a" \
    "token minted per wrk run"
  echo "- nginx $(nginx -v 2>&1 | sed 's/.*nginx\///'): \`worker_processes $nginx_workers\`, upstream \`keepalive 64\`," \
    "\`proxy_http_version 1.1\`, \`Connection \"\"\`, \`access_log off\`"
  echo "- CPU: share of one core used by the service (certificate or notification) and by the proxy during" \
    "the measurement; wrk, PostgreSQL and the other work on the machine share the same $(nproc) cores"
  printf -- '- Upstream connections halfway through, last round (the proxy'"'"'s established / all in TIME-WAIT to the service port):'
  for endpoint in "${ENDPOINTS[@]}"; do
    for path in gateway nginx; do printf ' %s via %s %s;' "$endpoint" "$path" "${sockets[$endpoint/$path/$rounds]}"; done
  done
  printf ' thousands in TIME-WAIT would mean a new upstream connection per request\n'
  echo "- Errors: none (non-2xx or connect/read/write errors fail the run); wrk timeouts (> 2 s): $total_timeouts;" \
    "gateway warnings/errors logged during the measurements: $gateway_problems; nginx error log entries: $nginx_problems"
} >"$results_file"
cat "$results_file"
log "written to $results_file (wrk outputs in $LOG_DIR/wrk)"
