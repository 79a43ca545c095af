//
// Whether the virtual ESP32's Wi-Fi station is joined and has its address: the sockets layer asks, the Wi-Fi model
// (virtual_wifi.cpp) answers. Without a link the device reaches nothing, as an ESP32 whose station is down.
//

#ifndef VESP32_NETWORK_LINK_H
#define VESP32_NETWORK_LINK_H

#include <cstdint>

namespace NetworkLink
{
bool IsUp();

// The station's IPv4 address in network byte order; 0 while the link is down.
uint32_t Address();
} // namespace NetworkLink

#endif // VESP32_NETWORK_LINK_H
