export { InvalidArgumentError } from './errors';
export { lintDockerfile, parseDockerfile, unpinnedReason } from './dockerfile-lint';
export type { DockerfileFinding, DockerfileRule, DockerInstruction } from './dockerfile-lint';
export { KUSTOMIZE_ROOT, kustomizeBinary, kustomizeV5, listKustomizations, parseManifests, pinnedKustomize, renderComposition, renderKustomization } from './kustomize';
export type { K8sObject, KustomizeCommand } from './kustomize';
export { MODELS, validateSchemas } from './schema-validate';
export type { SchemaError } from './schema-validate';
export { checkInvariants } from './invariants';
export type { InvariantRule, Violation } from './invariants';
