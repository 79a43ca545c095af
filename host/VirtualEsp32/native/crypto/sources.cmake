# native/crypto links Debian's mbedTLS (libmbedtls-dev, which run.sh installs): libmbedcrypto has the digests and
# ciphers. Included by host/VirtualEsp32/CMakeLists.txt; VESP32_TARGET is the nanoCLR executable.
find_path(VESP32_MBEDTLS_INCLUDE mbedtls/md.h REQUIRED)
find_library(VESP32_MBEDCRYPTO mbedcrypto REQUIRED)
target_include_directories(${VESP32_TARGET} SYSTEM PRIVATE "${VESP32_MBEDTLS_INCLUDE}")
target_link_libraries(${VESP32_TARGET} PRIVATE "${VESP32_MBEDCRYPTO}")
