#!/usr/bin/env bash
# tests/bench/register.sh: the public register and "My certificates" at scale, and a 10,000-row batch.
#
# Loads KUTSE_BENCH_CERTIFICATES (1,000,000) synthetic certificates (generate_certificates.sql), then
# measures with wrk on loopback through the gateway, 64 connections: public search by parts of names
# (search_names.lua) and a holder's "My certificates" (signed in through the local TARA stand-in);
# and times one batch of 10,000 certificates issued by a clerk. Prints a Markdown report and writes it
# to tests/bench/results/register.md. Not part of the test command. Uses .state/bench like
# gateway-overhead.sh (not both at once).
set -euo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=deploy/local/lib.sh
. "$bench_dir/../../deploy/local/lib.sh"
# shellcheck source=tests/bench/lib.sh
. "$bench_dir/lib.sh"

count=${KUTSE_BENCH_CERTIFICATES:-1000000}
seconds=${KUTSE_BENCH_SECONDS:-15}
holder=36805280109 # Jüri Õunapuu: two demo certificates, never in a benchmark batch

bench_up wrk

log "loading $count certificates"
started=$SECONDS
PGPASSWORD=$(kutse_secret db_certificate.password) "$KUTSE_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -v "count=$count" \
  -h 127.0.0.1 -p "$PG_PORT" -U kutse_certificate -d kutse -f "$bench_dir/generate_certificates.sql" >&2
load_seconds=$((SECONDS - started))

# The load announces itself once; the certificate service's in-memory name index then loads anew
# (searches take the SQL path meanwhile). Measure once it holds every published certificate.
published=$(PGPASSWORD=$(kutse_secret db_certificate.password) "$KUTSE_PG_BIN/psql" -X -q -tA -h 127.0.0.1 \
  -p "$PG_PORT" -U kutse_certificate -d kutse -c 'SELECT count(*) FROM certificate.certificates WHERE published')
certificate_url="http://127.0.0.1:$(kutse_http_port certificate)"
metric() { curl -s "$certificate_url/metrics" | awk -v m="$1" '$1 == m { printf "%d\n", $2 }'; }
started=$SECONDS
version=$(PGPASSWORD=$(kutse_secret db_certificate.password) "$KUTSE_PG_BIN/psql" -X -q -tA -h 127.0.0.1 \
  -p "$PG_PORT" -U kutse_certificate -d kutse -c 'SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM certificate.public_search_version_seq')
until loaded=$(metric kutse_public_name_index_certificates) && applied=$(metric kutse_public_name_index_version) &&
  ((${loaded:-0} * 1000 >= published * 999 && ${applied:-0} >= version)); do
  ((SECONDS - started < 120)) || die "the name index did not load $published certificates in 120 s"
  sleep 0.5
done
index_seconds=$((SECONDS - started))
index_bytes=$(metric kutse_public_name_index_bytes)
index_load_ms=$(curl -s "$certificate_url/metrics" | awk '$1 == "kutse_public_name_index_load_seconds" { printf "%d", $2 * 1000 }')

log "measuring public search by name through the gateway"
search=$(wrk_run "public search by name" -s "$bench_dir/search_names.lua" "$gateway")
log "$search"

jar="$STATE_DIR/holder.jar"
sign_in "$holder" "$jar"
searches_by_index=$(curl -s "$certificate_url/metrics" | awk '/^kutse_public_searches_total\{path="name_index"\}/ { printf "%d", $2 }')
searches_by_sql=$(curl -s "$certificate_url/metrics" | awk '/^kutse_public_searches_total\{path="database"\}/ { printf "%d", $2 }')
certificate_pid=$(awk '{ print $1 }' "$PID_DIR/certificate.pid")
rss_mb=$(awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$certificate_pid/status")
peak_mb=$(awk '/^VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$certificate_pid/status")

log "measuring My certificates through the gateway"
mine=$(wrk_run "My certificates" -H "Cookie: kutse_session=$(session_of "$jar")" \
  "$gateway/api/v1/me/certificates")
log "$mine"

log "issuing a batch of 10,000 certificates"
clerk_jar="$STATE_DIR/clerk.jar"
clerk_signed_in "$clerk_jar"
batch="$STATE_DIR/batch.json"
# shellcheck disable=SC2016 # JavaScript, not shell: its ${...} are template literals
node -e '
  const rows = [];
  // 10,000 different holders, as a real batch has: valid personal codes of people born in 1970-71.
  const weights = [[1, 2, 3, 4, 5, 6, 7, 8, 9, 1], [3, 4, 5, 6, 7, 8, 9, 1, 2, 3]];
  const check = (d) => { for (const w of weights) { const r = d.reduce((s, x, i) => s + x * w[i], 0) % 11; if (r < 10) return r; } return 0; };
  // KEEV-4, which body 80012345 may award: services/certificate/demo/demo_data.sql.
  for (let i = 0; i < 10000; i += 1) {
    const first = `370${String(1 + (i % 12)).padStart(2, "0")}${String(1 + (i % 28)).padStart(2, "0")}${String(i % 1000).padStart(3, "0")}`;
    const code = first + check([...first].map(Number));
    rows.push({ holder_personal_code: code, holder_name: `Batch Holder ${i}`, standard_code: "KEEV-4",
                decision_date: "2025-12-15", decision_number: `B-${i}`, valid_from: "2026-01-01" });
  }
  process.stdout.write(JSON.stringify({ certificates: rows }));' >"$batch"
batch_answer=$(curl -s -o "$STATE_DIR/batch-answer.json" -w '%{http_code} %{time_total}' -b "$clerk_jar" \
  -H "X-CSRF-Token: $(csrf_of "$clerk_jar")" -H 'Content-Type: application/json' --data-binary "@$batch" \
  "$site/api/v1/bodies/$body/certificate-batches")
[[ ${batch_answer%% *} == 201 ]] || die "the batch was answered ${batch_answer%% *}, see $STATE_DIR/batch-answer.json"

report() {
  echo "# Register at scale"
  echo
  echo "| measurement | req/s | p99 ms |"
  echo "|---|---:|---:|"
  for row in "$search" "$mine"; do
    IFS='|' read -r name rps p99 _ <<<"$row"
    echo "| $name | $rps | $p99 |"
  done
  echo
  echo "- Batch of 10,000 certificates through the gateway: ${batch_answer#* } s (HTTP ${batch_answer%% *})"
  echo "- $count synthetic certificates loaded in $load_seconds s (about 70 % published); wrk \`-t2 -c64 -d${seconds}s\`"
  echo "- Name index of the certificate service: $published published certificates (its last full load took $index_load_ms ms; ready $index_seconds s after the data load);" \
    "$((index_bytes / 1048576)) MiB by its own count; the service's resident memory $rss_mb MiB (peak $peak_mb MiB, the reload included)"
  echo "- Searches during the measurement: ${searches_by_index:-0} answered through the name index, ${searches_by_sql:-0} by SQL alone (the latter include any made while the index loaded)"
  echo "- Command: \`KUTSE_BENCH_CERTIFICATES=$count KUTSE_BENCH_SECONDS=$seconds tests/bench/register.sh\`"
  echo "- Machine: nproc $(nproc), $(uname -r), $(date -u '+%Y-%m-%d %H:%M UTC'); services at KUTSE_LOG_LEVEL=$KUTSE_LOG_LEVEL"
}
report | tee "$bench_dir/results/register.md"
