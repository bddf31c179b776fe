// Validates rendered objects offline against the Kubernetes OpenAPI schemas compiled into the
// `kubernetes-models` package (pinned to 5.1.0, so the schema version is pinned with it). Only the
// kinds rlprune ships are mapped; any other kind (a CRD, a typo in apiVersion) is itself an error.
// The validators check types, enums, formats and required fields; like a non-strict API server they
// do not reject unknown fields (see deploy/README.md).
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { K8sObject } from './kustomize';

interface ValidatingModel {
  validate(): void;
}
type ModelClass = new (data: never) => ValidatingModel;

/** apiVersion/kind -> model class with the compiled schema validator. */
export const MODELS: ReadonlyMap<string, ModelClass> = new Map<string, ModelClass>([
  ['v1/Namespace', Namespace as unknown as ModelClass],
  ['v1/Service', Service as unknown as ModelClass],
  ['v1/ServiceAccount', ServiceAccount as unknown as ModelClass],
  ['v1/ConfigMap', ConfigMap as unknown as ModelClass],
  ['v1/PersistentVolumeClaim', PersistentVolumeClaim as unknown as ModelClass],
  ['apps/v1/Deployment', Deployment as unknown as ModelClass],
  ['apps/v1/StatefulSet', StatefulSet as unknown as ModelClass],
  ['autoscaling/v2/HorizontalPodAutoscaler', HorizontalPodAutoscaler as unknown as ModelClass],
  ['networking.k8s.io/v1/NetworkPolicy', NetworkPolicy as unknown as ModelClass],
  ['policy/v1/PodDisruptionBudget', PodDisruptionBudget as unknown as ModelClass],
]);

export interface SchemaError {
  /** "Kind/name" of the offending object. */
  object: string;
  message: string;
}

/** Schema errors of every object (empty when all are valid). */
export function validateSchemas(objects: K8sObject[]): SchemaError[] {
  const errors: SchemaError[] = [];
  for (const obj of objects) {
    const id = `${obj.kind}/${obj.metadata.name}`;
    const Model = MODELS.get(`${obj.apiVersion}/${obj.kind}`);
    if (!Model) {
      errors.push({ object: id, message: `no schema for ${obj.apiVersion} ${obj.kind}: expected one of ${[...MODELS.keys()].join(', ')}` });
      continue;
    }
    try {
      new Model(structuredClone(obj) as never).validate();
    } catch (err) {
      errors.push({ object: id, message: (err as Error).message });
    }
  }
  return errors;
}
