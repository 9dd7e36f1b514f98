#!/usr/bin/env bash
# Renders and checks the Kubernetes manifests (deploy/k8s base and overlays) and the image recipes'
# folder (deploy/docker) with tests/contract/check-k8s.mjs: schemas, then policy. `kubectl kustomize`
# renders wherever it works (offline is enough); without it the built-in resolver of check-k8s.mjs
# does, and the output says which one ran. KUTSE_CHECK_K8S_KUBECTL=0 forces the built-in resolver.
# Arguments go to check-k8s.mjs (e.g. --root=<a deploy/k8s copy>). Runnable from any directory.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "${script_dir}/../.." && pwd)"

if [[ ! -d "${repo_root}/tests/node_modules/yaml" || ! -d "${repo_root}/tests/node_modules/kubernetes-models" ]]; then
  echo "check-k8s: ${repo_root}/tests/node_modules is missing; run 'npm ci' (or 'npm install') in ${repo_root}/tests" >&2
  exit 2
fi

# kubectl renders when its kustomize is v5 or newer (older ones, e.g. Debian's kubectl 1.20, do not
# know the fields these kustomizations use). A broken manifest must fail under kubectl, so the
# probe looks at the version only, never at the manifests.
args=()
kustomize_version=""
if [[ "${KUTSE_CHECK_K8S_KUBECTL:-1}" != 0 ]] && kubectl_bin="$(command -v kubectl)"; then
  kustomize_version="$("${kubectl_bin}" version --client -o json 2>/dev/null \
    | sed -n 's/.*"kustomizeVersion": *"\([^"]*\)".*/\1/p')" || true
fi
if [[ "${kustomize_version}" =~ ^v([0-9]+)\. ]] && ((BASH_REMATCH[1] >= 5)); then
  args+=("--kubectl=${kubectl_bin}")
elif [[ "${KUTSE_CHECK_K8S_KUBECTL:-1}" == 0 ]]; then
  echo "check-k8s: kubectl not used (KUTSE_CHECK_K8S_KUBECTL=0); the built-in resolver renders"
else
  echo "check-k8s: no kubectl with kustomize v5 or newer (found: ${kustomize_version:-none}); the built-in resolver renders"
fi

exec node "${script_dir}/check-k8s.mjs" "${args[@]}" "$@"
