// A minimal grpc.reflection.v1 client: lists the services a server exposes.
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

const protoDir = path.join(path.dirname(require.resolve('@grpc/reflection/package.json')), 'build', 'proto');

export async function listServices(address: string): Promise<string[]> {
  const def = protoLoader.loadSync('grpc/reflection/v1/reflection.proto', { includeDirs: [protoDir], keepCase: true });
  const pkg = grpc.loadPackageDefinition(def) as unknown as {
    grpc: { reflection: { v1: { ServerReflection: new (a: string, c: grpc.ChannelCredentials) => grpc.Client & Record<string, CallableFunction> } } };
  };
  const client = new pkg.grpc.reflection.v1.ServerReflection(address, grpc.credentials.createInsecure());
  try {
    const call = client.ServerReflectionInfo() as grpc.ClientDuplexStream<object, { list_services_response?: { service: { name: string }[] } }>;
    const names = await new Promise<string[]>((resolve, reject) => {
      call.on('data', (m) => {
        resolve((m.list_services_response?.service ?? []).map((s: { name: string }) => s.name));
        call.end();
      });
      call.on('error', reject);
      call.write({ list_services: '' });
    });
    return names.sort();
  } finally {
    client.close();
  }
}
