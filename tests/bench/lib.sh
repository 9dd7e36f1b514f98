# shellcheck shell=bash
# tests/bench/lib.sh: what the benchmarks share, sourced after deploy/local/lib.sh: the stack as
# `run` has it on the bench ports and state folder, sign-in through the local TARA stand-in, and
# wrk's figures.

# At info the access log writes a line per request, and a benchmark would measure logging.
export KUTSE_LOG_LEVEL=${KUTSE_LOG_LEVEL:-warn}
# Demo people (deploy/local/oidc-provider/demo-people.json): the admin, and a clerk to be of body
# 80012345, which awards KEEV-4 (services/certificate/demo/demo_data.sql).
# shellcheck disable=SC2034 # read by the benchmarks
admin=47302200234 clerk=38001085718 body=80012345

# bench_up COMMAND...: claims .state/bench (one benchmark at a time), builds KUTSE_BENCH_BUILD_DIR
# (default build/release) and starts the backends and services, stopped again on any exit. Sets
# build_dir, gateway (for wrk) and site (for curl with a cookie jar: the cookie's host). Fails
# first when a COMMAND the benchmark needs (wrk, node, ...) is missing.
# shellcheck disable=SC2034 # build_dir, gateway and site are read by the benchmark
bench_up() {
  kutse_init bench
  build_dir=${KUTSE_BENCH_BUILD_DIR:-$KUTSE_REPO/build/release}
  gateway="http://127.0.0.1:$(kutse_http_port gateway)"
  site=$(kutse_public_url)
  kutse_claim_state
  [[ -z $KUTSE_OTHER_OWNER ]] || die "another benchmark (pid $KUTSE_OTHER_OWNER) is using $STATE_DIR"
  trap kutse_cleanup EXIT
  kutse_backends_start
  local command
  for command in "$@"; do
    command -v "$command" >/dev/null || die "$command is missing (Debian package ${command/node/nodejs})"
  done
  kutse_services_check_ports
  kutse_build "$build_dir" >&2
  kutse_backends_ready
  kutse_services_up "$build_dir"
}

# sign_in CODE JAR: a session through the gateway and the identity provider (login_hint: no form).
sign_in() {
  rm -f "$2"
  # The last hop is the return path "/", which only the SPA would serve: its 404 is expected.
  curl -s -o /dev/null -L --max-redirs 10 -c "$2" -b "$2" "$site/auth/login?login_hint=$1" || true
  grep -q kutse_session "$2" || die "signing in $1 gave no session"
}
session_of() { awk '$6 == "kutse_session" { print $7 }' "$1"; }
csrf_of() { curl -sf -b "$1" "$site/api/v1/me" | sed 's/.*"csrf_token":"\([^"]*\)".*/\1/'; }

# clerk_signed_in JAR: the admin makes $clerk a clerk of $body (again on a rerun: no harm), then the
# clerk signs in, so the session has the role.
clerk_signed_in() {
  local jar="$STATE_DIR/admin.jar"
  sign_in "$admin" "$jar"
  curl -s -o /dev/null -b "$jar" -H "X-CSRF-Token: $(csrf_of "$jar")" -H 'Content-Type: application/json' \
    -d "{\"personal_code\":\"$clerk\",\"role\":\"clerk\",\"body_id\":\"$body\"}" "$site/api/v1/admin/role-assignments"
  sign_in "$clerk" "$1"
}

# wrk_run NAME ARGS...: wrk -t2 -c64 for $seconds as "name|req/s|p99 ms|requests"; fails on any
# non-2xx answer or socket error.
# shellcheck disable=SC2154 # seconds: set by the benchmark
wrk_run() {
  local name=$1 out
  shift
  out=$(wrk -t2 -c64 "-d${seconds}s" --latency "$@")
  if grep -q "Non-2xx\|Socket errors" <<<"$out"; then
    printf '%s\n' "$out" >&2
    die "$name: wrk saw error answers"
  fi
  printf '%s|%s|%s|%s\n' "$name" "$(awk '/Requests\/sec/ { print $2 }' <<<"$out")" \
    "$(awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) sub(/ms/, "", v);
                          else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } print v }' <<<"$out")" \
    "$(awk '/requests in/ { print $1 }' <<<"$out")"
}
