#!/usr/bin/env bash
# Runs shellcheck on the shell scripts. No arguments: every file git tracks (and new ones it does not
# ignore) that is a shell script: a .sh name, a sh or bash #! line, or a `# shellcheck shell=` first
# line. ctest: contract.shellcheck. Runs from the repository root, where the `# shellcheck source=`
# directives' paths start; file arguments are relative to it too.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/../.." && pwd)"
cd "${repo_root}"

if ! command -v shellcheck >/dev/null; then
  echo "check-shellcheck: shellcheck is missing (Debian package shellcheck; deploy/local/test installs it)" >&2
  exit 2
fi

is_shell_script() {
  local first=""
  [[ $1 == *.sh ]] && return 0
  IFS= read -r first <"$1" || true
  [[ ${first} =~ ^#!(/usr/bin/env[[:space:]]+|/bin/|/usr/bin/)(ba)?sh([[:space:]]|$) ||
    ${first} =~ ^#[[:space:]]*shellcheck[[:space:]]+shell= ]]
}

files=()
if (($# > 0)); then
  files=("$@")
else
  while IFS= read -r -d '' file; do
    if [[ -f ${file} ]] && is_shell_script "${file}"; then files+=("${file}"); fi
  done < <(git ls-files -z --cached --others --exclude-standard)
  if ((${#files[@]} == 0)); then
    echo "check-shellcheck: git lists no shell scripts under ${repo_root}" >&2
    exit 2
  fi
fi

# -x follows the `# shellcheck source=` directives, so a script is checked with what it sources.
if ! shellcheck -x "${files[@]}"; then
  echo "check-shellcheck: FAILED" >&2
  exit 1
fi
echo "check-shellcheck: OK (${#files[@]} scripts: ${files[*]})"
