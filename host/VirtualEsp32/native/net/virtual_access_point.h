//
// The ESP32's own access point (its soft AP), as the virtual ESP32 models it.
//
// An ESP32 starts its access point at boot when the access point's configuration block is enabled (nf-interpreter
// targets/ESP32/_Network/NF_ESP32_Wireless.cpp: WIFI_MODE_AP, or APSTA beside the station); what the firmware saves
// (WirelessAPConfiguration.SaveConfiguration) runs from the next boot. So here: whether the access point runs is read
// from the blocks once per boot and holds until the device restarts. Its interface has the address stored in the
// access point's network block, else esp-netif's default 192.168.4.1, on a /24.
//
// The access point's network is the host's loopback: the processes of the host stand for the phones and laptops that
// joined it. Ports a user's process may not open stand in for the device's (run.sh sets them):
//   VESP32_DHCP_PORT         the device's UDP port 67, the DHCP server's (0 or unset: any free one, printed)
//   VESP32_DHCP_CLIENT_PORT  UDP port 68 of the stations: where a broadcast to port 68 (a DHCP answer) arrives; unset,
//                            such broadcasts are sent and heard by nobody, as on an access point nobody joined
// (port 80, the web page's, is VESP32_HTTP_PORT, mapped by sockets_posix.cpp whichever interface listens).
//

#ifndef VESP32_VIRTUAL_ACCESS_POINT_H
#define VESP32_VIRTUAL_ACCESS_POINT_H

#include <cstdint>

#include <netinet/in.h>

namespace VirtualAccessPoint
{
// Whether the access point runs since this boot.
bool IsUp();

// The access point interface's address and mask (network byte order), whether it runs or not.
uint32_t Address();
uint32_t Mask();

// The device restarts: the next boot reads the blocks again.
void Restart();

// Where a socket bound to `host` (a device address) is bound on the host: the access point's address and the
// broadcast address are the loopback while it runs. True when the address was the access point's.
bool MapLocal(sockaddr_in &host);

enum class Destination
{
    Elsewhere, // not the access point's network: the station's business
    Host,      // on the access point's network, now a loopback address of the host
    Nobody,    // a broadcast nobody hears (no VESP32_DHCP_CLIENT_PORT): sent, and lost
    Down,      // the access point's network while it does not run: unreachable
};

// Where a datagram or connection to `host` goes: broadcasts and the access point's subnet are its network.
Destination MapRemote(sockaddr_in &host);
} // namespace VirtualAccessPoint

#endif // VESP32_VIRTUAL_ACCESS_POINT_H
