#!/usr/bin/env bash
# Runs Oracle's TypeScript SDK against the OciBackup emulator: builds and starts the emulator for two regions
# (us-ashburn-1 and us-phoenix-1, each on an ephemeral port) with a throwaway key and config and a compartment with
# a sub-compartment, runs check.js, stops the emulator. Exits non-zero on any failure.
# Usage: bash tests/typescript-sdk/run.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
emulator_pid=""

cleanup() {
  if [[ -n "$emulator_pid" ]] && kill -0 "$emulator_pid" 2>/dev/null; then
    kill -TERM "$emulator_pid" 2>/dev/null || true
    wait "$emulator_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== npm ci (oci-core, oci-identity, oci-common)"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

echo "== building the emulator"
dotnet build "$repo/src/OciBackup.Emulator/OciBackup.Emulator.csproj" -c Release -nologo -v quiet -o "$work/emulator" >"$work/build.log" 2>&1 \
  || { cat "$work/build.log"; exit 1; }

echo "== starting the emulator"
dotnet "$work/emulator/OciBackup.Emulator.dll" --port 0 --init-config "$work/oci" --backup-seconds 2 \
  --region us-ashburn-1 --region us-phoenix-1 --compartment typescript-sdk --compartment typescript-sdk/child \
  >"$work/emulator.log" 2>&1 &
emulator_pid=$!

url=""
for _ in $(seq 1 300); do
  url="$(sed -n 's/^OCI emulator listening on //p' "$work/emulator.log" | head -n 1)"
  [[ -n "$url" ]] && break
  kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.log"; echo "the emulator exited"; exit 1; }
  sleep 0.2
done
[[ -n "$url" ]] || { cat "$work/emulator.log"; echo "the emulator did not print its URL"; exit 1; }
echo "   $url"

echo "== check.js"
status=0
EMULATOR_JSON="$work/oci/emulator.json" node "$here/check.js" || status=$?

if [[ $status -ne 0 ]]; then
  echo "-- emulator log"
  cat "$work/emulator.log"
fi
exit $status
