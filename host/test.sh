#!/usr/bin/env bash
# The one test command: build the host projects, run the nanoFramework compatibility gate over the portable
# sources, run every test project, and end with "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

# shellcheck source=prerequisites.sh
source host/prerequisites.sh

solution=host/SensorNode.Host.slnx
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "== build"
if ! dotnet build "$solution" -nologo -v q -clp:ErrorsOnly; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

passed=0 failed=0 skipped=0

echo "== nanoFramework gate (portable sources against nanoFramework.CoreLibrary's mscorlib.dll, and their IL)"
# Each entry: the IL rules the set gets (docs/testing.md), for the board the declaration-only library APIs it is
# compiled against (host/NanoFrameworkRefs), then the set. Left unquoted below so they split into words.
gate_sets=(
  "--rules all core=SensorNode/Core"
  "--rules equals --refs host/NanoTestFramework/Api tests=SensorNode/Core;SensorNode.Tests"
  "--rules equals --refs host/NanoFrameworkRefs board=SensorNode/Core;SensorNode/Board;SensorNode/Program.cs"
)
# The device build's package set: both packages.config files, both .nfproj files' HintPaths and host/NanoFrameworkRefs
# name the same versions (docs/board-apis.md#packages-sensornodepackagesconfig-sensornodetestspackagesconfig).
if dotnet run --project host/NanoGate --no-build -- packages; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi
for set in "${gate_sets[@]}"; do
  # shellcheck disable=SC2086
  if dotnet run --project host/NanoGate --no-build -- $set; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done

echo "== tests"
dotnet test "$solution" --no-build -nologo "$@" 2>&1 | tee "$log"
test_status=${PIPESTATUS[0]}

# One summary line per test project: "Passed!  - Failed: 0, Passed: 57, Skipped: 0, Total: 57, ..."
while read -r f p s; do
  failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
done < <(sed -nE 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+), Total.*/\1 \2 \3/p' "$log")

if [ "$test_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the test host itself failed (crash, or a project that did not run)
fi

echo
if [ "$skipped" -gt 0 ]; then
  echo "skipped: $skipped tests; the skip reasons are above (grep 'Skipped' in the output)."
  if [ -n "$MISSING_PREREQUISITES" ]; then
    echo "skipped because $MISSING_PREREQUISITES is not installed: the integration tests against real brokers. Bring them with: $INSTALL_PREREQUISITES"
  fi
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
