#!/usr/bin/env bash
# Builds native/net's harness (harness/net_harness.cpp with the PAL sockets, the virtual station and the
# configuration blocks; no nanoCLR) with the host's C++ compiler against nf-interpreter's headers, and runs it:
#   bash host/VirtualEsp32/native/net/harness/check.sh NF_SRC
# NF_SRC: nf-interpreter's sources (run.sh extracts them to host/VirtualEsp32/build/obj/src/nf-interpreter).
# CXXFLAGS=-m32 builds it as run.sh builds nanoCLR (32-bit, g++-multilib); the default is the host's 64 bits.
# Prints one line per check; exits 1 if one failed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
net="$here/.."
nf="${1:-${NF_SRC:-}}"
if [ ! -d "$nf/src/PAL/Include" ] || [ ! -d "$nf/targets/posix/Include" ]; then
  echo "usage: check.sh NF_SRC (nf-interpreter sources with targets/posix)" >&2
  exit 2
fi

work=$(mktemp -d -t vesp32-net.XXXXXX)
trap 'rm -rf "$work"' EXIT

cmake -DNF_SRC="$nf" -DOUT_DIR="$work/fixup" -P "$net/lp64_sockets_header.cmake"
"${CXX:-g++}" ${CXXFLAGS:-} -std=gnu++20 -Wall -Wextra -Werror -pthread \
  -DVESP32_NET_HARNESS -DPLATFORM_POSIX_HOST=1 -DNANOCLR_HOST_POSIX=1 -DNANOCLR_HOST_LINUX=1 -DNANOCLR_HOST_APPLE=0 \
  -DNANOCLR_HOST_WINDOWS=0 \
  -I"$work/fixup" -I"$net" -I"$nf/targets/posix/Include" -I"$nf/src/CLR/Include" -I"$nf/src/HAL/Include" \
  -I"$nf/src/PAL/Include" \
  "$here/net_harness.cpp" "$net/sockets_posix.cpp" "$net/socket_poller.cpp" "$net/socket_errors.cpp" \
  "$net/dns_resolver.cpp" "$net/virtual_wifi.cpp" "$net/net_settings.cpp" "$net/network_config_file.cpp" \
  "$net/target_network.cpp" "$net/net_device.cpp" "$net/virtual_access_point.cpp" \
  -o "$work/net_harness"

# The access point "lab"/"secret"; the device stored an old password: its boot join fails until it saves the new one.
export VESP32_WIFI_SSID=lab VESP32_WIFI_PASSWORD=secret VESP32_WIFI_STORED_SSID=lab VESP32_WIFI_STORED_PASSWORD=old-secret
export VESP32_MAC=24:0a:c4:a1:b2:c3 VESP32_NET_CONFIG="$work/net.config"
failed=0
"$work/net_harness" all || failed=1
"$work/net_harness" persisted || failed=1
VESP32_NET_CONFIG= VESP32_WIFI_JOIN_MS=300 "$work/net_harness" join-delay || failed=1
exit $failed
