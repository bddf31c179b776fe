// The only place where grpc-js's runtime values meet the generated types by assertion. grpc-js builds
// package trees and client classes from descriptors at runtime and types them as plain
// `GrpcObject` / `ServiceClient`; proto-loader-gen-types describes the same objects exactly. Every
// other file gets typed values from here (or from typed constructors), so a renamed proto field is a
// type error wherever it is read or written.
import * as grpc from '@grpc/grpc-js';

/** A client class as getClient takes it: constructible, with the service name it caches by. */
export type ClientConstructor<C extends grpc.Client> = (new (address: string, credentials: grpc.ChannelCredentials, options?: grpc.ClientOptions) => C) & {
  serviceName?: string;
};

/** The package tree grpc-js loaded, as the generated type that describes it. */
export function typedPackageTree<T>(definition: grpc.GrpcObject): T {
  return definition as unknown as T;
}

/**
 * A client class for a service definition that is not in the generated tree (grpc.health.v1, or a
 * method with hand-written serialisers), typed by the caller's client interface `C`; `serviceName`
 * also keys getClient's cache, so it must differ from the generated class's when the codecs differ.
 */
export function typedClientConstructor<C extends grpc.Client>(definition: grpc.ServiceDefinition, serviceName: string): ClientConstructor<C> {
  return grpc.makeClientConstructor(definition, serviceName) as unknown as ClientConstructor<C>;
}

/**
 * A response already encoded to protobuf bytes, written to a stream that is typed by its message:
 * service-kit's server serialises a Buffer as it is (hot streams whose generic conversion costs more
 * than the work, the simulator's step answers).
 */
export function preEncoded<T extends object>(bytes: Buffer): T {
  return bytes as unknown as T;
}
