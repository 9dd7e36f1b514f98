# shellcheck shell=bash
# deploy/local/lib/packages.sh: installs the Debian packages the commands need when they are missing.
# Sourced by deploy/local/lib.sh.

KUTSE_PACKAGES=(build-essential cmake pkg-config ccache libpistache-dev libpqxx-dev librabbitmq-dev
  nlohmann-json3-dev catch2 libcurl4-openssl-dev libssl-dev postgresql-15 rabbitmq-server nodejs npm
  openssl curl wrk nginx-light clang-format shellcheck libmagic-dev
  libpodofo-dev libqrencode-dev fonts-dejavu-core poppler-utils zbar-tools python3-aiosmtpd
  libzip-dev libxml2-dev xmlsec1 unzip libxml2-utils
  clang-14 libclang-rt-14-dev) # libFuzzer with ASan/UBSan for tests/fuzz
KUTSE_POLICY_RC=/usr/sbin/policy-rc.d
KUTSE_OWN_POLICY_RC=0 # set while our temporary /usr/sbin/policy-rc.d exists

kutse_package_present() {
  [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]] && return 0
  # NodeSource's nodejs package ships npm itself and conflicts with Debian's npm package.
  case $1 in
    nodejs) command -v node >/dev/null ;;
    npm) command -v npm >/dev/null ;;
    *) return 1 ;;
  esac
}

kutse_as_root() {
  if ((EUID == 0)); then
    "$@"
  else
    command -v sudo >/dev/null || die "need root or sudo for: $*"
    sudo "$@"
  fi
}

kutse_ensure_packages() {
  local p missing=()
  for p in "${KUTSE_PACKAGES[@]}"; do
    kutse_package_present "$p" || missing+=("$p")
  done
  ((${#missing[@]} > 0)) || return 0
  log "installing missing Debian packages: ${missing[*]}"
  # Package scripts would start the system-wide PostgreSQL and RabbitMQ; we run private instances.
  # policy-rc.d exit 101 forbids that. Written only if none exists, removed again afterwards.
  if [[ ! -e $KUTSE_POLICY_RC ]]; then
    KUTSE_OWN_POLICY_RC=1
    printf '#!/bin/sh\n# Temporary: written by kutse deploy/local/lib/packages.sh during apt-get install.\nexit 101\n' |
      kutse_as_root tee "$KUTSE_POLICY_RC" >/dev/null
    kutse_as_root chmod 755 "$KUTSE_POLICY_RC"
  fi
  local rc=0 apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
  kutse_as_root "${apt[@]}" update -q || rc=$?
  ((rc != 0)) || kutse_as_root "${apt[@]}" install -y "${missing[@]}" || rc=$?
  kutse_remove_policy_rc
  ((rc == 0)) || die "apt-get failed (exit $rc) while installing: ${missing[*]}"
}

kutse_remove_policy_rc() {
  if ((KUTSE_OWN_POLICY_RC)); then
    kutse_as_root rm -f "$KUTSE_POLICY_RC"
    KUTSE_OWN_POLICY_RC=0
  fi
}
