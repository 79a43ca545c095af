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
# One set per assembly the device loads (docs/testing.md): SensorNode.Core, the application (board), the test kit and
# each test project under SensorNode.Tests/, each with its string table against the fail line (75 %). Each entry: the
# IL rules the set gets, what it is compiled against besides mscorlib (--refs: the assemblies it references, as
# sources, and the declaration-only library APIs of host/NanoFrameworkRefs), then the set. Left unquoted below so
# they split into words.
test_refs="SensorNode.Core;SensorNode.Tests/TestKit;host/NanoTestFramework/Api"
gate_sets=(
  "--rules all core=SensorNode.Core"
  "--rules equals --refs SensorNode.Core;host/NanoFrameworkRefs board=SensorNode/Board;SensorNode/Program.cs"
  "--rules equals --refs SensorNode.Core testkit=SensorNode.Tests/TestKit"
)
# every test project: a folder of SensorNode.Tests/ with a .nfproj, found rather than listed, so a new one is checked
for project in SensorNode.Tests/*/*.nfproj; do
  folder=$(dirname "$project")
  [ "$folder" = SensorNode.Tests/TestKit ] && continue
  area=$(basename "$folder" | tr '[:upper:]' '[:lower:]')
  gate_sets+=("--rules equals --refs $test_refs tests-$area=$folder")
done
# The device build's package set: every .nfproj's packages.config and HintPaths and host/NanoFrameworkRefs name the
# same versions, and every ProjectReference names a project (docs/board-apis.md, "Packages").
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
