# shellcheck shell=bash
# deploy/local/lib/settings.sh: a service's environment built from its settings description
# (libs/runtime/settings.txt and services/<service>/settings.txt, read with bash builtins only).
# Sourced by deploy/local/lib.sh.

# kutse_settings_load SERVICE: sets KUTSE_SETTING_NAMES (in the files' order) and KUTSE_SETTING_NEED
# (name -> required|optional) to every setting SERVICE reads: the shared ones without those its file
# marks not-read, then its own. Dies, naming file and line, on a line it cannot read.
kutse_settings_load() {
  local s=$1 file name need default kind secret description n
  local shared="$KUTSE_REPO/libs/runtime/settings.txt" own="$KUTSE_REPO/services/$1/settings.txt"
  KUTSE_SETTING_NAMES=()
  KUTSE_SETTING_NEED=()
  local -A not_read=()
  for file in "$shared" "$own"; do
    [[ -f $file ]] || die "$file is missing: every service describes the settings it reads there"
    n=0
    while read -r name need default kind secret description || [[ -n $name ]]; do
      n=$((n + 1))
      [[ -n $name && $name != \#* ]] || continue
      if [[ ! $name =~ ^KUTSE_[A-Z0-9_]+$ || ! $need =~ ^(required|optional|not-read)$ ||
        -z $default || -z $kind || -z $secret || -z $description ]]; then
        die "$file:$n: not a setting line (name need default kind secret description)"
      fi
      if [[ $need == not-read ]]; then
        not_read[$name]=1
      elif [[ -z ${KUTSE_SETTING_NEED[$name]:-} ]]; then
        KUTSE_SETTING_NAMES+=("$name")
        KUTSE_SETTING_NEED[$name]=$need
      fi
    done <"$file"
  done
  local kept=()
  for name in "${KUTSE_SETTING_NAMES[@]}"; do
    if [[ -n ${not_read[$name]:-} ]]; then unset "KUTSE_SETTING_NEED[$name]"; else kept+=("$name"); fi
  done
  KUTSE_SETTING_NAMES=("${kept[@]}")
}
declare -gA KUTSE_SETTING_NEED=()

# kutse_service_environment SERVICE VALUES: sets KUTSE_SERVICE_ENV to NAME=VALUE for each setting
# SERVICE reads, taking the value from the associative array named VALUES (what the command computes:
# ports, DSNs, key files, upstream URLs), else from this shell's environment (so `KUTSE_HTTP_THREADS=4
# deploy/local/run` reaches every service), else leaving it out (the service's default). Dies, naming
# them, when required settings have no value: the command must compute them (kutse_service_values).
kutse_service_environment() {
  local s=$1 name missing=()
  local -n values=$2
  kutse_settings_load "$s"
  KUTSE_SERVICE_ENV=()
  for name in "${KUTSE_SETTING_NAMES[@]}"; do
    if [[ -n ${values[$name]+set} ]]; then
      KUTSE_SERVICE_ENV+=("$name=${values[$name]}")
    elif [[ -n ${!name+set} ]]; then
      KUTSE_SERVICE_ENV+=("$name=${!name}")
    elif [[ ${KUTSE_SETTING_NEED[$name]} == required ]]; then
      missing+=("$name")
    fi
  done
  if ((${#missing[@]} > 0)); then
    die "cannot start $s: deploy/local has no value for its required setting(s) ${missing[*]}" \
      "(declared in libs/runtime/settings.txt or services/$s/settings.txt; give it in" \
      "kutse_service_values, deploy/local/lib/services.sh, or export it)"
  fi
}
