# shellcheck shell=bash
# deploy/local/lib/build.sh: the CMake build and the pinned npm packages of a folder. Sourced by
# deploy/local/lib.sh.

# kutse_build BUILD_DIR [EXTRA CMAKE ARGS...]. KUTSE_SKIP_BUILD=1 uses the build folder as it is.
kutse_build() {
  local dir=$1
  shift
  if [[ ${KUTSE_SKIP_BUILD:-0} == 1 ]]; then
    log "KUTSE_SKIP_BUILD=1: using $dir as it is"
    return 0
  fi
  [[ -f $KUTSE_REPO/CMakeLists.txt ]] || die "no CMakeLists.txt in $KUTSE_REPO: nothing to build"
  local args=(-S "$KUTSE_REPO" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo)
  if command -v ccache >/dev/null; then
    args+=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  fi
  log "building in $dir"
  cmake "${args[@]}" "$@" || die "cmake configure failed"
  cmake --build "$dir" -j "$(nproc)" || die "build failed"
}

# Installs a folder's pinned npm packages; skipped while package*.json are unchanged since the last
# install (the stamp lives in node_modules and vanishes with it).
kutse_npm_install() { # DIR WHAT
  local dir=$1 stamp inputs
  [[ -f $dir/package.json ]] || return 0
  stamp="$dir/node_modules/.kutse-inputs.sha256"
  inputs=$(cat "$dir/package.json" "$dir/package-lock.json" 2>/dev/null | sha256sum)
  [[ ! -f $stamp || $(<"$stamp") != "$inputs" ]] || return 0
  log "installing $2 in $dir"
  if [[ -f $dir/package-lock.json ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund >&2) || die "npm ci failed in $dir"
  else
    (cd "$dir" && npm install --no-audit --no-fund >&2) || die "npm install failed in $dir"
  fi
  printf '%s\n' "$inputs" >"$stamp"
}
