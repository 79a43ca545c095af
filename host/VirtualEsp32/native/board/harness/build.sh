#!/usr/bin/env bash
# Builds the board client's harness (board_harness.cpp) with the host's C++ compiler, without nanoCLR:
#   bash host/VirtualEsp32/native/board/harness/build.sh OUTPUT
# then run it as VESP32_BOARD=HOST:PORT OUTPUT against a board server (host/SensorNode.VirtualBoard).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: build.sh OUTPUT}"
"${CXX:-g++}" -std=c++17 -Wall -Wextra -Werror -DVESP32_BOARD_HARNESS -I"$here/.." \
  "$here/board_harness.cpp" "$here/../board_link.cpp" "$here/../board_requests.cpp" "$here/../esp32_pins.cpp" \
  -o "$out"
