# nf-interpreter's System.Net natives (compiled by sources.cmake) are written against nf-interpreter's own
# sys_net_native.h, whose field indexes are HEAD's System.Net. The table nanoCLR uses is generated from the exact
# System.Net.dll loaded (VESP32_GEN/sys_net_native.h): its checksum differs from HEAD's (notes: 3 more NULL slots in
# HEAD), so the field indexes could too. This fails the configure step when a field index or native method the two
# headers share differs, or a native method of the loaded assembly is missing from nf-interpreter's header (its
# sources would not implement it). Run as a script:
#   cmake -DGENERATED=<VESP32_GEN>/sys_net_native.h -DNF_HEADER=<nf-interpreter>/src/DeviceInterfaces/System.Net/sys_net_native.h -P check_native_header.cmake
# (sources.cmake includes it with the same two variables set).

cmake_policy(VERSION 3.24) # also when run with -P

if(NOT EXISTS "${GENERATED}" OR NOT EXISTS "${NF_HEADER}")
  message(FATAL_ERROR "native/net: check_native_header.cmake needs GENERATED (${GENERATED}) and NF_HEADER (${NF_HEADER})")
endif()

# "Struct.FIELD=index" and "Struct.native(name)" for every struct Library_... { ... } of a header.
function(_vesp32_native_declarations header out)
  file(READ "${header}" text)
  string(REGEX REPLACE "//[^\n]*" "" text "${text}")        # comments (some hold braces)
  string(REGEX REPLACE "[ \t\r\n]+" "" text "${text}")      # declarations span lines in nf-interpreter's header
  string(REPLACE ";" "|" text "${text}")                   # CMake lists split on semicolons
  string(REGEX MATCHALL "structLibrary_[A-Za-z0-9_]+{[^}]*}" structs "${text}")
  set(items)
  foreach(struct IN LISTS structs)
    string(REGEX MATCH "^structLibrary_([A-Za-z0-9_]+){" _ "${struct}")
    set(name "${CMAKE_MATCH_1}")
    string(REGEX MATCHALL "staticconstint[A-Za-z0-9_]+=[0-9]+" fields "${struct}")
    foreach(field IN LISTS fields)
      string(REGEX REPLACE "^staticconstint" "" field "${field}")
      list(APPEND items "${name}.${field}")
    endforeach()
    string(REGEX MATCHALL "NANOCLR_NATIVE_DECLARE\\([A-Za-z0-9_]+\\)" natives "${struct}")
    foreach(native IN LISTS natives)
      string(REGEX REPLACE "^NANOCLR_NATIVE_DECLARE\\((.*)\\)$" "native(\\1)" native "${native}")
      list(APPEND items "${name}.${native}")
    endforeach()
  endforeach()
  set(${out} "${items}" PARENT_SCOPE)
endfunction()

_vesp32_native_declarations("${GENERATED}" _vesp32_generated)
_vesp32_native_declarations("${NF_HEADER}" _vesp32_nf)
if(NOT _vesp32_generated)
  message(FATAL_ERROR "native/net: no native declarations found in ${GENERATED}")
endif()

set(_vesp32_problems)
foreach(item IN LISTS _vesp32_generated)
  if(item IN_LIST _vesp32_nf)
    continue()
  endif()
  if(item MATCHES "^([A-Za-z0-9_]+)\\.(FIELD[A-Za-z0-9_]*)=")
    # a field nf-interpreter's header does not have is only a problem if it has the field with another index
    set(prefix "${CMAKE_MATCH_1}.${CMAKE_MATCH_2}=")
    foreach(other IN LISTS _vesp32_nf)
      string(FIND "${other}" "${prefix}" at)
      if(at EQUAL 0)
        list(APPEND _vesp32_problems "${item} (nf-interpreter: ${other})")
      endif()
    endforeach()
  else()
    list(APPEND _vesp32_problems "${item} (not in nf-interpreter's header)")
  endif()
endforeach()

if(_vesp32_problems)
  list(JOIN _vesp32_problems "\n  " _vesp32_list)
  message(FATAL_ERROR "native/net: the loaded System.Net differs from the one nf-interpreter's natives are written for:\n  ${_vesp32_list}\n"
                      "(${GENERATED} against ${NF_HEADER})")
endif()
