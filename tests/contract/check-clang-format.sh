#!/usr/bin/env bash
# Checks that C++ sources are formatted as .clang-format says (clang-format --dry-run --Werror).
# No arguments: every *.cpp and *.hpp git tracks (and new ones it does not ignore). ctest:
# contract.clang_format. Runnable from any working directory; file arguments are taken as given.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/../.." && pwd)"

if ! command -v clang-format >/dev/null; then
  echo "check-clang-format: clang-format is missing (Debian package clang-format; deploy/local/test installs it)" >&2
  exit 2
fi

files=()
if (($# > 0)); then
  files=("$@")
else
  cd "${repo_root}"
  # A file deleted in the working tree but not yet in the index is nothing to format.
  while IFS= read -r -d '' file; do
    if [[ -f ${file} ]]; then files+=("${file}"); fi
  done < <(git ls-files -z --cached --others --exclude-standard -- '*.cpp' '*.hpp')
  if ((${#files[@]} == 0)); then
    echo "check-clang-format: git lists no C++ files under ${repo_root}" >&2
    exit 2
  fi
fi

if ! clang-format --dry-run --Werror "${files[@]}"; then
  echo "check-clang-format: FAILED; 'clang-format -i <file>' formats a file in place" >&2
  exit 1
fi
echo "check-clang-format: OK (${#files[@]} files, $(clang-format --version))"
