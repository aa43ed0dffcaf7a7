// gRPC interop test client (cases from doc/interop-test-descriptions.md in grpc/grpc), written for
// this project on @grpc/grpc-js, an implementation we did not write.
// Usage: node client.mjs --server_port 50052 --test_case large_unary [--server_host 127.0.0.1] [--proto_root /usr/share/grpc-proto]
// Exits 0 and prints "PASS <case>" when the case passes; otherwise prints why and exits 1.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';

const { values: args } = parseArgs({
  options: {
    server_host: { type: 'string', default: '127.0.0.1' },
    server_port: { type: 'string' },
    test_case: { type: 'string' },
    proto_root: { type: 'string', default: '/usr/share/grpc-proto' },
  },
});

const definition = protoLoader.loadSync('grpc/testing/test.proto', {
  includeDirs: [args.proto_root], keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true,
});
const testing = grpc.loadPackageDefinition(definition).grpc.testing;
const address = `${args.server_host}:${args.server_port}`;
const insecure = grpc.credentials.createInsecure();
const client = new testing.TestService(address, insecure);
const gzipClient = new testing.TestService(address, insecure, { 'grpc.default_compression_algorithm': 2 });
const NO_COMPRESS = 2; // grpc-js WriteFlags.NoCompress

const zeros = (n) => Buffer.alloc(n);
const payload = (n) => ({ type: 'COMPRESSABLE', body: zeros(n) });

function assertZeros(received, size) {
  assert.equal(received.payload.body.length, size);
  assert.ok(received.payload.body.every((b) => b === 0), 'payload must be zeros');
}

/** A unary call, with the initial metadata and the status (trailers) it ended with. */
function unary(stub, method, request, metadata = new grpc.Metadata(), options = {}) {
  return new Promise((resolve, reject) => {
    let headers;
    const call = stub[method](request, metadata, options, (error, response) => {
      call.on('status', (status) => (error ? reject(Object.assign(error, { headers })) : resolve({ response, headers, status })));
    });
    call.on('metadata', (m) => { headers = m; });
  });
}

async function expectError(promise, code, details) {
  try {
    await promise;
  } catch (error) {
    assert.equal(error.code, code, `expected status ${code}, got ${error.code}: ${error.details}`);
    if (details !== undefined) assert.equal(error.details, details);
    return error;
  }
  assert.fail(`expected status ${code}, but the call succeeded`);
}

/** Resolves with the status of a streaming call, or rejects with its error. */
function finished(call) {
  return new Promise((resolve, reject) => {
    call.on('error', reject);
    call.on('status', (status) => (status.code === grpc.status.OK ? resolve(status) : reject(status)));
  });
}

function clientStreaming(stub, writes) {
  return new Promise((resolve, reject) => {
    const call = stub.StreamingInputCall((error, response) => (error ? reject(error) : resolve(response)));
    for (const [message, flags] of writes) call.write(message, flags);
    call.end();
  });
}

const echoMetadata = () => {
  const metadata = new grpc.Metadata();
  metadata.set('x-grpc-test-echo-initial', 'test_initial_metadata_value');
  metadata.set('x-grpc-test-echo-trailing-bin', Buffer.from([0xab, 0xab, 0xab]));
  return metadata;
};

function assertEchoed(headers, trailers) {
  assert.deepEqual(headers.get('x-grpc-test-echo-initial'), ['test_initial_metadata_value']);
  assert.deepEqual(trailers.get('x-grpc-test-echo-trailing-bin'), [Buffer.from([0xab, 0xab, 0xab])]);
}

const SPECIAL = '\t\ntest with whitespace\r\nand Unicode BMP \u263A and non-BMP \uD83D\uDE08\t\n';

const cases = {
  async empty_unary() {
    const { response } = await unary(client, 'EmptyCall', {});
    assert.deepEqual(response, {});
  },

  async large_unary() {
    const { response } = await unary(client, 'UnaryCall', { response_type: 'COMPRESSABLE', response_size: 314159, payload: payload(271828) });
    assertZeros(response, 314159);
  },

  async client_streaming() {
    const response = await clientStreaming(client, [27182, 8, 1828, 45904].map((n) => [{ payload: payload(n) }]));
    assert.equal(response.aggregated_payload_size, 74922);
  },

  async server_streaming() {
    const sizes = [31415, 9, 2653, 58979];
    const call = client.StreamingOutputCall({ response_type: 'COMPRESSABLE', response_parameters: sizes.map((size) => ({ size })) });
    const received = [];
    call.on('data', (m) => received.push(m));
    await finished(call);
    assert.equal(received.length, sizes.length);
    received.forEach((m, i) => assertZeros(m, sizes[i]));
  },

  async ping_pong() {
    const call = client.FullDuplexCall();
    const done = finished(call);
    const responses = call[Symbol.asyncIterator]();
    for (const [out, inn] of [[31415, 27182], [9, 8], [2653, 1828], [58979, 45904]]) {
      call.write({ response_type: 'COMPRESSABLE', response_parameters: [{ size: out }], payload: payload(inn) });
      const { value, done: ended } = await responses.next();
      assert.ok(!ended, 'the server ended the stream early');
      assertZeros(value, out);
    }
    call.end();
    assert.ok((await responses.next()).done);
    await done;
  },

  async empty_stream() {
    const call = client.FullDuplexCall();
    const received = [];
    call.on('data', (m) => received.push(m));
    const done = finished(call);
    call.end();
    await done;
    assert.equal(received.length, 0);
  },

  async cancel_after_begin() {
    const result = new Promise((resolve) => {
      const call = client.StreamingInputCall((error) => resolve(error));
      call.cancel();
    });
    const error = await result;
    assert.equal(error?.code, grpc.status.CANCELLED);
  },

  async cancel_after_first_response() {
    const call = client.FullDuplexCall();
    const failed = once(call, 'error');
    call.write({ response_type: 'COMPRESSABLE', response_parameters: [{ size: 31415 }], payload: payload(27182) });
    const [first] = await once(call, 'data');
    assertZeros(first, 31415);
    call.cancel();
    const [error] = await failed;
    assert.equal(error.code, grpc.status.CANCELLED);
  },

  async timeout_on_sleeping_server() {
    const call = client.FullDuplexCall({ deadline: Date.now() + 1 });
    const outcome = finished(call);
    call.write({ response_type: 'COMPRESSABLE', payload: payload(27182) });
    await expectError(outcome, grpc.status.DEADLINE_EXCEEDED);
  },

  async custom_metadata() {
    const request = { response_type: 'COMPRESSABLE', response_size: 314159, payload: payload(271828) };
    const { response, headers, status } = await unary(client, 'UnaryCall', request, echoMetadata());
    assertZeros(response, 314159);
    assertEchoed(headers, status.metadata);

    const call = client.FullDuplexCall(echoMetadata());
    let streamHeaders;
    call.on('metadata', (m) => { streamHeaders = m; });
    call.on('data', (m) => assertZeros(m, 314159));
    const done = finished(call);
    call.write({ response_type: 'COMPRESSABLE', response_parameters: [{ size: 314159 }], payload: payload(271828) });
    call.end();
    const streamStatus = await done;
    assertEchoed(streamHeaders, streamStatus.metadata);
  },

  async status_code_and_message() {
    const response_status = { code: 2, message: 'test status message' };
    await expectError(unary(client, 'UnaryCall', { response_status }), 2, 'test status message');
    const call = client.FullDuplexCall();
    const done = finished(call);
    call.write({ response_status });
    call.end();
    await expectError(done, 2, 'test status message');
  },

  async special_status_message() {
    await expectError(unary(client, 'UnaryCall', { response_status: { code: 2, message: SPECIAL } }), 2, SPECIAL);
  },

  async unimplemented_method() {
    await expectError(unary(client, 'UnimplementedCall', {}), grpc.status.UNIMPLEMENTED);
  },

  async unimplemented_service() {
    const other = new testing.UnimplementedService(address, insecure);
    await expectError(unary(other, 'UnimplementedCall', {}), grpc.status.UNIMPLEMENTED);
  },

  async client_compressed_unary() {
    const request = (expect) => ({ expect_compressed: { value: expect }, response_size: 314159, payload: payload(271828) });
    await expectError(unary(client, 'UnaryCall', request(true)), grpc.status.INVALID_ARGUMENT); // the probe
    assertZeros((await unary(gzipClient, 'UnaryCall', request(true))).response, 314159);
    assertZeros((await unary(client, 'UnaryCall', request(false))).response, 314159);
  },

  async server_compressed_unary() {
    for (const compressed of [true, false]) {
      const { response } = await unary(client, 'UnaryCall', { response_compressed: { value: compressed }, response_size: 314159, payload: payload(271828) });
      assertZeros(response, 314159);
    }
  },

  async client_compressed_streaming() {
    await expectError(clientStreaming(client, [[{ expect_compressed: { value: true }, payload: payload(27182) }]]), grpc.status.INVALID_ARGUMENT);
    const response = await clientStreaming(gzipClient, [
      [{ expect_compressed: { value: true }, payload: payload(27182) }],
      [{ expect_compressed: { value: false }, payload: payload(45904) }, NO_COMPRESS],
    ]);
    assert.equal(response.aggregated_payload_size, 73086);
  },

  async server_compressed_streaming() {
    const call = client.StreamingOutputCall({
      response_parameters: [{ compressed: { value: true }, size: 31415 }, { compressed: { value: false }, size: 92653 }],
    });
    const received = [];
    call.on('data', (m) => received.push(m));
    await finished(call);
    assert.equal(received.length, 2);
    assertZeros(received[0], 31415);
    assertZeros(received[1], 92653);
  },
};

/** Fails unless the server answers: cases such as cancel_after_begin would otherwise pass with no server at all. */
function ready(stub) {
  return new Promise((resolve, reject) =>
    stub.waitForReady(Date.now() + 10_000, (error) => (error ? reject(new Error(`server not reachable at ${address}: ${error.message}`)) : resolve())));
}

const run = cases[args.test_case];
if (!run) {
  console.error(`unknown test case '${args.test_case}'; known: ${Object.keys(cases).join(' ')}`);
  process.exit(2);
}

const watchdog = setTimeout(() => { console.error(`FAIL ${args.test_case}: no result within 30 s`); process.exit(1); }, 30_000);
try {
  await ready(client);
  await run();
  console.log(`PASS ${args.test_case}`);
  process.exitCode = 0;
} catch (error) {
  console.error(`FAIL ${args.test_case}: ${error?.stack ?? JSON.stringify(error)}`);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  client.close();
  gzipClient.close();
  // grpc-js may keep a socket open after a call cancelled right at its start; the verdict is in.
  process.exit(process.exitCode);
}
