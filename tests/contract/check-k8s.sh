#!/usr/bin/env bash
# Renders and checks the Kubernetes manifests (deploy/k8s base and overlays) and the image recipes'
# folder (deploy/docker) with tests/contract/check-k8s.mjs. The built-in kustomize resolver always
# runs; when a working `kubectl kustomize` is available (offline is enough), every kustomization is
# also rendered by kubectl, checked the same way, and must equal the built-in rendering.
# Set KUTSE_CHECK_K8S_KUBECTL=0 to skip kubectl. Runnable from any working directory.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/../.." && pwd)"

if [[ ! -d "${repo_root}/tests/node_modules/yaml" ]]; then
  echo "check-k8s: ${repo_root}/tests/node_modules is missing; run 'npm ci' (or 'npm install') in ${repo_root}/tests" >&2
  exit 2
fi

args=()
if [[ "${KUTSE_CHECK_K8S_KUBECTL:-1}" != 0 ]] && kubectl_bin="$(command -v kubectl)" \
  && "${kubectl_bin}" kustomize "${repo_root}/deploy/k8s/base" >/dev/null 2>&1; then
  args+=("--kubectl=${kubectl_bin}")
else
  echo "check-k8s: kubectl kustomize not used (unavailable or KUTSE_CHECK_K8S_KUBECTL=0); built-in resolver only"
fi

exec node "${script_dir}/check-k8s.mjs" "${args[@]}"
