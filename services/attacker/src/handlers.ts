// Describe, Prepare and Perturb for the one attack this deployment serves.
import type * as grpc from '@grpc/grpc-js';
import type { Attack, Perturber } from '@rlprune/attacks';
import { decodePolicy } from '@rlprune/nn';
import { decodeTensor, encodeTensor } from '@rlprune/proto';
import type { AttackDescription, PerturbRequest__Output, PerturbResponse, PrepareEvent, PrepareRequest__Output } from '@rlprune/proto';
import {
  enforceCap,
  FailedPreconditionError,
  InvalidArgumentError,
  messages,
  requireArtifactId,
  requireFinite,
  requireString,
  type ArtifactClient,
  type Cap,
  type DialAllowList,
} from '@rlprune/service-kit';
import { remoteEnvFactory } from './remote-env';

export interface AttackerDeps {
  attack: Attack;
  artifacts: ArtifactClient;
  simulatorAddress: string;
  /** Simulator addresses a Prepare request may name (SIMULATOR_ADDRESS, RLPRUNE_DIAL_ALLOW). */
  dialable: DialAllowList;
  /** Busy-poll window of the simulator sessions Prepare opens (sim-client sessionBusyPollUs). */
  sessionBusyPollUs: number;
  /** Most observation rows one Perturb batch may carry (RLPRUNE_MAX_PERTURB_ROWS). */
  maxPerturbRows: Cap;
}

/**
 * Rows per Perturb batch: a simulator sends one row per environment it steps (tens); 1e6 rows held
 * the event loop for 15-18 s. 4096 rows of the costliest attack (MAD's SGLD) stay well under a second.
 */
export const DEFAULT_MAX_PERTURB_ROWS = 4096;

export function describe(attack: Attack): AttackDescription {
  return {
    name: attack.name,
    parameters: attack.parameters.map((p) => ({ name: p.name, defaultValue: p.default, description: p.description })),
    needsPrepare: attack.needsPrepare,
  };
}

export async function prepare(call: grpc.ServerWritableStream<PrepareRequest__Output, PrepareEvent>, deps: AttackerDeps): Promise<void> {
  const { attack } = deps;
  if (!attack.needsPrepare || !attack.prepare) {
    throw new FailedPreconditionError(`attack "${attack.name}" needs no preparing; call Perturb directly`);
  }
  const req = call.request;
  const policyId = requireArtifactId(req.policy, 'policy');
  const envId = requireString(req.envId, 'env_id');
  const epsilon = requireFinite(req.epsilon, 'epsilon');
  const policy = decodePolicy(await deps.artifacts.get(policyId));
  const controller = new AbortController();
  call.on('cancelled', () => controller.abort());
  const bytes = await attack.prepare({
    policy,
    envId,
    epsilon,
    seed: req.seed,
    params: { ...req.params },
    env: remoteEnvFactory(req.simulatorAddress ? deps.dialable.check(req.simulatorAddress, 'simulator_address') : deps.simulatorAddress, deps.sessionBusyPollUs, controller.signal),
    signal: controller.signal,
    onProgress: (p) =>
      call.write({
        progress: {
          fraction: p.iteration / p.iterations,
          message: `iteration ${p.iteration}/${p.iterations}, ${p.envSteps} env steps${Object.entries(p.metrics)
            .map(([k, v]) => `, ${k} ${v.toPrecision(4)}`)
            .join('')}`,
        },
      }),
  });
  const id = await deps.artifacts.put(bytes, { kind: 'prepared-attack', labels: { attack: attack.name, policy: policyId, env: envId } });
  call.write({ prepared: { id } });
}

export async function perturb(call: grpc.ServerDuplexStream<PerturbRequest__Output, PerturbResponse>, deps: AttackerDeps): Promise<void> {
  let perturber: Perturber | undefined;
  for await (const msg of messages(call)) {
    if (msg.header) {
      if (perturber) throw new FailedPreconditionError('header', 'the stream already has a header');
      const h = msg.header;
      const policy = decodePolicy(await deps.artifacts.get(requireArtifactId(h.policy, 'header.policy')));
      const prepared = h.prepared?.id ? await deps.artifacts.get(requireArtifactId(h.prepared, 'header.prepared')) : undefined;
      perturber = deps.attack.createPerturber({
        policy,
        epsilon: h.epsilon,
        seed: h.seed,
        params: { ...h.params },
        ...(prepared ? { prepared } : {}),
      });
    } else if (msg.batch) {
      if (!perturber) throw new FailedPreconditionError('header', 'send the header (policy, epsilon, seed) before observation batches');
      // the declared row count is checked before the tensor is decoded or anything is allocated
      enforceCap(deps.maxPerturbRows, msg.batch.observations?.shape?.[0] ?? 0, 'batch.observations', 'shape[0]');
      const { values, shape } = decodeTensor(msg.batch.observations, 'batch.observations', [null, perturber.obsDim]);
      const starts = msg.batch.episodeStart.length > 0 ? msg.batch.episodeStart : undefined;
      const out = perturber.perturb(values, shape[0]!, starts);
      call.write({ observations: encodeTensor(out, shape) });
    } else {
      throw new InvalidArgumentError('kind', 'each message must set header or batch');
    }
  }
}
