// The rules every rendered rlprune manifest set must keep, as checks that return violations:
//   grpc-probes       every rlprune workload (Deployment/StatefulSet labelled part-of=rlprune) has gRPC
//                     readiness and liveness probes on its container's gRPC port
//   http-probes       every other Deployment (collector, Jaeger: no grpc.health.v1) has readiness and
//                     liveness probes of some kind
//   non-root          pod runAsNonRoot with a non-zero runAsUser; containers without privilege
//                     escalation, with a read-only root filesystem and every capability dropped
//   limits            every container sets cpu and memory requests and limits
//   headless-grpc     every Service with a gRPC port, and every Service in front of a workload that
//                     scales (replicas > 1 or an HPA), is headless (clusterIP: None)
//   gpu-limits-only   nvidia.com/gpu appears only in limits, never in requests
//   pinned-images     every image names an exact MAJOR.MINOR.PATCH tag or a sha256 digest
//   service-accounts  every workload runs under its own ServiceAccount that exists in the set
//   topology-spread   every rlprune Deployment (any can be scaled) spreads its pods over nodes: a
//                     topologySpreadConstraint on kubernetes.io/hostname that selects its own pods
//   connection-age    every rlprune server container sets MAX_CONNECTION_AGE_MS > 0, so clients
//                     re-resolve and reach pods added after they connected
//   disruption-budget every PodDisruptionBudget selects a workload and can both be kept and allow a
//                     drain: minAvailable below, or maxUnavailable below, the workload's minimum
//                     replicas (the HPA's minReplicas when one targets it), so it neither blocks
//                     every drain nor protects nothing
import { unpinnedReason } from './dockerfile-lint';
import type { K8sObject } from './kustomize';

export type InvariantRule =
  | 'grpc-probes'
  | 'http-probes'
  | 'non-root'
  | 'limits'
  | 'headless-grpc'
  | 'gpu-limits-only'
  | 'pinned-images'
  | 'service-accounts'
  | 'topology-spread'
  | 'connection-age'
  | 'disruption-budget';

export interface Violation {
  rule: InvariantRule;
  /** "Kind/name" or "Kind/name container c". */
  object: string;
  message: string;
}

interface Probe {
  grpc?: { port?: number };
  httpGet?: unknown;
  tcpSocket?: unknown;
  exec?: unknown;
}
interface Container {
  name: string;
  image?: string;
  ports?: { name?: string; containerPort: number }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { requests?: Record<string, unknown>; limits?: Record<string, unknown> };
  env?: { name: string; value?: string }[];
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    capabilities?: { drop?: string[] };
  };
}
interface PodSpec {
  serviceAccountName?: string;
  topologySpreadConstraints?: { topologyKey: string; labelSelector?: { matchLabels?: Record<string, string> } }[];
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers: Container[];
  initContainers?: Container[];
}
interface Workload extends K8sObject {
  spec: { replicas?: number; selector?: { matchLabels?: Record<string, string> }; template: { metadata?: { labels?: Record<string, string> }; spec: PodSpec } };
}
interface DisruptionBudget extends K8sObject {
  spec: { minAvailable?: number | string; maxUnavailable?: number | string; selector?: { matchLabels?: Record<string, string> } };
}
interface ServiceObject extends K8sObject {
  spec: { clusterIP?: string; selector?: Record<string, string>; ports?: { name?: string; port: number; appProtocol?: string }[] };
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicaSet', 'Pod']);

function isRlpruneService(obj: K8sObject): boolean {
  return obj.metadata.labels?.['app.kubernetes.io/part-of'] === 'rlprune';
}

function workloads(objects: K8sObject[]): Workload[] {
  for (const o of objects) {
    // Pods and jobs would bypass these checks as written; none are shipped, so refuse them outright
    if (WORKLOAD_KINDS.has(o.kind) && o.kind !== 'Deployment' && o.kind !== 'StatefulSet') {
      throw new Error(`${o.kind}/${o.metadata.name}: only Deployments and StatefulSets are checked; extend invariants.ts first`);
    }
  }
  return objects.filter((o): o is Workload => o.kind === 'Deployment' || o.kind === 'StatefulSet');
}

function selects(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

function grpcPorts(c: Container): number[] {
  return (c.ports ?? []).filter((p) => /grpc/.test(p.name ?? '')).map((p) => p.containerPort);
}

export function checkInvariants(objects: K8sObject[]): Violation[] {
  const out: Violation[] = [];
  const add = (rule: InvariantRule, object: string, message: string) => out.push({ rule, object, message });
  const all = workloads(objects);
  const accounts = new Set(objects.filter((o) => o.kind === 'ServiceAccount').map((o) => o.metadata.name));
  const hpaMinReplicas = new Map(
    objects
      .filter((o) => o.kind === 'HorizontalPodAutoscaler')
      .map((o) => {
        const spec = (o as K8sObject & { spec: { scaleTargetRef: { kind: string; name: string }; minReplicas?: number } }).spec;
        return [`${spec.scaleTargetRef.kind}/${spec.scaleTargetRef.name}`, spec.minReplicas ?? 1] as const;
      }),
  );
  const hpaTargets = new Set(hpaMinReplicas.keys());
  const minReplicas = (w: Workload) => hpaMinReplicas.get(`${w.kind}/${w.metadata.name}`) ?? w.spec.replicas ?? 1;

  for (const w of all) {
    const id = `${w.kind}/${w.metadata.name}`;
    const pod = w.spec.template.spec;
    const sa = pod.serviceAccountName;
    if (!sa || sa === 'default') add('service-accounts', id, `runs under ${sa ?? 'the default ServiceAccount'}; expected its own`);
    else if (!accounts.has(sa)) add('service-accounts', id, `ServiceAccount ${sa} is not in the rendered set`);

    const podSc = pod.securityContext ?? {};
    for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
      const cid = `${id} container ${c.name}`;
      const sc = c.securityContext ?? {};
      const nonRoot = sc.runAsNonRoot ?? podSc.runAsNonRoot;
      const uid = sc.runAsUser ?? podSc.runAsUser;
      if (nonRoot !== true) add('non-root', cid, `runAsNonRoot is ${String(nonRoot)}; expected true`);
      if (uid === undefined || uid === 0) add('non-root', cid, `runAsUser is ${String(uid)}; expected a non-zero uid`);
      if (sc.allowPrivilegeEscalation !== false) add('non-root', cid, `allowPrivilegeEscalation is ${String(sc.allowPrivilegeEscalation)}; expected false`);
      if (sc.readOnlyRootFilesystem !== true) add('non-root', cid, `readOnlyRootFilesystem is ${String(sc.readOnlyRootFilesystem)}; expected true`);
      if (!(sc.capabilities?.drop ?? []).includes('ALL')) add('non-root', cid, `capabilities.drop is ${JSON.stringify(sc.capabilities?.drop ?? [])}; expected to include ALL`);

      const req = c.resources?.requests ?? {};
      const lim = c.resources?.limits ?? {};
      for (const r of ['cpu', 'memory']) {
        if (req[r] === undefined) add('limits', cid, `requests.${r} is not set`);
        if (lim[r] === undefined) add('limits', cid, `limits.${r} is not set`);
      }
      if (req['nvidia.com/gpu'] !== undefined) add('gpu-limits-only', cid, `requests nvidia.com/gpu=${String(req['nvidia.com/gpu'])}; GPUs go in limits only`);

      const image = c.image ?? '';
      const reason = image ? unpinnedReason(image) : 'no image';
      if (reason) add('pinned-images', cid, `image ${reason}`);
    }

    if (isRlpruneService(w) && w.kind === 'Deployment') {
      const own = w.spec.template.metadata?.labels;
      const spread = (pod.topologySpreadConstraints ?? []).some((t) => t.topologyKey === 'kubernetes.io/hostname' && selects(t.labelSelector?.matchLabels, own));
      if (!spread) add('topology-spread', id, 'no topologySpreadConstraint on kubernetes.io/hostname selects its own pods');
    }

    for (const c of pod.containers) {
      const cid = `${id} container ${c.name}`;
      if (isRlpruneService(w) && c.name === 'server') {
        const age = c.env?.find((e) => e.name === 'MAX_CONNECTION_AGE_MS')?.value;
        if (!age || !/^\d+$/.test(age) || Number(age) === 0) add('connection-age', cid, `MAX_CONNECTION_AGE_MS is ${JSON.stringify(age)}; expected a positive number of milliseconds`);
      }
      if (isRlpruneService(w)) {
        const ports = grpcPorts(c);
        for (const kind of ['readinessProbe', 'livenessProbe'] as const) {
          const port = c[kind]?.grpc?.port;
          if (port === undefined) add('grpc-probes', cid, `${kind} is not a gRPC probe`);
          else if (!ports.includes(port)) add('grpc-probes', cid, `${kind} probes port ${port}; the container's gRPC ports are ${JSON.stringify(ports)}`);
        }
      } else if (w.kind === 'Deployment') {
        for (const kind of ['readinessProbe', 'livenessProbe'] as const) {
          if (!c[kind]) add('http-probes', cid, `${kind} is missing`);
        }
      }
    }
  }

  for (const b of objects.filter((o): o is DisruptionBudget => o.kind === 'PodDisruptionBudget')) {
    const id = `PodDisruptionBudget/${b.metadata.name}`;
    const targets = all.filter((w) => selects(b.spec.selector?.matchLabels, w.spec.template.metadata?.labels));
    if (targets.length === 0) {
      add('disruption-budget', id, 'selects no workload of the set');
      continue;
    }
    for (const w of targets) {
      const min = minReplicas(w);
      const { minAvailable, maxUnavailable } = b.spec;
      if (typeof minAvailable === 'number' && minAvailable >= min) {
        add('disruption-budget', id, `minAvailable ${minAvailable} with at least ${min} replica(s) of ${w.kind}/${w.metadata.name}: blocks every drain`);
      } else if (typeof maxUnavailable === 'number' && maxUnavailable >= min) {
        add('disruption-budget', id, `maxUnavailable ${maxUnavailable} with ${min} replica(s) of ${w.kind}/${w.metadata.name}: lets a drain take them all, protecting nothing`);
      } else if (maxUnavailable === 0 || typeof minAvailable === 'string' || typeof maxUnavailable === 'string') {
        add('disruption-budget', id, 'use a whole-number minAvailable or maxUnavailable above 0, checked against the replicas');
      }
    }
  }

  const services = objects.filter((o): o is ServiceObject => o.kind === 'Service');
  for (const s of services) {
    const id = `Service/${s.metadata.name}`;
    const carriesGrpc = (s.spec.ports ?? []).some((p) => p.appProtocol === 'grpc' || /grpc/.test(p.name ?? ''));
    const backends = all.filter((w) => selects(s.spec.selector, w.spec.template.metadata?.labels));
    const scales = backends.some((w) => (w.spec.replicas ?? 1) > 1 || hpaTargets.has(`${w.kind}/${w.metadata.name}`));
    if ((carriesGrpc || scales) && s.spec.clusterIP !== 'None') {
      add('headless-grpc', id, `clusterIP is ${s.spec.clusterIP ?? 'allocated'}; a ${carriesGrpc ? 'gRPC' : 'scaled'} Service must be headless (clusterIP: None)`);
    }
  }
  return out;
}
