// The peer for bench/grpc/run.sh: grpc.testing.TestService/UnaryCall on @grpc/grpc-js.
// Usage: node grpcjs-server.mjs <port>. Prints "served N" (calls answered OK) on SIGINT or SIGTERM.
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const port = process.argv[2] ?? '50062';
const definition = protoLoader.loadSync('grpc/testing/test.proto', {
  includeDirs: ['/usr/share/grpc-proto'], keepCase: true, longs: Number, enums: String, defaults: true,
});
const testing = grpc.loadPackageDefinition(definition).grpc.testing;
let served = 0;
const server = new grpc.Server();
server.addService(testing.TestService.service, {
  UnaryCall(call, callback) {
    served++;
    callback(null, { payload: { type: 'COMPRESSABLE', body: Buffer.alloc(call.request.response_size) } });
  },
});
server.bindAsync(`127.0.0.1:${port}`, grpc.ServerCredentials.createInsecure(), (error) => {
  if (error) throw error;
  console.log(`grpc-js server on 127.0.0.1:${port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { console.log(`served ${served}`); process.exit(0); });
}
