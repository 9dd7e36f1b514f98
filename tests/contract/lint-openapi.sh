#!/usr/bin/env bash
# Lints the public HTTP contract (openapi.yaml) and the event-bus contract (proto-docs/asyncapi.yaml)
# with the pinned Redocly CLI and the rules in tests/contract/redocly.yaml. Exits non-zero on any
# error. ctest: contract.openapi_lint. Runnable from any working directory.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/../.." && pwd)"
redocly="${repo_root}/tests/node_modules/.bin/redocly"
config="${script_dir}/redocly.yaml"

if [[ ! -x "${redocly}" ]]; then
  echo "lint-openapi: ${redocly} not found; run 'npm ci' (or 'npm install') in ${repo_root}/tests" >&2
  exit 2
fi

# No network here: no telemetry, no update check.
export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true

status=0
for doc in openapi.yaml proto-docs/asyncapi.yaml; do
  if [[ ! -f "${repo_root}/${doc}" ]]; then
    echo "lint-openapi: ${doc} is missing" >&2
    status=1
    continue
  fi
  # Run from the repo root so reported paths are repo-relative.
  if ! (cd "${repo_root}" && "${redocly}" lint --config "${config}" --format=codeframe "${doc}"); then
    status=1
  fi
done

if [[ ${status} -ne 0 ]]; then
  echo "lint-openapi: FAILED" >&2
else
  echo "lint-openapi: OK (openapi.yaml, proto-docs/asyncapi.yaml)"
fi
exit ${status}
