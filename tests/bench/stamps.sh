#!/usr/bin/env bash
# tests/bench/stamps.sh: the digital stamp (issue 12) through the gateway.
#
# With the demo data and the development e-seal of deploy/local, Õie Šmidt (signed in through the
# local TARA stand-in) stamps her valid welder's certificate: for each form (a sealed PDF, an ASiC-E
# container) wrk POSTs the stamp order (stamps.lua), first over one connection (the latency of one
# stamp: p50, p99), then over 16 (stamps per second); then anyone's verification of that file by
# upload (verify_upload.lua, 16 connections); first at baseline B-B, then at B-LT with the local
# TSA and OCSP responder (each LT stamp asks both once), and at the end by code. Prints a Markdown report and
# writes it to tests/bench/results/stamps.md.
# Not part of the test command. Uses .state/bench like the other benchmarks (not at the same time).
# KUTSE_BENCH_BUILD_DIR picks the build (default build/release; build/test is the same configuration).
set -euo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=deploy/local/lib.sh
. "$bench_dir/../../deploy/local/lib.sh"
# shellcheck source=tests/bench/lib.sh
. "$bench_dir/lib.sh"

seconds=${KUTSE_BENCH_SECONDS:-15}
holder=49102030219 # Õie Šmidt: a valid, published welder's certificate in the demo data

# The gateway's per-address budget of verification uploads would stop wrk at 30 a minute: off here,
# since this measures what a verification costs.
export KUTSE_LOCAL_UPLOADS_PER_MINUTE=0
bench_up wrk

jar="$STATE_DIR/holder.jar"
sign_in "$holder" "$jar"
csrf=$(csrf_of "$jar")
number=$(curl -sf -b "$jar" "$site/api/v1/me/certificates" | node -e '
  let text = ""; process.stdin.on("data", (c) => (text += c)).on("end", () => {
    const mine = JSON.parse(text);
    process.stdout.write(mine.valid.find((c) => !c.replaced_by)?.number ?? "");
  });')
[[ -n $number ]] || die "the holder $holder has no valid certificate in the demo data"
export KUTSE_BENCH_NUMBER=$number KUTSE_BENCH_CSRF=$csrf
KUTSE_BENCH_SESSION=$(awk '$6 == "kutse_session" { print $7 }' "$jar")
export KUTSE_BENCH_SESSION

# wrk_run NAME CONNECTIONS ARGS...: "name|req/s|p50 ms|p99 ms"; fails on any non-2xx answer.
wrk_run() {
  local name=$1 connections=$2 out
  shift 2
  out=$(wrk -t"$((connections < 2 ? 1 : 2))" -c"$connections" "-d${seconds}s" --latency "$@")
  if grep -q "Non-2xx" <<<"$out"; then
    printf '%s\n' "$out" >&2
    die "$name: wrk saw error answers"
  fi
  ms() { awk -v p="$1" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) sub(/ms/, "", v);
                                  else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 } print v }' <<<"$out"; }
  printf '%s|%s|%s|%s\n' "$name" "$(awk '/Requests\/sec/ { print $2 }' <<<"$out")" "$(ms 50%)" "$(ms 99%)"
}

# measure LEVEL: for each form, one stamp saved (its level checked), a stamp's latency over one
# connection and stamps per second over 16, then anyone's verification of the saved file by
# upload; appends the rows to $rows.
rows=()
measure() {
  local level=$1 format file type status got
  for format in pdf asice; do
    file="$STATE_DIR/stamp-$level.$format"
    status=$(curl -s -o "$file" -w '%{http_code}' -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
      -d "{\"format\":\"$format\",\"language\":\"et\"}" "$site/api/v1/me/certificates/$number/stamps")
    [[ $status == 200 ]] || die "stamping $number as $format answered $status"
    got=$(curl -sf -b "$jar" "$site/api/v1/me/stamps?limit=1" | sed 's/.*"level":"\([^"]*\)".*/\1/')
    [[ $got == "$level" ]] || die "the $format stamp is $got, not $level"
    export KUTSE_BENCH_FORMAT=$format
    log "$level $format: one connection, then 16"
    rows+=("$(wrk_run "$format ($level) stamp, 1 connection" 1 -s "$bench_dir/stamps.lua" "$gateway")")
    log "${rows[-1]}"
    rows+=("$(wrk_run "$format ($level) stamps, 16 connections" 16 -s "$bench_dir/stamps.lua" "$gateway")")
    log "${rows[-1]}"
    type=application/pdf
    [[ $format == pdf ]] || type=application/vnd.etsi.asic-e+zip
    export KUTSE_BENCH_DOCUMENT=$file KUTSE_BENCH_DOCUMENT_TYPE=$type
    rows+=("$(wrk_run "verification of the uploaded $format ($level), 16 connections" 16 -s "$bench_dir/verify_upload.lua" "$gateway")")
    log "${rows[-1]}"
    sizes+=("$format ($level) $(wc -c <"$file") bytes")
  done
}
# restart_stamping LEVEL: the stamping service again, sealing at LEVEL (B-B: without the local TSA
# and OCSP responder, deploy/local/lib/services.sh).
restart_stamping() {
  kutse_stop_pids stamping "$(awk '{ print $1 }' "$PID_DIR/stamping.pid")"
  rm -f "$PID_DIR/stamping.pid"
  KUTSE_LOCAL_SEAL_LEVEL=$1 kutse_service_start stamping "$build_dir"
  kutse_service_await stamping
}
sizes=()
restart_stamping B-B
measure B-B
restart_stamping B-LT
measure B-LT
code=$(curl -sf -b "$jar" "$site/api/v1/me/stamps?limit=1" | sed 's|.*/verify/\([A-Za-z0-9_-]*\)".*|\1|')
rows+=("$(wrk_run "verification by code, 16 connections" 16 "$gateway/api/v1/public/verifications/$code")")
log "${rows[-1]}"
stamps=$(PGPASSWORD=$(kutse_secret db_stamping.password) "$KUTSE_PG_BIN/psql" -X -q -tA -h 127.0.0.1 \
  -p "$PG_PORT" -U kutse_stamping -d kutse -c 'SELECT count(*) FROM stamping.stamps')

report() {
  echo "# Digital stamps"
  echo
  echo "| measurement | req/s | p50 ms | p99 ms |"
  echo "|---|---:|---:|---:|"
  for row in "${rows[@]}"; do
    IFS='|' read -r name rps p50 p99 <<<"$row"
    echo "| $name | $rps | $p50 | $p99 |"
  done
  echo
  echo "- Each stamp: the certificate's facts from the certificate service, the PDF rendered and sealed (RSA 3072 development seal), at B-LT also a time-stamp of the local TSA (\`openssl ts -reply\` behind Python's HTTP server) and an OCSP response (\`openssl ocsp\`), recorded with its outbox event; $stamps stamps recorded in all"
  local listed
  listed=$(printf '%s, ' "${sizes[@]}")
  echo "- The gateway's limit of verification uploads per address (KUTSE_VERIFICATION_UPLOADS_PER_MINUTE) is off for this benchmark"
  echo "- The uploaded files: ${listed%, }; wrk \`-d${seconds}s\` through the gateway on loopback"
  echo "- Command: \`KUTSE_BENCH_SECONDS=$seconds tests/bench/stamps.sh\`"
  echo "- Machine: nproc $(nproc), $(uname -r), $(date -u '+%Y-%m-%d %H:%M UTC'); services at KUTSE_LOG_LEVEL=$KUTSE_LOG_LEVEL"
}
report | tee "$bench_dir/results/stamps.md"
