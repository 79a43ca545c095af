# What the nanoCLR build needs for native/net (included by host/VirtualEsp32/CMakeLists.txt after the executable
# VESP32_TARGET exists, with NF_SRC = nf-interpreter's sources and VESP32_GEN = the generated tables). Our own .cpp
# files here are compiled by the build's glob like every other folder's; this adds what is not ours:
#
# 1. nf-interpreter's System.Net natives (src/DeviceInterfaces/System.Net/sys_net_native_*.cpp, without its stubs
#    and without its table sys_net_native.cpp: the generated VESP32_GEN/sys_net_native.cpp carries the checksum of
#    the System.Net.dll loaded), except WirelessAPConfiguration's, which work only when built for PLATFORM_ESP32:
#    ours (sys_net_wireless_ap_virtual.cpp) are compiled as theirs are, in their place.
#    They call the PAL's SOCK_* functions, which sockets_posix.cpp provides. They expect
#    nanoPAL.h to bring in nanoPAL_Sockets.h, which the POSIX target's does not: net_pal.h is force-included.
# 2. A fix-up folder in the build, searched first, holding the LP64 copy of nanoPAL_Sockets.h
#    (lp64_sockets_header.cmake): nf-interpreter's is written for 32-bit targets.
# 3. A check that those sources' header (nf-interpreter's sys_net_native.h) and the generated one agree on every
#    field index and native method they share (check_native_header.cmake), since the sources are compiled against
#    nf-interpreter's and the table is the generated one.
# Nothing fetched is edited or copied into the repository.
#
# 1 and 3 only while natives.txt lists System.Net (natives_shorts, read by CMakeLists.txt): without it the build still
# succeeds and the run fails naming the missing assembly, as the issue asks. Our Wi-Fi natives compile to nothing
# without their generated header, and the sockets layer does not need System.Net's natives to build.

set(_vesp32_net_dir "${CMAKE_CURRENT_LIST_DIR}")
set(_vesp32_net_nf "${NF_SRC}/src/DeviceInterfaces/System.Net")

# 2. the fix-up folder
set(OUT_DIR "${CMAKE_BINARY_DIR}/net-fixup")
include("${_vesp32_net_dir}/lp64_sockets_header.cmake")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
    "${NF_SRC}/src/PAL/Include/nanoPAL_Sockets.h" "${_vesp32_net_dir}/lp64_sockets_header.cmake")
target_include_directories(${VESP32_TARGET} BEFORE PRIVATE "${OUT_DIR}")

if("sys_net_native" IN_LIST natives_shorts)
  # 3. the check (CMakeLists.txt has made sure the generated header exists)
  set(GENERATED "${VESP32_GEN}/sys_net_native.h")
  set(NF_HEADER "${_vesp32_net_nf}/sys_net_native.h")
  include("${_vesp32_net_dir}/check_native_header.cmake")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${GENERATED}" "${_vesp32_net_dir}/check_native_header.cmake")

  # 1. nf-interpreter's natives
  file(GLOB _vesp32_net_sources "${_vesp32_net_nf}/sys_net_native_*.cpp")
  list(FILTER _vesp32_net_sources EXCLUDE REGEX "(_stubs|_WirelessAPConfiguration)\\.cpp$")
  if(NOT _vesp32_net_sources)
    message(FATAL_ERROR "native/net: no System.Net natives in ${_vesp32_net_nf}")
  endif()
  target_sources(${VESP32_TARGET} PRIVATE ${_vesp32_net_sources})
  set_source_files_properties(${_vesp32_net_sources} PROPERTIES
      COMPILE_OPTIONS "-include;${_vesp32_net_dir}/net_pal.h")
  set_source_files_properties("${_vesp32_net_dir}/sys_net_wireless_ap_virtual.cpp" PROPERTIES
      COMPILE_OPTIONS "-include;${_vesp32_net_dir}/net_pal.h;-include;${_vesp32_net_nf}/sys_net_native.h"
      COMPILE_DEFINITIONS VESP32_WIRELESS_AP_NATIVES)

  # The generated header declares the managed enums (AddressMode, NetworkInterfaceType, ...) that nanoHAL_Network.h,
  # which nanoHAL_ConfigurationManager.h includes, declares too: the table's file ("multiple definition of 'enum
  # AddressMode'") keeps both out. It needs neither: it only lists the natives.
  set_property(SOURCE "${VESP32_GEN}/sys_net_native.cpp" APPEND PROPERTY COMPILE_DEFINITIONS
      NANOHAL_NETWORK_H NANOHAL_CONFIG_MANAGER_H)
endif()

unset(OUT_DIR)
unset(GENERATED)
unset(NF_HEADER)
