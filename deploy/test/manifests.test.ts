// Renders every overlay, the base, the base with each component alone and with all components
// together (in the order the prod overlay uses), then checks each rendering against the Kubernetes
// schemas and the project invariants, and checks the wiring between services.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  KUSTOMIZE_ROOT,
  checkInvariants,
  kustomizeV5,
  listKustomizations,
  renderComposition,
  renderKustomization,
  validateSchemas,
  type K8sObject,
} from '../src';

interface Env {
  name: string;
  value?: string;
}
interface Container {
  name: string;
  image: string;
  env?: Env[];
  ports?: { name: string; containerPort: number }[];
  resources: { limits?: Record<string, unknown>; requests?: Record<string, unknown> };
}
interface Workload extends K8sObject {
  spec: {
    template: {
      metadata: { labels: Record<string, string> };
      spec: {
        containers: Container[];
        nodeSelector?: Record<string, string>;
        tolerations?: { key: string; value?: string }[];
        volumes?: { name: string; configMap?: { name: string } }[];
      };
    };
  };
}
interface Svc extends K8sObject {
  spec: { clusterIP?: string; ports: { port: number }[] };
}

const components = listKustomizations('components');
const attackComponents = components.filter((c) => c.startsWith('attack-'));
const featureComponents = components.filter((c) => !c.startsWith('attack-'));
// the prod overlay's order: attacks first, so label-selected patches see every attacker
const allInOrder = [...attackComponents, 'pools', 'gpu', 'hpa', 'tracing-jaeger', 'network-policies'].map((c) => `components/${c}`);

const compositions: Record<string, () => Promise<K8sObject[]>> = {
  base: () => renderKustomization(path.join(KUSTOMIZE_ROOT, 'base')),
  ...Object.fromEntries(listKustomizations('overlays').map((o) => [`overlay ${o}`, () => renderKustomization(path.join(KUSTOMIZE_ROOT, 'overlays', o))])),
  ...Object.fromEntries(components.map((c) => [`base + ${c}`, () => renderComposition(['base'], [`components/${c}`])])),
  'base + every feature component': () => renderComposition(['base'], featureComponents.map((c) => `components/${c}`)),
  'base + every component': () => renderComposition(['base'], allInOrder),
};
const rendered = new Map<string, K8sObject[]>();

const workloads = (objs: K8sObject[]) => objs.filter((o): o is Workload => o.kind === 'Deployment' || o.kind === 'StatefulSet');
const rlprune = (objs: K8sObject[]) => workloads(objs).filter((w) => w.metadata.labels?.['app.kubernetes.io/part-of'] === 'rlprune');
const server = (w: Workload) => w.spec.template.spec.containers.find((c) => c.name === 'server')!;
const envOf = (w: Workload, name: string) => server(w).env?.find((e) => e.name === name)?.value;
const byKind = (objs: K8sObject[], kind: string, name: string) => objs.find((o) => o.kind === kind && o.metadata.name === name);
const attackers = (objs: K8sObject[]) => workloads(objs).filter((w) => w.metadata.labels?.['app.kubernetes.io/component'] === 'attacker');

/** host:port addresses must name a Service of the set that exposes that port. */
function expectResolvable(objs: K8sObject[], address: string | undefined, what: string) {
  expect(address, what).toMatch(/^[a-z0-9-]+:\d+$/);
  const [host, port] = address!.split(':');
  const svc = byKind(objs, 'Service', host) as Svc | undefined;
  expect(svc, `${what}: no Service ${host}`).toBeDefined();
  expect(svc!.spec.ports.map((p) => p.port), `${what}: Service ${host} ports`).toContain(Number(port));
}

beforeAll(async () => {
  // two at a time: the machine has two cores and kustomize is CPU-bound
  const names = Object.keys(compositions);
  for (let i = 0; i < names.length; i += 2) {
    const batch = names.slice(i, i + 2);
    const results = await Promise.all(batch.map((n) => compositions[n]()));
    batch.forEach((n, j) => rendered.set(n, results[j]));
  }
});

describe.each(Object.keys(compositions))('%s', (name) => {
  it('renders and every object is valid against the pinned Kubernetes schemas', () => {
    const objs = rendered.get(name)!;
    expect(objs.length).toBeGreaterThan(0);
    expect(validateSchemas(objs)).toEqual([]);
  });

  it('keeps every invariant (gRPC probes, non-root, limits, headless gRPC Services, GPUs in limits only, pinned images, spread, connection age, budgets)', () => {
    expect(checkInvariants(rendered.get(name)!)).toEqual([]);
  });

  it('wires every address to a Service of the set, and HOST/PORT to the container port', () => {
    const objs = rendered.get(name)!;
    for (const w of rlprune(objs)) {
      const id = `${w.kind}/${w.metadata.name}`;
      expect(envOf(w, 'HOST'), id).toBe('0.0.0.0');
      const port = Number(envOf(w, 'PORT'));
      expect(server(w).ports?.map((p) => p.containerPort), id).toEqual([port]);
      expectResolvable(objs, `${w.metadata.name}:${port}`, `${id} own Service`);
      for (const v of ['ORCHESTRATOR_ADDRESS', 'SIMULATOR_ADDRESS', 'TRAINER_ADDRESS', 'PRUNER_ADDRESS', 'CERTIFIER_ADDRESS']) {
        const value = envOf(w, v);
        if (value !== undefined) expectResolvable(objs, value, `${id} ${v}`);
      }
    }
  });

  it('turns busy polling off: spun CPU would read as load to the autoscaler, and the peer is across the network', () => {
    const objs = rendered.get(name)!;
    expect(envOf(byKind(objs, 'Deployment', 'simulator') as Workload, 'SIM_BUSY_POLL_US')).toBe('0');
    const clients = [byKind(objs, 'Deployment', 'trainer') as Workload, ...attackers(objs)];
    for (const w of clients) expect(envOf(w, 'RLPRUNE_SESSION_BUSY_POLL_US'), w.metadata.name).toBe('0');
  });

  it("caps the simulator's physics threads at its container's CPU limit", () => {
    const sim = byKind(rendered.get(name)!, 'Deployment', 'simulator') as Workload;
    const limit = Number(server(sim).resources?.limits?.cpu);
    const threads = Number(envOf(sim, 'SIM_MAX_THREADS'));
    expect(threads).toBeGreaterThanOrEqual(1);
    expect(threads).toBeLessThanOrEqual(limit);
  });

  it('registers exactly the attacker Deployments with the orchestrator, each under its ATTACK name', () => {
    const objs = rendered.get(name)!;
    const orchestrator = byKind(objs, 'StatefulSet', 'orchestrator') as Workload;
    const volume = orchestrator.spec.template.spec.volumes!.find((v) => v.name === 'attackers')!;
    const cm = byKind(objs, 'ConfigMap', volume.configMap!.name) as K8sObject & { data: Record<string, string> };
    expect(cm, `ConfigMap ${volume.configMap!.name}`).toBeDefined();
    const expected = Object.fromEntries(attackers(objs).map((w) => [envOf(w, 'ATTACK')!, `${w.metadata.name}:${envOf(w, 'PORT')}`]));
    expect(cm.data).toEqual(expected);
    for (const address of Object.values(cm.data)) expectResolvable(objs, address, 'ATTACKER_ADDRESSES entry');
  });

  it("lets the simulator dial the attackers the orchestrator names (its allow-list is its own ATTACKER_ADDRESSES)", () => {
    const objs = rendered.get(name)!;
    const mountOf = (w: Workload) => w.spec.template.spec.volumes!.find((v) => v.name === 'attackers')?.configMap?.name;
    const sim = byKind(objs, 'Deployment', 'simulator') as Workload;
    expect(mountOf(sim)).toBe(mountOf(byKind(objs, 'StatefulSet', 'orchestrator') as Workload));
    const server = sim.spec.template.spec.containers.find((c) => c.name === 'server') as unknown as { args?: string[] };
    expect(server.args?.join('\n')).toMatch(/export ATTACKER_ADDRESSES=/);
  });
});

describe('components', () => {
  const gpuUsers = (objs: K8sObject[]) =>
    workloads(objs).filter((w) => w.spec.template.spec.containers.some((c) => JSON.stringify(c.resources).includes('nvidia.com/gpu')));
  const heavy = (objs: K8sObject[]) => ['certifier', 'trainer', ...attackers(objs).map((w) => w.metadata.name)].sort();

  it('no GPU anywhere unless the gpu component is added on purpose (nothing rlprune runs uses one)', () => {
    const withGpu: string[] = ['base + gpu', 'base + every feature component', 'base + every component'];
    for (const name of Object.keys(compositions).filter((n) => !withGpu.includes(n))) {
      expect(gpuUsers(rendered.get(name)!).map((w) => w.metadata.name), name).toEqual([]);
    }
    expect(listKustomizations('overlays').length).toBeGreaterThan(0);
  });

  it('gpu: trainer, certifier and every attacker get one nvidia.com/gpu limit and the GPU taint tolerated; nothing else', () => {
    for (const name of ['base + gpu', 'base + every component']) {
      const objs = rendered.get(name)!;
      expect(gpuUsers(objs).map((w) => w.metadata.name).sort(), name).toEqual(heavy(objs));
      for (const w of gpuUsers(objs)) {
        expect(server(w).resources.limits!['nvidia.com/gpu'], w.metadata.name).toBe(1);
        expect(w.spec.template.spec.tolerations?.map((t) => t.key), w.metadata.name).toContain('nvidia.com/gpu');
      }
    }
  });

  it('pools: trainer, certifier and every attacker select their own pool and tolerate its taint, without asking for a GPU', () => {
    for (const name of ['base + pools', 'base + every component', 'overlay prod']) {
      const objs = rendered.get(name)!;
      const pooled = workloads(objs).filter((w) => w.spec.template.spec.nodeSelector?.['rlprune.dev/pool'] !== undefined);
      expect(pooled.map((w) => w.metadata.name).sort(), name).toEqual(heavy(objs));
      for (const w of pooled) {
        const pool = w.spec.template.spec.nodeSelector!['rlprune.dev/pool'];
        expect(pool, w.metadata.name).toBe(w.metadata.labels?.['app.kubernetes.io/component']);
        expect(w.spec.template.spec.tolerations, w.metadata.name).toContainEqual(expect.objectContaining({ key: 'rlprune.dev/pool', value: pool }));
      }
    }
    expect(gpuUsers(rendered.get('base + pools')!)).toEqual([]);
    expect(attackers(rendered.get('overlay prod')!)).toHaveLength(attackComponents.length + 1);
  });

  it('tracing-jaeger: every rlprune service exports to the collector, which exports to Jaeger', () => {
    for (const name of ['base + tracing-jaeger', 'overlay dev', 'overlay prod']) {
      const objs = rendered.get(name)!;
      for (const w of rlprune(objs)) {
        expect(envOf(w, 'OTEL_EXPORTER_OTLP_ENDPOINT'), `${name} ${w.metadata.name}`).toBe('http://otel-collector:4318');
        const names = server(w).env!.map((e) => e.name);
        // $(POD_NAME) only expands when POD_NAME is defined earlier in the list
        expect(names.indexOf('POD_NAME')).toBeLessThan(names.indexOf('OTEL_RESOURCE_ATTRIBUTES'));
      }
      expectResolvable(objs, 'otel-collector:4318', `${name} collector`);
      const config = objs.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('otel-collector-config')) as K8sObject & { data: Record<string, string> };
      const collector = parse(config.data['config.yaml']) as { exporters: { otlp: { endpoint: string } } };
      expectResolvable(objs, collector.exporters.otlp.endpoint.replace('dns:///', ''), `${name} collector exporter`);
    }
    expect(rlprune(rendered.get('base')!).every((w) => envOf(w, 'OTEL_EXPORTER_OTLP_ENDPOINT') === undefined)).toBe(true);
  });

  it('hpa: autoscales existing stateless Deployments only (never the orchestrator)', () => {
    const objs = rendered.get('base + hpa')!;
    const hpas = objs.filter((o) => o.kind === 'HorizontalPodAutoscaler') as (K8sObject & { spec: { scaleTargetRef: { kind: string; name: string } } })[];
    expect(hpas.length).toBeGreaterThan(0);
    for (const h of hpas) {
      expect(h.spec.scaleTargetRef.kind).toBe('Deployment');
      expect(byKind(objs, 'Deployment', h.spec.scaleTargetRef.name), h.metadata.name).toBeDefined();
    }
    expect(hpas.map((h) => h.spec.scaleTargetRef.name)).not.toContain('orchestrator');
  });

  it('network-policies: default deny, and every rlprune pod has a policy admitting its gRPC port', () => {
    const objs = rendered.get('base + every component')!;
    type Policy = K8sObject & { spec: { podSelector: { matchLabels?: Record<string, string> }; ingress?: { ports: { port: number }[] }[] } };
    const policies = objs.filter((o): o is Policy => o.kind === 'NetworkPolicy');
    expect(policies.some((p) => Object.keys(p.spec.podSelector.matchLabels ?? {}).length === 0 && !p.spec.ingress)).toBe(true);
    for (const w of rlprune(objs)) {
      const labels = w.spec.template.metadata.labels;
      const port = Number(envOf(w, 'PORT'));
      const admitted = policies.some(
        (p) =>
          Object.keys(p.spec.podSelector.matchLabels ?? {}).length > 0 &&
          Object.entries(p.spec.podSelector.matchLabels!).every(([k, v]) => labels[k] === v) &&
          (p.spec.ingress ?? []).some((r) => r.ports.some((q) => q.port === port)),
      );
      expect(admitted, w.metadata.name).toBe(true);
    }
  });

  it('attack components: one Deployment per attack, named after it, with ATTACK set to it', () => {
    for (const c of attackComponents) {
      const objs = rendered.get(`base + ${c}`)!;
      const dep = byKind(objs, 'Deployment', c.replace('attack-', 'attacker-')) as Workload;
      expect(dep, c).toBeDefined();
      expect(envOf(dep, 'ATTACK')!.replace(/_/g, '-')).toBe(c.replace('attack-', ''));
    }
  });
});

describe('overlays', () => {
  it('prod and dev put everything in their namespace, which enforces the restricted Pod Security Standard', () => {
    for (const [overlay, ns] of [['prod', 'rlprune'], ['dev', 'rlprune-dev']]) {
      const objs = rendered.get(`overlay ${overlay}`)!;
      const namespace = byKind(objs, 'Namespace', ns)!;
      expect(namespace.metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
      for (const o of objs.filter((x) => x.kind !== 'Namespace')) expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe(ns);
    }
  });

  it('every rlprune image is one of the services built by deploy/docker/Dockerfile (SERVICE build arg)', () => {
    const services = fs.readdirSync(path.resolve(KUSTOMIZE_ROOT, '..', '..', 'services'));
    for (const overlay of ['dev', 'prod']) {
      for (const w of rlprune(rendered.get(`overlay ${overlay}`)!)) {
        const m = /(?:^|\/)rlprune\/([a-z-]+):\d+\.\d+\.\d+$/.exec(server(w).image);
        expect(m, server(w).image).not.toBeNull();
        expect(services).toContain(m![1]);
      }
    }
  });

  it('label every object with the release (app.kubernetes.io/version = the images\' tag) and managed-by, never in a selector', () => {
    for (const overlay of ['dev', 'prod']) {
      const objs = rendered.get(`overlay ${overlay}`)!;
      const tags = new Set(rlprune(objs).map((w) => server(w).image.split(':').pop()));
      expect(tags.size, overlay).toBe(1);
      for (const o of objs) {
        expect(o.metadata.labels?.['app.kubernetes.io/version'], `${overlay} ${o.kind}/${o.metadata.name}`).toBe([...tags][0]);
        expect(o.metadata.labels?.['app.kubernetes.io/managed-by'], `${overlay} ${o.kind}/${o.metadata.name}`).toBe('kustomize');
      }
      for (const w of workloads(objs)) {
        expect(JSON.stringify((w.spec as { selector?: unknown }).selector), w.metadata.name).not.toContain('app.kubernetes.io/version');
      }
    }
  });

  it('every rlprune container starts compiled JavaScript (the images carry no start through tsx)', () => {
    for (const overlay of ['dev', 'prod']) {
      for (const w of rlprune(rendered.get(`overlay ${overlay}`)!)) {
        const c = server(w) as Container & { command?: string[]; args?: string[] };
        expect(JSON.stringify([c.command, c.args]), w.metadata.name).not.toMatch(/tsx|\.ts\b/);
      }
    }
  });

  it('rendering is deterministic', async () => {
    const again = await renderKustomization(path.join(KUSTOMIZE_ROOT, 'overlays', 'dev'));
    expect(again).toEqual(rendered.get('overlay dev'));
  });
});

// kustomize v5 is what `kubectl apply -k` embeds; the pinned v4 is what the tests above render with
const v5 = kustomizeV5();
describe.skipIf(!v5)(`kustomize v5 (${v5?.version ?? 'none on this machine: set KUSTOMIZE_V5 or install kubectl with kustomize v5'})`, () => {
  it.each(['overlay dev', 'overlay prod', 'base', 'base + every component'])('renders %s exactly as the pinned v4 does', async (name) => {
    const objs =
      name === 'base'
        ? await renderKustomization(path.join(KUSTOMIZE_ROOT, 'base'), v5)
        : name === 'base + every component'
          ? await renderComposition(['base'], allInOrder, v5)
          : await renderKustomization(path.join(KUSTOMIZE_ROOT, 'overlays', name.replace('overlay ', '')), v5);
    expect(objs).toEqual(rendered.get(name));
  });
});

describe('the checks catch what they are for', () => {
  const mutate = (fn: (objs: Workload[] & K8sObject[]) => void) => {
    const objs = structuredClone(rendered.get('overlay prod')!) as Workload[] & K8sObject[];
    fn(objs);
    return objs;
  };
  const sim = (objs: K8sObject[]) => byKind(objs, 'Deployment', 'simulator') as Workload & { spec: { template: { spec: { containers: (Container & Record<string, unknown>)[]; securityContext: Record<string, unknown> } } } };

  it('invariants flag a missing gRPC probe, root, missing limits, a ClusterIP gRPC Service, a GPU request and an unpinned image', () => {
    const objs = mutate((o) => {
      const s = sim(o);
      delete s.spec.template.spec.containers[0].readinessProbe;
      s.spec.template.spec.securityContext.runAsUser = 0;
      delete s.spec.template.spec.containers[0].resources.limits!.memory;
      (byKind(o, 'Service', 'simulator') as Svc).spec.clusterIP = '10.0.0.10';
      const trainer = server(byKind(o, 'Deployment', 'trainer') as Workload);
      trainer.resources.requests!['nvidia.com/gpu'] = 1;
      server(byKind(o, 'Deployment', 'pruner') as Workload).image = 'rlprune/pruner:latest';
    });
    expect(checkInvariants(objs).map((v) => `${v.rule} ${v.object}`).sort()).toEqual([
      'gpu-limits-only Deployment/trainer container server',
      'grpc-probes Deployment/simulator container server',
      'headless-grpc Service/simulator',
      'limits Deployment/simulator container server',
      'non-root Deployment/simulator container server',
      'pinned-images Deployment/pruner container server',
    ]);
  });

  it('invariants flag a Deployment without spread constraints, a server without a connection age, and budgets that block or protect nothing', () => {
    const objs = mutate((o) => {
      delete (server(byKind(o, 'Deployment', 'pruner') as Workload) as Container).env!.find((e) => e.name === 'MAX_CONNECTION_AGE_MS')!.value;
      delete (byKind(o, 'Deployment', 'certifier') as Workload & { spec: { template: { spec: { topologySpreadConstraints?: unknown } } } }).spec.template.spec.topologySpreadConstraints;
      const pdb = (name: string, app: string, spec: Record<string, number>) =>
        ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name }, spec: { ...spec, selector: { matchLabels: { 'app.kubernetes.io/name': app } } } }) as never;
      o.push(pdb('orchestrator', 'orchestrator', { maxUnavailable: 1 }), pdb('trainer', 'trainer', { minAvailable: 1 }), pdb('nobody', 'no-such-app', { minAvailable: 1 }));
    });
    expect(checkInvariants(objs).map((v) => `${v.rule} ${v.object}`).sort()).toEqual([
      'connection-age Deployment/pruner container server',
      'disruption-budget PodDisruptionBudget/nobody',
      'disruption-budget PodDisruptionBudget/orchestrator',
      'disruption-budget PodDisruptionBudget/trainer',
      'topology-spread Deployment/certifier',
    ]);
  });

  it('schema validation flags a wrong type and a kind without a shipped schema', () => {
    const objs = mutate((o) => {
      (sim(o).spec.template.spec.containers[0] as unknown as { livenessProbe: { grpc: { port: unknown } } }).livenessProbe.grpc.port = 'grpc';
      o.push({ apiVersion: 'jaegertracing.io/v1', kind: 'Jaeger', metadata: { name: 'operator-made' } } as never);
    });
    const errors = validateSchemas(objs);
    expect(errors.map((e) => e.object)).toEqual(['Deployment/simulator', 'Jaeger/operator-made']);
    expect(errors[0].message).toContain('livenessProbe/grpc/port must be integer');
  });

  it('bad input to the renderer names the field and the value', async () => {
    await expect(renderComposition(['base'], ['components/no-such-feature'])).rejects.toThrow(InvalidArgumentError);
    await expect(renderKustomization('/nonexistent')).rejects.toThrow(/dir: expected a directory holding kustomization.yaml, got \/nonexistent/);
  });
});
