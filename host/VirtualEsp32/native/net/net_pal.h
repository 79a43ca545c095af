//
// What nf-interpreter's System.Net natives find in scope on a real target through its nanoPAL.h: the PAL's sockets
// declarations (nanoPAL_Sockets.h) and the target configuration. The POSIX target's nanoPAL.h leaves the sockets out,
// so native/net/sources.cmake force-includes this header into those sources; our own files include it directly.
//

#ifndef VESP32_NET_PAL_H
#define VESP32_NET_PAL_H

#include <nanoHAL.h>
#include <nanoPAL.h>
#include <nanoHAL_ConfigurationManager.h>

// All managed threads run on the runtime's one OS thread: the SOCK_FD_* helpers need no lock.
#ifndef GLOBAL_LOCK_SOCKETS
#define GLOBAL_LOCK_SOCKETS(x)
#endif

// A Windows type name the header uses; nanoCLR's POSIX headers do not define it.
typedef const char *LPCSTR;

// The LP64 copy that sources.cmake writes into the build's fix-up folder (searched before nf-interpreter's).
#include <nanoPAL_Sockets.h>
#ifndef VESP32_SOCKETS_LP64
#error "nanoPAL_Sockets.h is nf-interpreter's own: the fix-up folder of native/net/sources.cmake must come first on the include path"
#endif

// NetworkInterface's native passes a CLR_UINT64* (unsigned long long) where the PAL declares uint64_t*: on LP64 that is
// unsigned long, the same 8 bytes under another name (on a 32-bit host both are unsigned long long already).
#if defined(__LP64__)
inline HRESULT SOCK_IPV4AddressFromString(const char *ipString, unsigned long long *address)
{
    return SOCK_IPV4AddressFromString(ipString, reinterpret_cast<uint64_t *>(address));
}
#endif

#endif // VESP32_NET_PAL_H
