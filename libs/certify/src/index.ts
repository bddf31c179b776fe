export {
  frobeniusNorm,
  induced1Norm,
  inducedInfNorm,
  spectralNorm,
  layerNorms,
  surrogateLipschitz,
  spectralProduct,
} from './norms';
export type { LayerNorms } from './norms';
