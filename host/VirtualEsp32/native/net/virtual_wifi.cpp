//
// See virtual_wifi.h.
//

#include "net_pal.h"
#include "virtual_wifi.h"
#include "net_settings.h"
#include "network_link.h"
#include "sockets_posix.h"

#include <atomic>
#include <chrono>
#include <cstring>
#include <string>
#include <thread>

namespace
{
typedef std::chrono::steady_clock Clock;

// The ESP32 station's interface index (IDF_WIFI_STA_DEF), which its events carry.
const unsigned StationIndex = 0;

VirtualWifi::JoinResult s_result = VirtualWifi::JoinResult::None;
VirtualWifi::JoinResult s_pendingOutcome = VirtualWifi::JoinResult::None; // what the pending join will end in
Clock::time_point s_joinDue;
bool s_bootJoinChecked = false;
std::atomic<unsigned> s_generation{0}; // a newer join or a restart makes an older join's timer stale

void PostAvailability(bool available)
{
    HostSockets::WakeWaiters();
    Network_PostEvent(NetworkChange_NetworkEventType_AvailabilityChanged, available ? 1 : 0, StationIndex);
}

void PostAddressChanged()
{
    HostSockets::WakeWaiters();
    Network_PostEvent(NetworkChange_NetworkEventType_AddressChanged, 0, StationIndex);
}

void Complete()
{
    s_result = s_pendingOutcome;
    if (s_result == VirtualWifi::JoinResult::Joined)
    {
        // The ESP32 posts availability on association and the address on DHCP's answer (targetHAL_Network.cpp).
        PostAvailability(true);
        PostAddressChanged();
    }
    else
    {
        // Each failed attempt is a WIFI_EVENT_STA_DISCONNECTED, which posts "not available".
        PostAvailability(false);
    }
}

VirtualWifi::JoinResult OutcomeOf(const char *ssid, const char *password)
{
    const NetSettings &settings = NetSettings::Get();
    if (settings.accessPointSsid.empty() || settings.accessPointSsid != ssid)
    {
        return VirtualWifi::JoinResult::NoSuchNetwork;
    }
    return settings.accessPointPassword == password ? VirtualWifi::JoinResult::Joined
                                                    : VirtualWifi::JoinResult::WrongPassword;
}

// What an ESP32 does at boot with its stored configuration (NF_ESP32_Wireless.cpp): an enabled station whose block
// has an SSID connects by itself. (Its test is Options & AutoConnect, and AutoConnect includes the Enable bit.)
void JoinAtBootOnce()
{
    if (s_bootJoinChecked)
    {
        return;
    }
    s_bootJoinChecked = true;

    HAL_Configuration_Wireless80211 stored;
    memset(&stored, 0, sizeof(stored));
    if (!ConfigurationManager_GetConfigurationBlock(&stored, DeviceConfigurationOption_Wireless80211Network, 0))
    {
        return;
    }

    stored.Ssid[sizeof(stored.Ssid) - 1] = 0;
    stored.Password[sizeof(stored.Password) - 1] = 0;
    bool enabled = (stored.Options & Wireless80211Configuration_ConfigurationOptions_AutoConnect) != 0 &&
                   (stored.Options & Wireless80211Configuration_ConfigurationOptions_Disable) == 0;
    if (enabled && stored.Ssid[0] != 0)
    {
        VirtualWifi::StartJoin((const char *)stored.Ssid, (const char *)stored.Password);
    }
}

void CompleteIfDue()
{
    if (s_result == VirtualWifi::JoinResult::Pending && Clock::now() >= s_joinDue)
    {
        Complete();
    }
}

void Update()
{
    JoinAtBootOnce();
    CompleteIfDue();
}
} // namespace

void VirtualWifi::StartJoin(const char *ssid, const char *password)
{
    Leave();

    s_pendingOutcome = OutcomeOf(ssid, password);
    s_result = JoinResult::Pending;
    unsigned generation = ++s_generation;

    int delayMs = NetSettings::Get().joinDelayMs;
    s_joinDue = Clock::now() + std::chrono::milliseconds(delayMs);
    if (delayMs == 0)
    {
        Complete();
        return;
    }

    // Wakes a NativeConnect waiting on Event_Wifi_Station; the join itself completes on the runtime's thread.
    std::thread([delayMs, generation]() {
        std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
        if (s_generation.load() == generation)
        {
            Events_Set(SYSTEM_EVENT_FLAG_WIFI_STATION);
        }
    }).detach();
}

VirtualWifi::JoinResult VirtualWifi::LastJoin()
{
    Update();
    return s_result;
}

void VirtualWifi::Leave()
{
    // A boot join not started yet must not start after an explicit disconnect.
    s_bootJoinChecked = true;
    JoinResult previous = s_result;
    s_result = JoinResult::None;
    s_generation++;

    if (previous == JoinResult::Joined)
    {
        PostAvailability(false);
        PostAddressChanged();
    }
}

void VirtualWifi::Restart()
{
    s_result = JoinResult::None;
    s_bootJoinChecked = false;
    s_generation++;
}

// nf-interpreter's NetworkInterface natives define it (PostManagedEvent(EVENT_NETWORK, ...)); this stands in while
// natives.txt does not list System.Net, so the rest still links.
__attribute__((weak)) void Network_PostEvent(unsigned int eventType, unsigned int flags, unsigned int index)
{
    PostManagedEvent(EVENT_NETWORK, (uint8_t)eventType, (uint16_t)flags, index);
}

bool NetworkLink::IsUp()
{
    return VirtualWifi::LastJoin() == VirtualWifi::JoinResult::Joined;
}

uint32_t NetworkLink::Address()
{
    return IsUp() ? NetSettings::Get().address : 0;
}
