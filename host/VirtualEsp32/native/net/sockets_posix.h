//
// The PAL's SOCK_* functions (nanoPAL_Sockets.h) over the host's BSD sockets: what nf-interpreter's System.Net
// natives call. This header holds only what the rest of the virtual device needs besides them.
//

#ifndef VESP32_SOCKETS_POSIX_H
#define VESP32_SOCKETS_POSIX_H

namespace HostSockets
{
// The ESP32 firmware's lwIP has CONFIG_LWIP_MAX_SOCKETS = 16 (nf-interpreter targets/ESP32/_IDF/sdkconfig.default*):
// a firmware that leaks sockets runs out here as it would there. VESP32_MAX_SOCKETS overrides it.
const int DefaultMaxSockets = 16;

// Close every socket the device opened (an in-process restart, or the link going down is not one of these).
void CloseAll();

// Wake every managed thread parked on a socket so it looks again (the link went down or came up).
void WakeWaiters();
} // namespace HostSockets

#endif // VESP32_SOCKETS_POSIX_H
