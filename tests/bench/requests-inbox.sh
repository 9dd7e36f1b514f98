#!/usr/bin/env bash
# tests/bench/requests-inbox.sh: a body's inbox at KUTSE_BENCH_REQUESTS (100,000) open requests, and
# request creation (issue 10).
#
# Loads the open requests for body 80012345 (and half as many for another body) into the workflow
# schema (generate_requests.sql, as the workflow role), then measures with wrk on loopback through
# the gateway, 64 connections: the clerk's first inbox page, a filtered page (kind=question,
# state=submitted), and a demo holder's questions, POST /api/v1/me/requests (create_requests.lua),
# each with its own Idempotency-Key; and checks that every question wrk saw answered was stored.
# Any non-2xx answer or socket error fails the run. Prints a Markdown report and writes it to
# tests/bench/results/requests-inbox.md. Not part of the test command; uses .state/bench like the
# other benchmarks (not two at once).
set -euo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=deploy/local/lib.sh
. "$bench_dir/../../deploy/local/lib.sh"
# shellcheck source=tests/bench/lib.sh
. "$bench_dir/lib.sh"

count=${KUTSE_BENCH_REQUESTS:-100000}
seconds=${KUTSE_BENCH_SECONDS:-15}
holder=36805280109 # Jüri Õunapuu: demo certificates of body 80054321, so his questions go elsewhere
# Demo holders with certificates (services/certificate/demo/demo_data.sql): the spread creation.
holders=(49102030219 36805280109 60001019906 50101010620)
# The benchmark's questions: the next run's load removes those it finds (some go to this inbox).
export KUTSE_BENCH_MESSAGE="Benchmark: kas tunnistust saab pikendada?"

bench_up wrk

as_workflow() {
  PGPASSWORD=$(kutse_secret db_workflow.password) "$KUTSE_PG_BIN/psql" -X -q -tA -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$PG_PORT" -U kutse_workflow -d kutse "$@"
}

log "loading $count open requests for body $body and $((count / 2)) for another"
started=$SECONDS
as_workflow -v "count=$count" -v "message=$KUTSE_BENCH_MESSAGE" -f "$bench_dir/generate_requests.sql" >&2
load_seconds=$((SECONDS - started))
inbox_sql="FROM workflow.requests WHERE route = '$body' AND state NOT IN ('rejected', 'completed', 'withdrawn', 'closed')"
open_count=$(as_workflow -c "SELECT count(*) $inbox_sql")
overdue_count=$(as_workflow -c "SELECT count(*) $inbox_sql AND state IN ('submitted', 'in_review') AND answer_deadline < current_date")
filtered_count=$(as_workflow -c "SELECT count(*) $inbox_sql AND kind = 'question' AND state = 'submitted'")

clerk_jar="$STATE_DIR/clerk.jar"
clerk_signed_in "$clerk_jar"

first_path="/api/v1/bodies/$body/requests"
filtered_path="$first_path?kind=question&state=submitted"
# Once each before measuring: a full page of the clerk's, overdue first when any is (beyond 30 days
# of load, about half).
for path in "$first_path" "$filtered_path"; do
  page=$(curl -sf -b "$clerk_jar" "$site$path") || die "the clerk's $path did not answer 200"
  node -e 'const p = JSON.parse(process.argv[1]);
    if (!(p.items.length > 0 && p.items[0].overdue === (process.argv[2] > 0) && p.next_cursor)) process.exit(1)' \
    "$page" "$overdue_count" || die "$path: not a full page, or not overdue first: $(head -c 300 <<<"$page")"
done

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
clerk_cookie="Cookie: kutse_session=$(session_of "$clerk_jar")"
log "measuring the inbox's first page through the gateway"
first=$(wrk_run "inbox, first page" -H "$clerk_cookie" "$gateway$first_path")
log "$first"
log "measuring a filtered inbox page through the gateway"
filtered=$(wrk_run "inbox, kind=question&state=submitted" -H "$clerk_cookie" "$gateway$filtered_path")
log "$filtered"

# callers ALL CODE...: "session csrf number" entries joined by ";" for create_requests.lua: each
# holder signed in, with the first of their certificates, or with ALL=all every one of them.
callers() {
  local all=$1 code jar entries=()
  shift
  for code in "$@"; do
    jar="$STATE_DIR/holder-$code.jar"
    sign_in "$code" "$jar"
    local session csrf number answer
    session=$(session_of "$jar")
    csrf=$(csrf_of "$jar")
    # A question may be asked on any of them, in whichever group of "My certificates".
    for number in $(curl -sf -b "$jar" "$site/api/v1/me/certificates" | node -e '
      let text = ""; process.stdin.on("data", (c) => (text += c)).on("end", () => {
        const mine = JSON.parse(text);
        const numbers = [...mine.valid, ...mine.duplicates, ...mine.no_longer_valid].map((c) => c.number);
        process.stdout.write((process.argv[1] === "all" ? numbers : numbers.slice(0, 1)).join(" "));
      });' "$all"); do
      # Once before measuring, so a refusal names its certificate instead of failing wrk's run.
      answer=$(curl -s -w ' %{http_code}' -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
        -d "{\"kind\":\"question\",\"certificate_number\":\"$number\",\"message\":\"$KUTSE_BENCH_MESSAGE\"}" \
        "$site/api/v1/me/requests")
      [[ ${answer##* } == 201 ]] || die "$code's question on $number was answered $answer"
      entries+=("$session $csrf $number")
    done
  done
  ((${#entries[@]} > 0)) || die "the holders $* have no certificate in the demo data"
  local IFS=';'
  printf '%s\n' "${entries[*]}"
}
questions_of() { as_workflow -c "SELECT count(*) FROM workflow.requests WHERE kind = 'question' AND holder_personal_code IN ($1)"; }

# create NAME CODES CALLERS: wrk's row for the creation, and that every question answered was stored.
create() {
  local before row answered stored
  before=$(questions_of "$2")
  KUTSE_BENCH_CALLERS=$3
  KUTSE_BENCH_RUN=$(date +%s%N) # Idempotency-Keys of their own for every run
  row=$(wrk_run "$1" -s "$bench_dir/create_requests.lua" "$gateway")
  sleep 1 # the answers of requests in flight when wrk stopped
  stored=$(($(questions_of "$2") - before))
  IFS='|' read -r _ _ _ answered <<<"$row"
  ((stored >= answered)) || die "$1: wrk saw $answered questions answered 201 but only $stored were stored"
  printf '%s|%s\n' "$row" "$stored"
}

export KUTSE_BENCH_CALLERS KUTSE_BENCH_RUN
log "measuring request creation on one certificate through the gateway"
one_callers=$(callers first "$holder")
create_one=$(create "POST /api/v1/me/requests, one certificate" "'$holder'" "$one_callers")
log "$create_one"
log "measuring request creation spread over the demo holders' certificates through the gateway"
spread_callers=$(callers all "${holders[@]}")
spread_count=$(tr ';' '\n' <<<"$spread_callers" | wc -l)
create_spread=$(create "POST /api/v1/me/requests, $spread_count certificates" \
  "$(printf "'%s'," "${holders[@]}" | sed 's/,$//')" "$spread_callers")
log "$create_spread"

report() {
  echo "# A body's inbox at $count open requests, and request creation"
  echo
  echo "| measurement | req/s | p99 ms | requests |"
  echo "|---|---:|---:|---:|"
  for row in "$first" "$filtered" "$create_one" "$create_spread"; do
    IFS='|' read -r name rps p99 requests _ <<<"$row"
    echo "| $name | $rps | $p99 | $requests |"
  done
  echo
  echo "- Body $body's inbox: $open_count open requests ($overdue_count overdue, $filtered_count questions submitted), loaded in $load_seconds s with $((count / 2)) of another body; wrk \`-t2 -c64 -d${seconds}s\`, the clerk's session cookie"
  echo "- Creation: questions, each with its own Idempotency-Key; stored $(cut -d'|' -f5 <<<"$create_one") and $(cut -d'|' -f5 <<<"$create_spread") while wrk counted the requests above answered (the rest were in flight when it stopped)." \
    "One certificate: holder $holder's first; spread: every certificate of the demo holders ${holders[*]} in turn (the use case locks the certificate's requests while it creates one)"
  echo "- Command: \`KUTSE_BENCH_REQUESTS=$count KUTSE_BENCH_SECONDS=$seconds tests/bench/requests-inbox.sh\`"
  echo "- Machine: nproc $(nproc), $(uname -r), $(date -u '+%Y-%m-%d %H:%M UTC'), load average $load_before before and $(cut -d' ' -f1-3 /proc/loadavg) after; services at KUTSE_LOG_LEVEL=$KUTSE_LOG_LEVEL"
}
report | tee "$bench_dir/results/requests-inbox.md"
