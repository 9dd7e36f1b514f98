#!/usr/bin/env bash
# tests/bench/expiry-sweep.sh: the 6-month expiry reminder's sweep (ADR 0010) over a register of
# KUTSE_BENCH_CERTIFICATES (1,000,000) synthetic certificates, and whether it reminded exactly once.
#
# Starts the stack as `run` does (build/release, .state/bench) with the certificate service's expiry
# job waiting a day between rounds, loads the certificates (generate_certificates.sql: every status,
# validity ends spread over 27 years, so about 1.8 % end within the next six months), then restarts
# the certificate service, whose first round sweeps at start. It reports the sweep's wall time (first
# to last reminder mark, and restart to done), certificates reminded per second, and the end-to-end
# time until every reminder is a notice in "My notifications"; and it fails unless every certificate
# due got exactly one event and one notice, and none that is not due got any. Prints a Markdown
# report and writes it to tests/bench/results/expiry-sweep.md. Not part of the test command; uses
# .state/bench like the other benchmarks (not two at once).
set -euo pipefail
bench_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
# shellcheck source=deploy/local/lib.sh
. "$bench_dir/../../deploy/local/lib.sh"
# shellcheck source=tests/bench/lib.sh
. "$bench_dir/lib.sh"

count=${KUTSE_BENCH_CERTIFICATES:-1000000}
# The first round runs at start, on the demo data only; the next would come a day later.
export KUTSE_EXPIRY_INTERVAL_MS=86400000

bench_up curl

as_certificate() {
  PGPASSWORD=$(kutse_secret db_certificate.password) "$KUTSE_PG_BIN/psql" -X -q -tA -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$PG_PORT" -U kutse_certificate -d kutse "$@"
}
as_notification() {
  PGPASSWORD=$(kutse_secret db_notification.password) "$KUTSE_PG_BIN/psql" -X -q -tA -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$PG_PORT" -U kutse_notification -d kutse "$@"
}

log "stopping the certificate service while $count certificates are loaded"
kutse_stop_pids certificate "$(awk '{ print $1 }' "$PID_DIR/certificate.pid")"
rm -f "$PID_DIR/certificate.pid"
started=$SECONDS
as_certificate -v "count=$count" -f "$bench_dir/generate_certificates.sql" >&2
load_seconds=$((SECONDS - started))
# A rerun on the same state folder sweeps again from the start.
as_certificate -c "UPDATE certificate.certificates SET expiry_reminded_at = NULL WHERE number LIKE 'G-%'" >/dev/null
as_certificate -c "DELETE FROM certificate.outbox WHERE type = 'certificate.expiry_approaching.v1' AND subject LIKE 'G-%'" >/dev/null
# The last run's notices, after what the mail channels hold of them (notification V005 refers to them).
as_notification >/dev/null <<'SQL'
BEGIN;
CREATE TEMP TABLE old_notices AS
  SELECT id FROM notification.notices WHERE kind = 'certificate_expiring' AND certificate_number LIKE 'G-%';
DELETE FROM notification.delivery_attempts
  WHERE delivery_id IN (SELECT id FROM notification.deliveries WHERE notice_id IN (SELECT id FROM old_notices));
DELETE FROM notification.deliveries WHERE notice_id IN (SELECT id FROM old_notices);
DELETE FROM notification.notices WHERE id IN (SELECT id FROM old_notices);
COMMIT;
SQL

# What ADR 0010 says is due, computed here on its own: Tallinn's today to the same day six calendar
# months on (PostgreSQL's interval arithmetic clamps to the month's last day, as the domain rule does).
due_sql="status = 'valid' AND replaced_by IS NULL AND valid_until IS NOT NULL AND number LIKE 'G-%'
  AND valid_until BETWEEN (now() AT TIME ZONE 'Europe/Tallinn')::date
                      AND ((now() AT TIME ZONE 'Europe/Tallinn')::date + interval '6 months')::date"
# The generator's personal codes are only shaped like codes; the notification service takes an event
# only for a valid one (date and check digit), so those due get real codes of people born 1970-97.
as_certificate -c "UPDATE certificate.certificates AS c SET holder_personal_code = fixed.code
  FROM (SELECT number, prefix || CASE WHEN r1 < 10 THEN r1 WHEN r2 < 10 THEN r2 ELSE 0 END AS code
        FROM (SELECT number, prefix,
                     (SELECT sum(substr(prefix, i, 1)::int * (ARRAY[1,2,3,4,5,6,7,8,9,1])[i]) FROM generate_series(1, 10) AS i) % 11 AS r1,
                     (SELECT sum(substr(prefix, i, 1)::int * (ARRAY[3,4,5,6,7,8,9,1,2,3])[i]) FROM generate_series(1, 10) AS i) % 11 AS r2
              FROM (SELECT number, '3' || to_char(DATE '1970-01-01' + n % 10000, 'YYMMDD') || lpad((n % 1000)::text, 3, '0') AS prefix
                    FROM (SELECT number, substr(number, 3)::int AS n FROM certificate.certificates WHERE $due_sql) AS g) AS p) AS s) AS fixed
  WHERE c.number = fixed.number" >/dev/null
due=$(as_certificate -c "SELECT count(*) FROM certificate.certificates WHERE $due_sql")
total=$(as_certificate -c "SELECT count(*) FROM certificate.certificates")
log "$due of $total certificates end within six months"

log "starting the certificate service: its first round sweeps"
restart_ms=$(date +%s%3N)
kutse_service_start certificate "$build_dir"
kutse_service_await certificate
left_sql="SELECT count(*) FROM certificate.certificates WHERE $due_sql AND expiry_reminded_at IS NULL"
until (($(as_certificate -c "$left_sql") == 0)); do
  (($(date +%s%3N) - restart_ms < 600000)) || die "the sweep had not reminded every certificate due after 600 s"
  sleep 0.2
done
done_ms=$(date +%s%3N)
sweep_ms=$(as_certificate -c "SELECT round(extract(epoch FROM max(expiry_reminded_at) - min(expiry_reminded_at)) * 1000)
  FROM certificate.certificates WHERE number LIKE 'G-%' AND expiry_reminded_at IS NOT NULL")

log "waiting until every reminder is a notice"
notices_sql="SELECT count(*) FROM notification.notices WHERE kind = 'certificate_expiring' AND certificate_number LIKE 'G-%'"
until (($(as_notification -c "$notices_sql") >= due)); do
  (($(date +%s%3N) - restart_ms < 900000)) || die "not every reminder had become a notice after 900 s"
  sleep 0.5
done
notices_ms=$(date +%s%3N)
sleep 5 # a late duplicate, if any, would land meanwhile

# Exactly once: one event per certificate due and none for any other; one notice per event.
events=$(as_certificate -c "SELECT count(*) FROM certificate.outbox WHERE type = 'certificate.expiry_approaching.v1' AND subject LIKE 'G-%'")
twice=$(as_certificate -c "SELECT count(*) FROM (SELECT subject FROM certificate.outbox WHERE type = 'certificate.expiry_approaching.v1'
  AND subject LIKE 'G-%' GROUP BY subject HAVING count(*) > 1) AS repeated")
not_due=$(as_certificate -c "SELECT count(*) FROM certificate.certificates WHERE number LIKE 'G-%' AND expiry_reminded_at IS NOT NULL
  AND NOT ($due_sql)")
notices=$(as_notification -c "$notices_sql")
notices_twice=$(as_notification -c "SELECT count(*) FROM (SELECT certificate_number FROM notification.notices
  WHERE kind = 'certificate_expiring' AND certificate_number LIKE 'G-%' GROUP BY certificate_number HAVING count(*) > 1) AS repeated")
((events == due && twice == 0 && not_due == 0 && notices == due && notices_twice == 0)) ||
  die "not exactly once: $due due, $events events ($twice certificates twice, $not_due not due), $notices notices ($notices_twice twice)"

per_second=$((due * 1000 / (sweep_ms > 0 ? sweep_ms : 1)))
report() {
  echo "# Expiry reminder sweep"
  echo
  echo "| measurement | result |"
  echo "|---|---:|"
  echo "| certificates in the register | $total |"
  echo "| due (valid, in use, ending within six months) | $due |"
  echo "| sweep, first to last reminder mark | $sweep_ms ms |"
  echo "| certificates reminded per second | $per_second |"
  echo "| service restart to every certificate due reminded | $((done_ms - restart_ms)) ms |"
  echo "| restart to every reminder a notice in \"My notifications\" | $((notices_ms - restart_ms)) ms |"
  echo
  echo "- Exactly once: $events events for $due certificates due, none twice, none for a certificate not due; $notices notices, none twice"
  echo "- $count synthetic certificates loaded in $load_seconds s; batches of 500 (\`FOR UPDATE SKIP LOCKED\`), one replica"
  echo "- Command: \`KUTSE_BENCH_CERTIFICATES=$count tests/bench/expiry-sweep.sh\`"
  echo "- Machine: nproc $(nproc), $(uname -r), $(date -u '+%Y-%m-%d %H:%M UTC'); services at KUTSE_LOG_LEVEL=$KUTSE_LOG_LEVEL"
}
report | tee "$bench_dir/results/expiry-sweep.md"
