#!/usr/bin/env bash
# tests/bench/notice-latency.sh: from "certificate issued" to the holder's in-app notice, under a
# steady load of KUTSE_BENCH_RATE (200) issued certificates per second for KUTSE_BENCH_SECONDS (60).
#
# Starts the stack as `run` does (build/release, .state/bench); a clerk of body 80012345 signs in
# through the local TARA stand-in and issue_at_rate.mjs issues certificates through the gateway at a
# fixed rate, each for a different holder, every 40th for one of four signed-in demo holders whose
# "My notifications" it polls through the gateway (every 10 ms) until the notice is there. Reports,
# as p50 / p99 / max:
#   - visible: the POST's answer to the notice in the holder's GET /api/v1/me/notifications (sampled);
#   - stored: the issuing transaction (its outbox row's created_at) to the notice row's insert, for
#     every certificate of the run (certificate outbox -> relay -> RabbitMQ -> inbox -> notice);
#   - the POST itself.
# and fails unless every certificate issued got exactly one notice. Writes tests/bench/results/
# notice-latency.md. Not part of the test command; uses .state/bench (not two benchmarks at once).
set -euo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=deploy/local/lib.sh
. "$bench_dir/../../deploy/local/lib.sh"
# shellcheck source=tests/bench/lib.sh
. "$bench_dir/lib.sh"

rate=${KUTSE_BENCH_RATE:-200}
seconds=${KUTSE_BENCH_SECONDS:-60}
# Demo people (deploy/local/oidc-provider/demo-people.json) whose notices are polled.
samples=(49102030219:Õie_Šmidt 36805280109:Jüri_Õunapuu 37605030064:Toomas_Tamm 50101010620:Mihkel_Uus)

bench_up node
kutse_npm_install "$KUTSE_REPO/tests" "Node test tools"

as_notification() {
  PGPASSWORD=$(kutse_secret db_notification.password) "$KUTSE_PG_BIN/psql" -X -q -tA -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$PG_PORT" -U kutse_notification -d kutse "$@"
}
as_certificate() {
  PGPASSWORD=$(kutse_secret db_certificate.password) "$KUTSE_PG_BIN/psql" -X -q -tA -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$PG_PORT" -U kutse_certificate -d kutse "$@"
}
cookie_of() { printf 'kutse_session=%s' "$(session_of "$1")"; }

clerk_jar="$STATE_DIR/clerk.jar"
clerk_signed_in "$clerk_jar"
sample_json="["
for entry in "${samples[@]}"; do
  code=${entry%%:*}
  sign_in "$code" "$STATE_DIR/holder-$code.jar"
  name=${entry#*:}
  sample_json+="{\"code\":\"$code\",\"name\":\"${name//_/ }\",\"cookie\":\"$(cookie_of "$STATE_DIR/holder-$code.jar")\"},"
done
sample_json="${sample_json%,}]"

run_started=$(as_certificate -c "SELECT now()")
run=$(date +%s)
log "issuing $rate certificates per second for $seconds s through the gateway"
options=$(printf '{"gateway":"%s","clerkCookie":"%s","csrf":"%s","bodyId":"%s","standard":"KEEV-4","rate":%s,"seconds":%s,"samples":%s,"sampleEvery":40,"pollMs":10,"maxInFlight":512,"run":%s}' \
  "$site" "$(cookie_of "$clerk_jar")" "$(csrf_of "$clerk_jar")" "$body" "$rate" "$seconds" "$sample_json" "$((run % 1000))")
result=$(node "$bench_dir/issue_at_rate.mjs" "$options")
log "$result"
# The two schemas belong to two roles; each side's times are read by its own and joined here, by
# the event's id (so notices of anything issued before the run, still arriving, are not counted).
as_certificate -c "COPY (SELECT envelope->>'id', (extract(epoch FROM created_at) * 1000)::bigint FROM certificate.outbox
  WHERE type = 'certificate.issued.v1' AND created_at >= '$run_started') TO STDOUT" >"$STATE_DIR/issued.tsv"
issued=$(wc -l <"$STATE_DIR/issued.tsv")
noticed() {
  as_notification -c "COPY (SELECT source_event_id, (extract(epoch FROM created_at) * 1000)::bigint FROM notification.notices
    WHERE kind = 'certificate_issued' AND created_at >= '$run_started') TO STDOUT" >"$STATE_DIR/noticed.tsv"
  awk -F'\t' 'NR == FNR { issued[$1] = 1; next } ($1 in issued) { n++ } END { print n + 0 }' \
    "$STATE_DIR/issued.tsv" "$STATE_DIR/noticed.tsv"
}

log "waiting until each of the $issued certificates has its notice"
deadline=$((SECONDS + 300))
until (($(noticed) >= issued)); do
  ((SECONDS < deadline)) || die "not every certificate had its notice 300 s after the load"
  sleep 0.5
done
sleep 3
notices=$(noticed)
((notices == issued)) || die "$issued certificates issued but $notices notices: not exactly one each"

stored=$(awk -F'\t' 'NR == FNR { issued[$1] = $2; next } ($1 in issued) { print $2 - issued[$1] }' \
  "$STATE_DIR/issued.tsv" "$STATE_DIR/noticed.tsv" | sort -n | awk '{ v[NR] = $1 } END {
    p50 = v[int((NR * 50 + 99) / 100)]; p99 = v[int((NR * 99 + 99) / 100)]; printf "%d|%d|%d|%d", NR, p50, p99, v[NR] }')
IFS='|' read -r stored_count stored_p50 stored_p99 stored_max <<<"$stored"
field() { node -e 'const r = JSON.parse(process.argv[1]); const v = process.argv[2].split(".").reduce((o, k) => o?.[k], r); process.stdout.write(v === undefined || v === null ? "-" : typeof v === "object" ? JSON.stringify(v) : String(v))' "$result" "$1"; }

report() {
  echo "# Certificate issued to in-app notice"
  echo
  echo "| measurement | count | p50 ms | p99 ms | max ms |"
  echo "|---|---:|---:|---:|---:|"
  echo "| visible: POST answered to the notice in GET /api/v1/me/notifications (sampled) | $(field visible.count) | $(field visible.p50) | $(field visible.p99) | $(field visible.max) |"
  echo "| stored: issuing transaction to the notice row | $stored_count | $stored_p50 | $stored_p99 | $stored_max |"
  echo "| POST /api/v1/bodies/{bodyId}/certificates | $(field sent) | $(field post.p50) | $(field post.p99) | - |"
  echo
  echo "- Offered $rate certificates/s for $seconds s; sent $(field sent) at $(field achievedRate)/s ($(field skipped) skipped for more than 512 in flight); answers $(field statuses)"
  echo "- Exactly one notice per certificate issued: $issued certificates, $notices notices"
  echo "- Command: \`KUTSE_BENCH_RATE=$rate KUTSE_BENCH_SECONDS=$seconds tests/bench/notice-latency.sh\`"
  echo "- Machine: nproc $(nproc), $(uname -r), $(date -u '+%Y-%m-%d %H:%M UTC'); services at KUTSE_LOG_LEVEL=$KUTSE_LOG_LEVEL"
}
report | tee "$bench_dir/results/notice-latency.md"
