export { InvalidArgumentError } from './errors';
export { lintDockerfile, parseDockerfile, unpinnedReason } from './dockerfile-lint';
export type { DockerfileFinding, DockerfileRule, DockerInstruction } from './dockerfile-lint';
export { KUSTOMIZE_ROOT, kustomizeBinary, listKustomizations, parseManifests, renderComposition, renderKustomization } from './kustomize';
export type { K8sObject } from './kustomize';
export { MODELS, validateSchemas } from './schema-validate';
export type { SchemaError } from './schema-validate';
export { checkInvariants } from './invariants';
export type { InvariantRule, Violation } from './invariants';
