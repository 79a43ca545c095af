#!/usr/bin/env bash
# Runs managed/NetCheck.cs in the virtual ESP32's nanoCLR: the System.Net and System.Device.Wifi natives through the
# real libraries (Wi-Fi join and its failures, NetworkInterface, Dns, TCP between two managed threads, a refused
# connect, UDP). Needs run.sh's build (bash host/VirtualEsp32/run.sh --build-only) with natives.txt listing both
# assemblies:
#   bash host/VirtualEsp32/native/net/harness/managed.sh
# VESP32_BUILD: run.sh's build folder (default host/VirtualEsp32/build). Prints the check's lines; exits 1 if one
# failed, 2 if something it needs is missing.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${VESP32_BUILD:-$here/../../../build}"
device="$build/clr-i386/bin/vesp32-nanoclr" lib="$build/lib" mdp_dll="$build/tools/mdp/nfmdp.dll"
for need in "$device" "$lib/System.Net.dll" "$lib/System.Device.Wifi.dll" "$mdp_dll"; do
  [ -e "$need" ] || { echo "managed.sh: $need is missing: run bash host/VirtualEsp32/run.sh --build-only first" >&2; exit 2; }
done
csc=$(ls -d "$(dirname "$(readlink -f "$(command -v dotnet)")")"/sdk/*/Roslyn/bincore/csc.dll 2>/dev/null | sort -V | tail -1)
[ -n "$csc" ] || { echo "managed.sh: no Roslyn compiler in the .NET SDK" >&2; exit 2; }

work=$(mktemp -d -t vesp32-netcheck.XXXXXX)
trap 'rm -rf "$work"' EXIT

# What NetCheck and System.Net/Wifi need, dependencies before dependants (nanoCLR sorts them itself).
libs=(nanoFramework.Runtime.Events nanoFramework.System.Collections nanoFramework.System.Text System.Threading
      nanoFramework.Runtime.Native System.IO.Streams System.Net System.Device.Wifi)
refs=(-r:"$lib/mscorlib.dll")
for l in "${libs[@]}"; do refs+=(-r:"$lib/$l.dll"); done
# C# 9: newer compilers add attribute types that shift a library's method table (nano-check's README)
dotnet "$csc" -nologo -nostdlib -noconfig -langversion:9 -t:exe -out:"$work/NetCheck.exe" "${refs[@]}" \
  "$here/managed/NetCheck.cs" || { echo "managed.sh: NetCheck.cs did not compile" >&2; exit 2; }

pes=()
if [ -f "$build/pe/mscorlib.pe" ]; then cp "$build/pe/mscorlib.pe" "$work/"; else
  dotnet "$mdp_dll" "$lib/mscorlib.dll" "$work/mscorlib.pe" true "$lib" >"$work/mdp.log" 2>&1 || { tail -3 "$work/mdp.log"; exit 2; }
fi
pes+=("$work/mscorlib.pe")
for l in "${libs[@]}"; do
  dotnet "$mdp_dll" "$lib/$l.dll" "$work/$l.pe" false "$lib" >"$work/mdp.log" 2>&1 || { tail -3 "$work/mdp.log"; exit 2; }
  pes+=("$work/$l.pe")
done
dotnet "$mdp_dll" "$work/NetCheck.exe" "$work/NetCheck.pe" false "$lib" >"$work/mdp.log" 2>&1 || { tail -3 "$work/mdp.log"; exit 2; }
pes+=("$work/NetCheck.pe")

# The access point NetCheckLab; the device stored an old password, so it boots without a network.
VESP32_WIFI_SSID=NetCheckLab VESP32_WIFI_PASSWORD=right-password \
VESP32_WIFI_STORED_SSID=NetCheckLab VESP32_WIFI_STORED_PASSWORD=old-password \
VESP32_MAC=24:0a:c4:a1:b2:c3 VESP32_NET_CONFIG="$work/net.config" \
  timeout 120 "$device" "${pes[@]}" 2>&1 | tr -d '\r' >"$work/run.log"
grep -E '^(pass|FAIL|netcheck): ' "$work/run.log"
grep -q '^netcheck: 0 failed$' "$work/run.log" && exit 0
echo "managed.sh: NetCheck did not pass; the device's output:" >&2
tail -30 "$work/run.log" >&2
exit 1
