#!/usr/bin/env bash
# Runs every test of the solution on a fresh Debian machine: installs what is missing (see below),
# builds, runs `dotnet test` for the whole solution, and ends with one line
# "N passed, N failed". The PostgreSQL tests start their own throwaway server (own data folder,
# free port on 127.0.0.1, removed afterwards); nothing here touches a system cluster.
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests need: PostgreSQL's server binaries (the tests start their own throwaway
# server), gRPC's standard protos (the gRPC benchmark's test service, built with the solution), Node.js (the
# independent gRPC client), Chromium (the web pages' tests drive it with Playwright; no browser download).
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -f /usr/share/grpc-proto/grpc/testing/test.proto ] || missing+=(grpc-proto)
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing from Debian's packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The interop client's npm packages at the locked versions. Not `npm ci`: the registry here serves only
# the linux-x64 build of buf, so the lock file cannot list the other platforms' optional builds.
if [ ! -d tests/interop/node_modules/@grpc/grpc-js ]; then
  echo "== installing the interop client's npm packages"
  (cd tests/interop && npm install --no-audit --no-fund --loglevel=error)
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

echo "== build"
# Warnings are errors through Directory.Build.props, which keeps each project's WarningsNotAsErrors
# (NU1603 where Hangfire.Storage.SQLite needs it); the -warnaserror switch would override them.
if ! dotnet build PlugInnan.sln -c Release --nologo -v quiet; then
  echo "0 passed, 1 failed" # the build failed: nothing ran, and the run is not green
  exit 1
fi

echo "== test"
log=$(mktemp)
set +e
# The browser tests run after the others, not beside them: Chromium, a silo and the cluster tests'
# two silos at once are more than two cores carry within the tests' timeouts.
dotnet test PlugInnan.sln -c Release --no-build --nologo --filter "FullyQualifiedName!~PlugInnan.Web.Tests" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
dotnet test tests/Web.Tests/Web.Tests.csproj -c Release --no-build --nologo 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
set -e

# One line with the totals over all test assemblies, from the runner's own summaries.
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { f += $(i + 1) + 0 }
      if ($i == "Passed:")  { p += $(i + 1) + 0 }
      if ($i == "Skipped:") { s += $(i + 1) + 0 }
    }
  }
  END { print p + 0, f + 0, s + 0 }' "$log")
rm -f "$log"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the run failed outside any test (a crashed test host, a build error): never report it green
fi
if [ "${CI:-}" = "true" ] && [ "$skipped" -ne 0 ]; then
  echo "CI: $skipped tests were skipped; under CI a skipped test counts as failed"
  failed=$((failed + skipped))
  status=1
fi

summary="$passed passed, $failed failed"
[ "$skipped" -ne 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
