#!/usr/bin/env bash
# gRPC benchmark (not a test): h2load, with the same settings, against
#   (a) Grpc.AspNetCore serving grpc.testing.TestService/UnaryCall (100-byte payload) on its generated base,
#   (b) bare Kestrel HTTP/2 returning the same bytes (the ceiling),
#   (c) @grpc/grpc-js serving the same method (a peer),
#   (d) the project's own protocol layer at its last commit before the move to Grpc.AspNetCore,
# and then GetStudent through the whole silo (interceptors, audit, grain call) on SQLite.
# Each server runs on core 0 and h2load on core 1. h2load counts gRPC errors as successes, so each
# server counts the calls it answered with status 0 (the silo: its audit log's OK reads of the student),
# and the script checks that count.
# Usage: bench/grpc/run.sh [requests per round=100000] [connections=16] [streams per connection=16] [rounds=5] [GetStudent requests per round=10000]
set -euo pipefail
cd "$(dirname "$0")/../.."
requests=${1:-100000}
connections=${2:-16}
streams=${3:-16}
rounds=${4:-5}
student_requests=${5:-10000} # every GetStudent read is audited: a durable write each, so far fewer per round
warmup=$((requests * 3)) # tiered JIT and PGO settle only after a few hundred thousand calls

missing=()
command -v h2load >/dev/null 2>&1 || missing+=(nghttp2-client)
[ -f /usr/share/grpc-proto/grpc/testing/test.proto ] || missing+=(grpc-proto)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
[ -d bench/grpc/node_modules/@grpc/grpc-js ] || (cd bench/grpc && npm install --no-audit --no-fund --loglevel=error)
dotnet build bench/Grpc.Bench -c Release -v quiet --nologo >/dev/null
dotnet build src/Silo -c Release -v quiet --nologo >/dev/null
[ -x tests/interop/node_modules/.bin/buf ] || (cd tests/interop && npm install --no-audit --no-fund --loglevel=error)

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; git worktree remove --force "$work/old" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# The project's own protocol layer, as it was at its last commit (before the move to Grpc.AspNetCore).
old_commit=17ee0a0
git worktree add --detach "$work/old" "$old_commit" >/dev/null 2>&1
dotnet build "$work/old/bench/Grpc.Bench" -c Release -v quiet --nologo >/dev/null
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
old_bench=$work/old/bench/Grpc.Bench/bin/Release/net10.0/PlugInnan.Grpc.Bench.dll
echo "h2load: $requests requests per round, $connections connections x $streams streams, $rounds rounds; servers on core 0, h2load on core 1" >&2
start_server aspnet 50060 dotnet "$bench" --mode grpc --port 50060
start_server kestrel 50061 dotnet "$bench" --mode kestrel --port 50061
start_server grpcjs 50062 node bench/grpc/grpcjs-server.mjs 50062
start_server old 50063 dotnet "$old_bench" --mode grpc --port 50063
for port in 50060 50061 50062 50063; do h2 "$port" "$warmup" >/dev/null; done
sleep 3 # lets the runtimes' background tier-up compilation finish before measuring

# The four are measured in turn in each round, so a slow phase of the machine hits them alike.
for round in $(seq 1 "$rounds"); do
  a=$(rps 50060); k=$(rps 50061); g=$(rps 50062); o=$(rps 50063)
  printf '  round %d: Grpc.AspNetCore %9.0f   bare Kestrel %9.0f   grpc-js %9.0f   own layer %9.0f req/s\n' "$round" "$a" "$k" "$g" "$o" >&2
  echo "$a" >>"$work/aspnet.rps"; echo "$k" >>"$work/kestrel.rps"; echo "$g" >>"$work/grpcjs.rps"; echo "$o" >>"$work/old.rps"
  awk -v a="$a" -v k="$k" 'BEGIN { print a / k }' >>"$work/to-kestrel.ratio"
  awk -v a="$a" -v g="$g" 'BEGIN { print a / g }' >>"$work/to-grpcjs.ratio"
  awk -v a="$a" -v o="$o" 'BEGIN { print a / o }' >>"$work/to-old.ratio"
done

sent=$((warmup + rounds * requests))
stop_and_check aspnet "Grpc.AspNetCore" "$sent"
stop_and_check kestrel "bare Kestrel" "$sent"
stop_and_check grpcjs "@grpc/grpc-js" "$sent"
stop_and_check old "own protocol layer ($old_commit)" "$sent"

# GetStudent through the whole stack: a silo on SQLite, one enrolled student, the development key.
silo_dir=$work/silo
mkdir -p "$silo_dir"
silo_dll=$PWD/src/Silo/bin/Release/net10.0/PlugInnan.Silo.dll
(cd "$silo_dir" && exec env Grpc__Endpoint__Port=50064 Silo__Cluster__SiloPort=50065 Silo__Scheduling__Enabled=false \
  taskset -c 0 dotnet "$silo_dll" >"$work/silo.log" 2>&1) &
for _ in $(seq 1 150); do grep -q "Plug Innan silo ready" "$work/silo.log" 2>/dev/null && break; sleep 0.2; done
buf=tests/interop/node_modules/.bin/buf
key='authorization: Bearer local-development-key'
"$buf" curl --protocol grpc --http2-prior-knowledge -H "$key" -d '{"request_id":"bench-school","school":{"school_unit_code":"12345678",
  "name":"Bänkskolan","municipality_code":"1442","municipality":"Vara","organiser":"Vara kommun"}}' \
  http://127.0.0.1:50064/pluginnan.v1.SchoolService/RegisterSchool >/dev/null
student=$("$buf" curl --protocol grpc --http2-prior-knowledge -H "$key" -d '{"request_id":"bench-enrol","civic_no":"20120315-1236",
  "school_unit_code":"12345678","year_level":9,"start_date":{"year":2026,"month":8,"day":17},"security_marking":"SECURITY_MARKING_NONE"}' \
  http://127.0.0.1:50064/pluginnan.v1.StudentService/EnrollStudent | awk -F'"' '/studentId/ { print $4 }')
node -e '
  const id = Buffer.from(process.argv[2]);
  const ref = Buffer.concat([Buffer.from([0x0a, id.length]), id]);
  const message = Buffer.concat([Buffer.from([0x0a, ref.length]), ref]);
  const header = Buffer.alloc(5); header.writeUInt32BE(message.length, 1);
  require("fs").writeFileSync(process.argv[1], Buffer.concat([header, message]));' "$work/get.bin" "$student"
get() { taskset -c 1 h2load -n "$1" -c "$connections" -m "$streams" -t 1 -d "$work/get.bin" -H 'content-type: application/grpc' -H 'te: trailers' \
  -H "$key" "http://127.0.0.1:50064/pluginnan.v1.StudentService/GetStudent"; }
get "$student_requests" >/dev/null # warm-up
for round in $(seq 1 "$rounds"); do
  s=$(get "$student_requests" | awk '/^finished in/ { gsub(",", "", $4); print $4 }')
  printf '  round %d: GetStudent through the silo %9.0f req/s\n' "$round" "$s" >&2
  echo "$s" >>"$work/silo.rps"
done
reads=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(
  "SELECT count(*) FROM audit_log WHERE method = ? AND outcome = ?", ("/pluginnan.v1.StudentService/GetStudent", "OK")).fetchone()[0])' "$silo_dir/data/pluginnan.db")
expected=$((student_requests * (rounds + 1)))
if [ "$reads" -ne "$expected" ]; then
  echo "the silo audited $reads successful GetStudent reads, expected $expected: its figures are not valid" >&2
  exit 1
fi
echo "GetStudent: $expected calls sent, $reads audited as read OK" >&2

aspnet=$(median <"$work/aspnet.rps"); kestrel=$(median <"$work/kestrel.rps"); grpcjs=$(median <"$work/grpcjs.rps"); old=$(median <"$work/old.rps")
silo=$(median <"$work/silo.rps")
to_kestrel=$(median <"$work/to-kestrel.ratio"); to_grpcjs=$(median <"$work/to-grpcjs.ratio"); to_old=$(median <"$work/to-old.ratio")
awk -v a="$aspnet" -v k="$kestrel" -v g="$grpcjs" -v o="$old" -v s="$silo" -v rk="$to_kestrel" -v rg="$to_grpcjs" -v ro="$to_old" 'BEGIN {
  printf "Grpc.AspNetCore (median)           %9.0f req/s\n", a
  printf "bare Kestrel (median)              %9.0f req/s\n", k
  printf "@grpc/grpc-js (median)             %9.0f req/s\n", g
  printf "own protocol layer (median)        %9.0f req/s\n", o
  printf "GetStudent through the silo        %9.0f req/s\n", s
  printf "Grpc.AspNetCore / bare Kestrel     %9.2f   (median of the rounds)\n", rk
  printf "Grpc.AspNetCore / grpc-js          %9.2f\n", rg
  printf "Grpc.AspNetCore / own layer        %9.2f\n", ro
}'
