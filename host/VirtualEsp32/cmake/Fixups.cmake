# Build-time fix-ups of nf-interpreter headers for the 32-bit POSIX nanoCLR, written into the build (never into the
# sources, never committed) and searched before nf-interpreter's own include folders.
#
# nanoCLR_Runtime.h checks structure sizes with CT_ASSERT for the targets it knows and stops with "!ERROR" for any
# other: the POSIX host is only known as 64-bit (PLATFORM_POSIX_HOST && __LP64__, "sizes will differ; skip checks").
# For the 32-bit POSIX host we skip the same checks; the heap block's own size check (12 bytes, as on the ESP32) stays.
function(vesp32_header_fixups nf_src out_dir)
    set(header "${nf_src}/src/CLR/Include/nanoCLR_Runtime.h")
    file(READ "${header}" text)
    set(known "#if defined(PLATFORM_POSIX_HOST) && defined(__LP64__)\n// 64-bit POSIX host: structure sizes will differ")
    string(FIND "${text}" "${known}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "${header} no longer has the POSIX size-check branch cmake/Fixups.cmake adapts for 32 bits")
    endif()
    string(REPLACE "${known}"
        "#if defined(PLATFORM_POSIX_HOST) /* virtual ESP32: 32-bit POSIX host too */\n// 64-bit POSIX host: structure sizes will differ"
        text "${text}")
    # rewritten only when it changes, so that nothing recompiles for nothing
    set(out "${out_dir}/nanoCLR_Runtime.h")
    set(old "")
    if(EXISTS "${out}")
        file(READ "${out}" old)
    endif()
    if(NOT old STREQUAL text)
        file(WRITE "${out}" "${text}")
    endif()
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${header}")
endfunction()
