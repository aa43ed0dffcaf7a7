#!/usr/bin/env bash
# gRPC benchmark (not a test): h2load, with the same settings, against
#   (a) the project's gRPC layer serving grpc.testing.TestService/UnaryCall (100-byte payload),
#   (b) bare Kestrel HTTP/2 returning the same bytes (the ceiling),
#   (c) @grpc/grpc-js serving the same method (a peer).
# Each server runs on core 0 and h2load on core 1. h2load counts gRPC errors as successes, so each
# server counts the calls it answered with status 0, and the script checks that count.
# Usage: bench/grpc/run.sh [requests per round=100000] [connections=16] [streams per connection=16] [rounds=5]
set -euo pipefail
cd "$(dirname "$0")/../.."
requests=${1:-100000}
connections=${2:-16}
streams=${3:-16}
rounds=${4:-5}
warmup=$((requests * 3)) # tiered JIT and PGO settle only after a few hundred thousand calls

missing=()
command -v h2load >/dev/null 2>&1 || missing+=(nghttp2-client)
[ -f /usr/share/grpc-proto/grpc/testing/test.proto ] || missing+=(grpc-proto)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ -d bench/grpc/node_modules/@grpc/grpc-js ] || (cd bench/grpc && npm install --no-audit --no-fund --loglevel=error)
dotnet build bench/Grpc.Bench -c Release -v quiet --nologo >/dev/null

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
# SimpleRequest { response_size: 100, payload { body: 100 zero bytes } } as one gRPC frame.
node -e '
  const body = Buffer.concat([Buffer.from([0x12, 100]), Buffer.alloc(100)]);
  const message = Buffer.concat([Buffer.from([0x10, 100, 0x1a, body.length]), body]);
  const header = Buffer.alloc(5); header.writeUInt32BE(message.length, 1);
  require("fs").writeFileSync(process.argv[1], Buffer.concat([header, message]));' "$work/request.bin"

h2() { # port, count
  taskset -c 1 h2load -n "$2" -c "$connections" -m "$streams" -t 1 -d "$work/request.bin" \
    -H 'content-type: application/grpc' -H 'te: trailers' "http://127.0.0.1:$1/grpc.testing.TestService/UnaryCall"
}

start_server() { # name, port, command...: started on core 0, waits until the port answers
  local name=$1 port=$2
  shift 2
  taskset -c 0 "$@" >"$work/$name.log" 2>&1 &
  echo $! >"$work/$name.pid"
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0; sleep 0.2; done
  echo "$name did not start" >&2; exit 1
}

stop_and_check() { # name, label, calls sent: the server's own count of calls answered OK must match
  local name=$1 label=$2 expected=$3 pid served
  pid=$(cat "$work/$name.pid")
  kill -TERM "$pid"; wait "$pid" || true # TERM: SIGINT is ignored by a script's background jobs
  served=$(awk '/^served/ { print $2 }' "$work/$name.log")
  if [ "${served:-0}" -ne "$expected" ]; then
    echo "$label answered ${served:-0} calls OK, expected $expected: its figures are not valid" >&2
    exit 1
  fi
  echo "$label: $served calls sent, $served answered OK" >&2
}

rps() { h2 "$1" "$requests" | awk '/^finished in/ { gsub(",", "", $4); print $4 }'; }

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

bench=bench/Grpc.Bench/bin/Release/net10.0/PlugInnan.Grpc.Bench.dll
echo "h2load: $requests requests per round, $connections connections x $streams streams, $rounds rounds; servers on core 0, h2load on core 1" >&2
start_server ours 50060 dotnet "$bench" --mode grpc --port 50060
start_server kestrel 50061 dotnet "$bench" --mode kestrel --port 50061
start_server grpcjs 50062 node bench/grpc/grpcjs-server.mjs 50062
for port in 50060 50061 50062; do h2 "$port" "$warmup" >/dev/null; done
sleep 3 # lets the runtimes' background tier-up compilation finish before measuring

# The three are measured in turn in each round, so a slow phase of the machine hits them alike.
for round in $(seq 1 "$rounds"); do
  o=$(rps 50060); k=$(rps 50061); g=$(rps 50062)
  printf '  round %d: project %9.0f   bare Kestrel %9.0f   grpc-js %9.0f req/s\n' "$round" "$o" "$k" "$g" >&2
  echo "$o" >>"$work/ours.rps"; echo "$k" >>"$work/kestrel.rps"; echo "$g" >>"$work/grpcjs.rps"
  awk -v o="$o" -v k="$k" 'BEGIN { print o / k }' >>"$work/to-kestrel.ratio"
  awk -v o="$o" -v g="$g" 'BEGIN { print o / g }' >>"$work/to-grpcjs.ratio"
done

sent=$((warmup + rounds * requests))
stop_and_check ours "project gRPC layer" "$sent"
stop_and_check kestrel "bare Kestrel" "$sent"
stop_and_check grpcjs "@grpc/grpc-js" "$sent"
ours=$(median <"$work/ours.rps"); kestrel=$(median <"$work/kestrel.rps"); grpcjs=$(median <"$work/grpcjs.rps")
to_kestrel=$(median <"$work/to-kestrel.ratio"); to_grpcjs=$(median <"$work/to-grpcjs.ratio")
awk -v o="$ours" -v k="$kestrel" -v g="$grpcjs" -v rk="$to_kestrel" -v rg="$to_grpcjs" 'BEGIN {
  printf "project gRPC layer (median)  %9.0f req/s\n", o
  printf "bare Kestrel (median)        %9.0f req/s\n", k
  printf "@grpc/grpc-js (median)       %9.0f req/s\n", g
  printf "ratio to bare Kestrel        %9.2f   (median of the rounds; aim: >= 0.85)\n", rk
  printf "ratio to grpc-js             %9.2f   (median of the rounds; aim: >= 4)\n", rg
}'
