export { protos, packageDefinition } from './load';
export type { RlpruneProto } from './load';
export { PROTO_ROOT, PROTO_FILES, LOAD_OPTIONS } from './load-options';
export { encodeTensor, decodeTensor, TensorShapeError } from './tensor';
export type { DecodedTensor, WireTensor } from './tensor';
