# shellcheck shell=bash
# Shared functions for deploy/local/run and deploy/local/test (and tests/bench). Sourced, never executed.
#
# Each command owns one state folder (.state/run or .state/test) with its own ports, so both can run
# at the same time. Everything a command starts is recorded there and stopped by kutse_cleanup.
# The functions live in deploy/local/lib/, one file per concern; this file only loads them in order.

shopt -s inherit_errexit # a failing $(...) fails the command that uses it

KUTSE_SERVICES=(gateway certificate workflow notification stamping)
KUTSE_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
KUTSE_PG_BIN=/usr/lib/postgresql/15/bin

# Messages go to the stderr the command was started with, through a saved descriptor: a signal trap
# can fire inside a function called with 2>/dev/null, and its messages must still be seen.
exec {KUTSE_LOG_FD}>&2
log() { printf '[kutse %s] %s\n' "${KUTSE_MODE:-local}" "$*" >&"$KUTSE_LOG_FD"; }
die() {
  log "ERROR: $*"
  exit 1
}

# shellcheck source=deploy/local/lib/ports.sh
. "$KUTSE_REPO/deploy/local/lib/ports.sh"
# shellcheck source=deploy/local/lib/packages.sh
. "$KUTSE_REPO/deploy/local/lib/packages.sh"
# shellcheck source=deploy/local/lib/state.sh
. "$KUTSE_REPO/deploy/local/lib/state.sh"
# shellcheck source=deploy/local/lib/secrets.sh
. "$KUTSE_REPO/deploy/local/lib/secrets.sh"
# shellcheck source=deploy/local/lib/postgres.sh
. "$KUTSE_REPO/deploy/local/lib/postgres.sh"
# shellcheck source=deploy/local/lib/rabbitmq.sh
. "$KUTSE_REPO/deploy/local/lib/rabbitmq.sh"
# shellcheck source=deploy/local/lib/build.sh
. "$KUTSE_REPO/deploy/local/lib/build.sh"
# shellcheck source=deploy/local/lib/services.sh
. "$KUTSE_REPO/deploy/local/lib/services.sh"
# shellcheck source=deploy/local/lib/settings.sh
. "$KUTSE_REPO/deploy/local/lib/settings.sh"
