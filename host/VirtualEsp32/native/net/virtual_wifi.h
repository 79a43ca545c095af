//
// The virtual ESP32's Wi-Fi station and the one access point in its range (net_settings.h). Joining succeeds only
// with that access point's SSID and password; a wrong SSID finds no network, a wrong password fails authentication,
// as the ESP32's driver reports them. When the station joins it gets its address at once (DHCP is instantaneous
// here) and the managed NetworkChange events an ESP32 raises are posted; leaving posts them again.
//
// A device that boots with an enabled Wi-Fi configuration block holding an SSID joins by itself, as an ESP32 does
// (NF_ESP32_Wireless.cpp: AutoConnect): that is what WifiNetworkHelper.Reconnect relies on.
//
// Everything here runs on the runtime's thread (it posts managed events); only the join-delay timer does not, and it
// only sets an event flag.
//

#ifndef VESP32_VIRTUAL_WIFI_H
#define VESP32_VIRTUAL_WIFI_H

#include <cstdint>

namespace VirtualWifi
{
enum class JoinResult
{
    None,          // no join asked since boot or since leaving
    Pending,       // joining (VESP32_WIFI_JOIN_MS)
    Joined,        // associated, with an address
    NoSuchNetwork, // no access point with that SSID in range (the ESP32's WIFI_REASON_NO_AP_FOUND)
    WrongPassword, // the access point refused the password (WIFI_REASON_AUTH_FAIL and kin)
};

// Leaves a joined network first, then joins (or fails to). With no join delay the result is there on return.
void StartJoin(const char *ssid, const char *password);

// The last join's result, after completing a join that is due and starting the boot's automatic join.
JoinResult LastJoin();

// Leaves the network (NativeDisconnect); nothing happens if not joined.
void Leave();

// The device restarts: the link is gone and the next boot joins by itself again. No events (nothing listens yet).
void Restart();
} // namespace VirtualWifi

#endif // VESP32_VIRTUAL_WIFI_H
