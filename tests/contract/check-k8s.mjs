#!/usr/bin/env node
// Checks the Kubernetes manifests in deploy/k8s (run by tests/contract/check-k8s.sh). For the base
// and every overlay it renders the kustomization and checks:
//  - every object against its schema (k8s-schemas.mjs): built-in kinds against the Kubernetes API
//    schemas of the pinned kubernetes-models package, the CloudNativePG Cluster and the
//    RabbitmqCluster against their CRDs pinned in fixtures/crds; unknown fields fail too;
//  - every object parses and has apiVersion, kind and metadata.name, with no duplicates;
//  - every Deployment: readiness (/readyz), liveness (/healthz) and startup probes; CPU and memory
//    requests and limits; runAsNonRoot, runAsUser 10001, seccomp RuntimeDefault,
//    readOnlyRootFilesystem, allowPrivilegeEscalation false, capabilities drop ALL;
//    terminationGracePeriodSeconds; a ServiceAccount with automountServiceAccountToken false; a pinned
//    image tag; the settings its description lists (libs/runtime/settings.txt and
//    services/<service>/settings.txt, checked by settings-contract.mjs): every required one given,
//    credentials from Secrets, secret files on mounted Secret volumes, values of their kind, and no
//    KUTSE_* variable the service does not read; a Service, HorizontalPodAutoscaler,
//    PodDisruptionBudget and NetworkPolicy of its own;
//  - only the gateway's NetworkPolicy admits traffic from outside the cluster's pods;
//  - the development identity switch appears nowhere: not in the rendered output, and not in any
//    file under deploy/k8s or deploy/docker.
//
// Rendering: with --kubectl=<path>, by `kubectl kustomize`. Without it (a machine with no kubectl), by
// a small built-in resolver for the kustomize features these manifests use (resources, namespace,
// images, replicas, patches: JSON 6902 and strategic merge), which fails on any kustomization field
// it does not implement rather than ignore it. With kubectl the built-in resolver also renders each
// kustomization (a few milliseconds) and must produce the same objects, so the fallback stays true;
// where it cannot render one, that is reported, not failed.
//
// Usage: node tests/contract/check-k8s.mjs [--kubectl=/usr/bin/kubectl] [--root=<deploy/k8s dir>]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import YAML from 'yaml';
import { serviceSettings } from '../lib/settings.mjs';
import { kubernetesSchemas, schemaProblems, uncheckedCelRules } from './k8s-schemas.mjs';
import { containerSettingProblems } from './settings-contract.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const args = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument ${a}`);
    return [m[1], m[2] ?? true];
  }),
);
const k8sRoot = path.resolve(args.root ?? path.join(repoRoot, 'deploy', 'k8s'));
const dockerRoot = path.join(repoRoot, 'deploy', 'docker');
const kubectl = typeof args.kubectl === 'string' ? args.kubectl : undefined;

const SERVICES = ['gateway', 'certificate', 'workflow', 'notification', 'stamping'];
const NAMESPACE = 'kutse';
const RUN_AS_USER = 10001;
const FORBIDDEN = /KUTSE_DEV_IDENTITY|dev[_-]?identity/i; // the dev identity switch and its header
const CLUSTER_SCOPED = new Set([
  'Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume',
  'StorageClass', 'PriorityClass', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration',
  'APIService', 'IngressClass', 'RuntimeClass',
]);

const failures = [];
const fail = (where, msg) => failures.push(`${where}: ${msg}`);
// Paths under the manifests' root read deploy/k8s/..., also for a copy given with --root.
const shownFrom = path.resolve(k8sRoot, '..', '..');
const rel = (p) => path.relative(p === k8sRoot || p.startsWith(`${k8sRoot}${path.sep}`) ? shownFrom : repoRoot, p) || '.';
const clone = (v) => structuredClone(v);
const id = (o) => `${o?.kind}/${o?.metadata?.namespace ? `${o.metadata.namespace}/` : ''}${o?.metadata?.name}`;

// ------------------------------------------------------------------------------------------------
// Minimal kustomize
class KustomizeError extends Error {}

// Each overlay reads the base's files again: parse each once, hand out copies.
const parsedFiles = new Map();
function parseYamlDocs(file) {
  if (!parsedFiles.has(file)) parsedFiles.set(file, parseYamlFile(file));
  return clone(parsedFiles.get(file));
}
function parseYamlFile(file) {
  const text = readFileSync(file, 'utf8');
  const docs = YAML.parseAllDocuments(text);
  const out = [];
  for (const doc of docs) {
    if (doc.errors.length) throw new KustomizeError(`${rel(file)}: ${doc.errors[0].message}`);
    const value = doc.toJS();
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) throw new KustomizeError(`${rel(file)}: a document is not a mapping`);
    out.push(value);
  }
  return out;
}

function kustomizationFile(dir) {
  for (const name of ['kustomization.yaml', 'kustomization.yml', 'Kustomization']) {
    const f = path.join(dir, name);
    if (existsSync(f)) return f;
  }
  return undefined;
}

const SUPPORTED = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'images', 'replicas', 'patches']);

function build(dir, seen = new Set()) {
  const kfile = kustomizationFile(dir);
  if (!kfile) throw new KustomizeError(`${rel(dir)}: no kustomization.yaml`);
  if (seen.has(dir)) throw new KustomizeError(`${rel(dir)}: kustomization cycle`);
  seen = new Set(seen).add(dir);
  const [k] = parseYamlDocs(kfile);
  for (const key of Object.keys(k ?? {})) {
    if (!SUPPORTED.has(key)) {
      throw new KustomizeError(`${rel(kfile)}: field '${key}' is not implemented by the fallback resolver in tests/contract/check-k8s.mjs (extend it, or run with kubectl)`);
    }
  }
  let objects = [];
  for (const r of k.resources ?? []) {
    if (/^[a-z]+:\/\//i.test(r) || r.includes('?ref=')) throw new KustomizeError(`${rel(kfile)}: remote resource ${r} is not allowed`);
    const p = path.resolve(dir, r);
    if (!existsSync(p)) throw new KustomizeError(`${rel(kfile)}: resource ${r} does not exist`);
    objects.push(...(statSync(p).isDirectory() ? build(p, seen) : parseYamlDocs(p)));
  }
  for (const patch of k.patches ?? []) objects = applyPatch(objects, patch, dir, kfile);
  if (k.namespace) {
    for (const o of objects) {
      if (!CLUSTER_SCOPED.has(o.kind)) (o.metadata ??= {}).namespace = k.namespace;
    }
  }
  for (const r of k.replicas ?? []) {
    let hit = false;
    for (const o of objects) {
      if (['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'].includes(o.kind) && o.metadata?.name === r.name) {
        (o.spec ??= {}).replicas = r.count;
        hit = true;
      }
    }
    if (!hit) throw new KustomizeError(`${rel(kfile)}: replicas: no workload named ${r.name}`);
  }
  for (const img of k.images ?? []) {
    let hit = false;
    for (const o of objects) for (const c of containersOf(o)) {
      const ref = splitImage(c.image);
      if (ref.name !== img.name) continue;
      hit = true;
      const name = img.newName ?? ref.name;
      c.image = img.digest ? `${name}@${img.digest}` : `${name}${img.newTag ? `:${img.newTag}` : ref.tag ? `:${ref.tag}` : ''}${!img.newTag && ref.digest ? `@${ref.digest}` : ''}`;
    }
    if (!hit) throw new KustomizeError(`${rel(kfile)}: images: no container uses image ${img.name}`);
  }
  return objects;
}

function splitImage(image = '') {
  let rest = image;
  let digest;
  const at = rest.indexOf('@');
  if (at >= 0) [rest, digest] = [rest.slice(0, at), rest.slice(at + 1)];
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  let tag;
  if (colon > slash) [rest, tag] = [rest.slice(0, colon), rest.slice(colon + 1)];
  return { name: rest, tag, digest };
}

function podSpecOf(o) {
  if (o?.kind === 'Pod') return o.spec;
  if (o?.kind === 'CronJob') return o.spec?.jobTemplate?.spec?.template?.spec;
  return o?.spec?.template?.spec;
}
function containersOf(o) {
  const spec = podSpecOf(o);
  return spec ? [...(spec.containers ?? []), ...(spec.initContainers ?? [])] : [];
}

function matchesTarget(o, t) {
  const [group, version] = (o.apiVersion ?? '').includes('/') ? o.apiVersion.split('/') : ['', o.apiVersion];
  const re = (s) => new RegExp(`^(?:${s})$`);
  if (t.kind && !re(t.kind).test(o.kind)) return false;
  if (t.name && !re(t.name).test(o.metadata?.name ?? '')) return false;
  if (t.namespace && !re(t.namespace).test(o.metadata?.namespace ?? '')) return false;
  if (t.group !== undefined && !re(t.group).test(group)) return false;
  if (t.version && !re(t.version).test(version)) return false;
  for (const [sel, field] of [[t.labelSelector, 'labels'], [t.annotationSelector, 'annotations']]) {
    if (!sel) continue;
    for (const term of sel.split(',')) {
      const m = /^\s*([^=!\s]+)\s*(==|=|!=)\s*(\S*)\s*$/.exec(term);
      if (!m) throw new KustomizeError(`selector '${sel}' is not supported by the fallback resolver`);
      const v = o.metadata?.[field]?.[m[1]];
      if (m[2] === '!=' ? v === m[3] : v !== m[3]) return false;
    }
  }
  return true;
}

function applyPatch(objects, entry, dir, kfile) {
  if (entry.options && Object.keys(entry.options).length) throw new KustomizeError(`${rel(kfile)}: patch options are not implemented by the fallback resolver`);
  const text = entry.path ? readFileSync(path.resolve(dir, entry.path), 'utf8') : entry.patch;
  if (typeof text !== 'string') throw new KustomizeError(`${rel(kfile)}: a patch needs 'path' or 'patch'`);
  const docs = YAML.parseAllDocuments(text).map((d) => {
    if (d.errors.length) throw new KustomizeError(`${rel(kfile)}: patch: ${d.errors[0].message}`);
    return d.toJS();
  }).filter((d) => d !== null);
  if (docs.length === 1 && Array.isArray(docs[0])) {
    if (!entry.target) throw new KustomizeError(`${rel(kfile)}: a JSON 6902 patch needs a target`);
    const targets = objects.filter((o) => matchesTarget(o, entry.target));
    if (targets.length === 0) throw new KustomizeError(`${rel(kfile)}: patch target ${JSON.stringify(entry.target)} matches nothing`);
    return objects.map((o) => (targets.includes(o) ? jsonPatch(o, docs[0], kfile) : o));
  }
  let out = objects;
  for (const smp of docs) {
    const target = entry.target ?? { kind: smp.kind, name: smp.metadata?.name };
    const targets = out.filter((o) => matchesTarget(o, target));
    if (targets.length === 0) throw new KustomizeError(`${rel(kfile)}: strategic merge patch for ${JSON.stringify(target)} matches nothing`);
    out = out.map((o) => {
      if (!targets.includes(o)) return o;
      const patch = clone(smp);
      if (entry.target) { // a targeted SMP keeps the target's identity
        delete patch.metadata?.name;
        delete patch.kind;
        delete patch.apiVersion;
      }
      return strategicMerge(o, patch, kfile);
    });
  }
  return out;
}

function pointerParts(p) {
  if (p === '') return [];
  if (!p.startsWith('/')) throw new KustomizeError(`bad JSON pointer ${p}`);
  return p.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function jsonPatch(obj, ops, kfile) {
  const doc = clone(obj);
  for (const op of ops) {
    const parts = pointerParts(op.path);
    const last = parts.pop();
    let parent = doc;
    for (const p of parts) {
      parent = parent?.[Array.isArray(parent) ? Number(p) : p];
      if (parent === undefined || parent === null) throw new KustomizeError(`${rel(kfile)}: ${op.op} ${op.path}: path does not exist in ${id(obj)}`);
    }
    const key = Array.isArray(parent) ? (last === '-' ? parent.length : Number(last)) : last;
    switch (op.op) {
      case 'add':
        if (Array.isArray(parent)) parent.splice(key, 0, clone(op.value));
        else parent[key] = clone(op.value);
        break;
      case 'replace':
        if (!(key in parent)) throw new KustomizeError(`${rel(kfile)}: replace ${op.path}: nothing there in ${id(obj)}`);
        parent[key] = clone(op.value);
        break;
      case 'remove':
        if (!(key in parent)) throw new KustomizeError(`${rel(kfile)}: remove ${op.path}: nothing there in ${id(obj)}`);
        if (Array.isArray(parent)) parent.splice(key, 1);
        else delete parent[key];
        break;
      case 'test':
        if (!isDeepStrictEqual(parent[key], op.value)) throw new KustomizeError(`${rel(kfile)}: test ${op.path} failed in ${id(obj)}`);
        break;
      default:
        throw new KustomizeError(`${rel(kfile)}: JSON patch op '${op.op}' is not implemented by the fallback resolver`);
    }
  }
  return doc;
}

// Strategic merge, simplified: maps merge, null deletes, lists of named objects merge by name,
// other lists replace. Directives ($patch, $setElementOrder, ...) are refused.
function strategicMerge(base, patch, kfile) {
  if (patch === null) return undefined;
  if (Array.isArray(patch)) {
    const named = patch.every((x) => x && typeof x === 'object' && !Array.isArray(x) && 'name' in x);
    if (!named || !Array.isArray(base)) return clone(patch);
    const out = clone(base);
    for (const item of patch) {
      const i = out.findIndex((x) => x?.name === item.name);
      if (i >= 0) out[i] = strategicMerge(out[i], item, kfile);
      else out.push(clone(item));
    }
    return out;
  }
  if (patch && typeof patch === 'object') {
    const out = base && typeof base === 'object' && !Array.isArray(base) ? clone(base) : {};
    for (const [k, v] of Object.entries(patch)) {
      if (k.startsWith('$')) throw new KustomizeError(`${rel(kfile)}: strategic-merge directive ${k} is not implemented by the fallback resolver`);
      const merged = strategicMerge(out[k], v, kfile);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    }
    return out;
  }
  return patch;
}

function kubectlBuild(dir) {
  const out = execFileSync(kubectl, ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  return YAML.parseAllDocuments(out).map((d) => {
    if (d.errors.length) throw new KustomizeError(`kubectl output: ${d.errors[0].message}`);
    return d.toJS();
  }).filter((d) => d !== null);
}

// ------------------------------------------------------------------------------------------------
// Checks on one rendered set of objects
function envValue(container, name, configMaps) {
  const e = (container.env ?? []).find((x) => x.name === name);
  if (e) return e;
  for (const src of container.envFrom ?? []) {
    const cm = src.configMapRef && configMaps.get(src.configMapRef.name);
    if (cm?.data && name in cm.data) return { name, value: cm.data[name], from: `ConfigMap ${src.configMapRef.name}` };
  }
  return undefined;
}

// The settings description of each service, read once; a malformed one is a failure of its own.
const descriptions = new Map();
function settingProblems(service, container, pod, configMaps) {
  if (!descriptions.has(service)) {
    try {
      descriptions.set(service, serviceSettings(repoRoot, service));
    } catch (e) {
      descriptions.set(service, e);
    }
  }
  const settings = descriptions.get(service);
  if (settings instanceof Error) return [settings.message];
  return containerSettingProblems(settings, container, pod, configMaps);
}

function selects(selector, labels) {
  const ml = selector?.matchLabels ?? {};
  if ((selector?.matchExpressions ?? []).length) return false; // not used here; keep the check simple
  return Object.keys(ml).length > 0 && Object.entries(ml).every(([k, v]) => labels?.[k] === v);
}

function checkRendered(label, objects) {
  const where = (o) => `${label} ${id(o)}`;
  const seen = new Set();
  for (const o of objects) {
    if (!o.apiVersion || !o.kind || !o.metadata?.name) {
      fail(label, `object without apiVersion, kind or metadata.name: ${JSON.stringify(o).slice(0, 120)}`);
      continue;
    }
    const key = `${o.apiVersion.split('/')[0]}|${id(o)}`;
    if (seen.has(key)) fail(where(o), 'defined twice');
    seen.add(key);
    if (!CLUSTER_SCOPED.has(o.kind) && o.metadata.namespace !== NAMESPACE) fail(where(o), `namespace is ${o.metadata.namespace}, not ${NAMESPACE}`);
  }
  const text = JSON.stringify(objects);
  const m = FORBIDDEN.exec(text);
  if (m) fail(label, `the development identity switch appears in the rendered manifests ('${m[0]}')`);

  const of = (kind) => objects.filter((o) => o.kind === kind);
  const configMaps = new Map(of('ConfigMap').map((o) => [o.metadata.name, o]));
  const serviceAccounts = new Map(of('ServiceAccount').map((o) => [o.metadata.name, o]));
  const deployments = of('Deployment');
  const deployedServices = new Set(deployments.map((d) => d.metadata.name));
  for (const s of SERVICES) if (!deployedServices.has(s)) fail(label, `no Deployment for service ${s}`);

  for (const d of deployments) {
    const at = where(d);
    const name = d.metadata.name;
    const pod = d.spec?.template?.spec ?? {};
    const podLabels = d.spec?.template?.metadata?.labels ?? {};
    if (!selects(d.spec?.selector, podLabels)) fail(at, 'selector does not match the pod template labels');
    if (!(Number.isInteger(d.spec?.replicas) && d.spec.replicas >= 2)) fail(at, `replicas ${d.spec?.replicas} (want at least 2)`);
    const psc = pod.securityContext ?? {};
    if (!Number.isInteger(pod.terminationGracePeriodSeconds)) fail(at, 'terminationGracePeriodSeconds is not set');
    if (psc.seccompProfile?.type !== 'RuntimeDefault') fail(at, 'pod seccompProfile is not RuntimeDefault');
    if (pod.automountServiceAccountToken !== false) fail(at, 'pod automountServiceAccountToken is not false');
    const sa = serviceAccounts.get(pod.serviceAccountName);
    if (!sa) fail(at, `ServiceAccount ${pod.serviceAccountName} is not defined`);
    else if (sa.automountServiceAccountToken !== false) fail(where(sa), 'automountServiceAccountToken is not false');
    if (pod.hostNetwork || pod.hostPID || pod.hostIPC) fail(at, 'uses host namespaces');
    const secretVolumes = new Map((pod.volumes ?? []).filter((v) => v.secret).map((v) => [v.name, v.secret.secretName]));
    if (!(pod.containers ?? []).length) fail(at, 'no containers');
    for (const c of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
      const cat = `${at} container ${c.name}`;
      const csc = c.securityContext ?? {};
      const probe = (p, wantPath, what) => {
        if (!p) return fail(cat, `no ${what}`);
        if (!p.httpGet && !p.tcpSocket && !p.exec && !p.grpc) fail(cat, `${what} has no handler`);
        if (wantPath && p.httpGet?.path !== wantPath) fail(cat, `${what} does not GET ${wantPath}`);
      };
      probe(c.readinessProbe, '/readyz', 'readinessProbe');
      probe(c.livenessProbe, '/healthz', 'livenessProbe');
      probe(c.startupProbe, undefined, 'startupProbe');
      for (const kind of ['requests', 'limits']) {
        for (const r of ['cpu', 'memory']) {
          if (c.resources?.[kind]?.[r] === undefined || c.resources[kind][r] === '') fail(cat, `resources.${kind}.${r} is not set`);
        }
      }
      if ((csc.runAsNonRoot ?? psc.runAsNonRoot) !== true) fail(cat, 'runAsNonRoot is not true');
      if ((csc.runAsUser ?? psc.runAsUser) !== RUN_AS_USER) fail(cat, `runAsUser is not ${RUN_AS_USER}`);
      if (csc.readOnlyRootFilesystem !== true) fail(cat, 'readOnlyRootFilesystem is not true');
      if (csc.allowPrivilegeEscalation !== false) fail(cat, 'allowPrivilegeEscalation is not false');
      if (csc.privileged) fail(cat, 'privileged');
      if (!(csc.capabilities?.drop ?? []).includes('ALL')) fail(cat, 'capabilities do not drop ALL');
      if ((csc.capabilities?.add ?? []).length) fail(cat, `adds capabilities ${csc.capabilities.add}`);
      const img = splitImage(c.image);
      if (!c.image || (!img.tag && !img.digest) || img.tag === 'latest') fail(cat, `image '${c.image}' has no pinned tag or digest`);

      // What the service reads, as its description says: every required setting, credentials from
      // Secrets, secret files on mounted Secret volumes, values of their kind, no other KUTSE_*.
      if (!(pod.initContainers ?? []).includes(c)) {
        for (const problem of settingProblems(name, c, pod, configMaps)) fail(cat, problem);
      }
      for (const e of c.env ?? []) {
        if (typeof e.value === 'string' && /(password|passwd|secret|token)=|:\/\/[^/\s:@]+:[^/\s@]+@|BEGIN [A-Z ]*PRIVATE KEY/i.test(e.value)) fail(cat, `env ${e.name} holds what looks like a credential`);
      }
      for (const cm of configMaps.values()) {
        for (const [k, v] of Object.entries(cm.data ?? {})) {
          if (/(password|passwd|secret|token)=|:\/\/[^/\s:@]+:[^/\s@]+@|BEGIN [A-Z ]*PRIVATE KEY/i.test(String(v))) fail(where(cm), `${k} holds what looks like a credential`);
        }
      }
      if (name !== 'gateway' && envValue(c, 'KUTSE_TOKEN_PRIVATE_KEY_FILE', configMaps)) fail(cat, 'only the gateway may hold the token private key');
    }
    if (name !== 'gateway' && [...secretVolumes.values()].some((s) => /private/i.test(s))) fail(at, 'mounts a private-key Secret; only the gateway may');

    const mine = (kind) => of(kind);
    if (!mine('Service').some((s) => selects({ matchLabels: s.spec?.selector }, podLabels))) fail(at, 'no Service selects its pods');
    const hpa = mine('HorizontalPodAutoscaler').find((h) => h.spec?.scaleTargetRef?.kind === 'Deployment' && h.spec.scaleTargetRef.name === name);
    if (!hpa) fail(at, 'no HorizontalPodAutoscaler');
    else {
      if (hpa.apiVersion !== 'autoscaling/v2') fail(where(hpa), `apiVersion ${hpa.apiVersion} (want autoscaling/v2)`);
      if (!(hpa.spec.minReplicas >= 2 && hpa.spec.maxReplicas >= hpa.spec.minReplicas)) fail(where(hpa), `min ${hpa.spec.minReplicas} / max ${hpa.spec.maxReplicas}`);
    }
    if (!mine('PodDisruptionBudget').some((p) => selects(p.spec?.selector, podLabels))) fail(at, 'no PodDisruptionBudget selects its pods');
    const policies = mine('NetworkPolicy').filter((p) => selects(p.spec?.podSelector, podLabels));
    if (!policies.length) fail(at, 'no NetworkPolicy selects its pods');
    const types = new Set(policies.flatMap((p) => p.spec?.policyTypes ?? []));
    if (!types.has('Ingress') || !types.has('Egress')) fail(at, 'its NetworkPolicies do not restrict both Ingress and Egress');
    for (const p of policies) {
      for (const rule of p.spec?.ingress ?? []) {
        const from = rule.from ?? [];
        const open = from.length === 0 || from.some((f) => f.ipBlock || (f.namespaceSelector && Object.keys(f.namespaceSelector).length === 0 && !f.podSelector));
        if (open && name !== 'gateway') fail(where(p), `admits ${name} traffic from outside the cluster's pods; only the gateway may`);
      }
      if (name !== 'gateway') {
        const fromGateway = (p.spec?.ingress ?? []).some((r) => (r.from ?? []).some((f) => f.podSelector?.matchLabels?.['app.kubernetes.io/name'] === 'gateway' && !f.namespaceSelector));
        if (!fromGateway) fail(where(p), `does not admit the gateway to ${name}`);
      }
    }
  }
  const anyPolicy = of('NetworkPolicy').length;
  if (!anyPolicy) fail(label, 'no NetworkPolicy at all');
  if (!of('Cluster').some((o) => o.apiVersion?.startsWith('postgresql.cnpg.io/'))) fail(label, 'no CloudNativePG Cluster');
  if (!of('RabbitmqCluster').some((o) => o.apiVersion?.startsWith('rabbitmq.com/'))) fail(label, 'no RabbitmqCluster');
  // The one public entry: HTTPS to the gateway only, for the host the gateway believes it serves.
  const ingresses = of('Ingress');
  if (ingresses.length !== 1) fail(label, `${ingresses.length} Ingresses (want exactly one, for the gateway)`);
  const publicUrl = configMaps.get('gateway-config')?.data?.KUTSE_PUBLIC_URL ?? '';
  const publicHost = /^https:\/\/([^/:]+)/.exec(publicUrl)?.[1];
  if (!publicHost) fail(label, `gateway-config KUTSE_PUBLIC_URL '${publicUrl}' is not an https URL`);
  for (const ingress of ingresses) {
    const at = where(ingress);
    const rules = ingress.spec?.rules ?? [];
    const backends = rules.flatMap((r) => r.http?.paths ?? []).map((p) => p.backend?.service);
    if (!backends.length || backends.some((b) => b?.name !== 'gateway')) fail(at, 'routes to something other than the gateway Service');
    const tlsHosts = new Set((ingress.spec?.tls ?? []).filter((t) => t.secretName).flatMap((t) => t.hosts ?? []));
    for (const rule of rules) {
      if (!rule.host) fail(at, 'a rule without a host');
      else if (!tlsHosts.has(rule.host)) fail(at, `host ${rule.host} has no TLS certificate Secret`);
      else if (rule.host !== publicHost) fail(at, `host ${rule.host} is not the host of KUTSE_PUBLIC_URL (${publicUrl})`);
    }
  }
  return deployments.length;
}

// ------------------------------------------------------------------------------------------------
// Raw files: the dev identity switch must not appear anywhere under deploy/k8s or deploy/docker.
function* walk(dir) {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}
for (const file of [...walk(k8sRoot), ...walk(dockerRoot)]) {
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (FORBIDDEN.test(line)) fail(`${rel(file)}:${i + 1}`, 'mentions the development identity switch (must never appear under deploy/k8s or deploy/docker)');
  });
}

// Kustomizations: the base and every overlay.
const dirs = [];
if (kustomizationFile(path.join(k8sRoot, 'base'))) dirs.push(path.join(k8sRoot, 'base'));
const overlaysDir = path.join(k8sRoot, 'overlays');
if (existsSync(overlaysDir)) {
  for (const e of readdirSync(overlaysDir, { withFileTypes: true })) {
    if (e.isDirectory()) dirs.push(path.join(overlaysDir, e.name));
  }
}
if (!dirs.some((d) => d.endsWith(`${path.sep}base`))) fail(rel(k8sRoot), 'no base kustomization');
if (dirs.length < 3) fail(rel(k8sRoot), 'expected overlays (staging, production)');

const renderer = kubectl ? 'kubectl kustomize' : 'built-in resolver';
if (kubectl) {
  const v = JSON.parse(execFileSync(kubectl, ['version', '--client', '-o', 'json'], { encoding: 'utf8' }));
  console.log(`check-k8s: rendering with kubectl kustomize (kubectl ${v.clientVersion?.gitVersion}, kustomize ${v.kustomizeVersion})`);
} else {
  console.log('check-k8s: rendering with the built-in resolver (no kubectl given)');
}
console.log(`check-k8s: schemas: ${kubernetesSchemas}; CRDs in ${rel(path.join(here, 'fixtures', 'crds'))}`);

const byKey = (list) => new Map(list.map((o) => [`${o.apiVersion}|${id(o)}`, o]));
// Where the built-in resolver disagrees with kubectl: the fallback would check something else.
function fallbackDisagreement(label, dir, rendered) {
  let own;
  try {
    own = build(dir);
  } catch (e) {
    if (!(e instanceof KustomizeError)) throw e;
    return `the built-in resolver cannot render it (${e.message}); only machines with kubectl can check it`;
  }
  const a = byKey(own);
  const b = byKey(rendered);
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    if (!a.has(k)) fail(label, `${k} is rendered by kubectl but not by the built-in resolver`);
    else if (!b.has(k)) fail(label, `${k} is rendered by the built-in resolver but not by kubectl`);
    else if (!isDeepStrictEqual(a.get(k), b.get(k))) fail(label, `${k} differs between kubectl and the built-in resolver`);
  }
  return 'the built-in resolver renders the same';
}

for (const dir of dirs.sort()) {
  const label = rel(dir);
  if (!kustomizationFile(dir)) {
    fail(label, 'no kustomization.yaml');
    continue;
  }
  const before = failures.length;
  let rendered;
  try {
    rendered = kubectl ? kubectlBuild(dir) : build(dir);
  } catch (e) {
    if (!(e instanceof KustomizeError) && e.status === undefined) throw e;
    fail(label, `does not render with ${renderer}: ${(e.stderr?.toString() || e.message).trim()}`);
    continue;
  }
  const at = `${label} [${renderer}]`;
  const n = checkRendered(at, rendered);
  const checked = new Map();
  for (const { object, using, problems } of schemaProblems(rendered)) {
    checked.set(using, (checked.get(using) ?? 0) + 1);
    for (const p of problems) fail(`${at} ${id(object)}`, `schema (${using}): ${p}`);
  }
  const schemas = [...checked].map(([using, count]) => `${count} against ${using}`).join(', ');
  const fallback = kubectl ? `; ${fallbackDisagreement(label, dir, rendered)}` : '';
  const verdict = failures.length === before ? 'ok  ' : 'bad ';
  console.log(`${verdict} ${label}: ${rendered.length} objects rendered by ${renderer}, ${n} Deployments policy-checked; schemas: ${schemas}${fallback}`);
}

if (failures.length) {
  for (const f of failures) console.error(`FAIL ${f}`);
  console.error(`check-k8s: FAILED (${failures.length} problem${failures.length === 1 ? '' : 's'})`);
  process.exit(1);
}
console.log(`check-k8s: OK (${dirs.length} kustomizations rendered by ${renderer}; ${uncheckedCelRules()} CEL rules of the CRDs not evaluated)`);
