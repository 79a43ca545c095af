//
// See virtual_access_point.h.
//

#include "net_pal.h"
#include "virtual_access_point.h"

#include <cstdlib>
#include <cstring>

#include <arpa/inet.h>

namespace
{
// The access point's interface in g_TargetConfiguration (the ESP32's order: station, then access point).
const uint32_t AccessPointInterface = 1;
const uint16_t DhcpClientPort = 68;

bool s_read = false;
bool s_up = false;
uint32_t s_address = 0;

// esp-netif's address for an access point whose block has none (ESP_NETIF_BASE_DEFAULT_WIFI_AP).
uint32_t DefaultAddress()
{
    return htonl(0xC0A80401u); // 192.168.4.1
}

void ReadOnce()
{
    if (s_read)
    {
        return;
    }
    s_read = true;

    HAL_Configuration_NetworkInterface network;
    HAL_Configuration_WirelessAP accessPoint;
    if (!ConfigurationManager_GetConfigurationBlock(&network, DeviceConfigurationOption_Network, AccessPointInterface) ||
        !ConfigurationManager_GetConfigurationBlock(&accessPoint, DeviceConfigurationOption_WirelessNetworkAP, network.SpecificConfigId))
    {
        return;
    }

    uint32_t stored;
    memcpy(&stored, (uint8_t *)&network + offsetof(HAL_Configuration_NetworkInterface, IPv4Address), sizeof(stored));
    s_address = stored != 0 ? stored : DefaultAddress();
    s_up = (accessPoint.Options & WirelessAPConfiguration_ConfigurationOptions_Enable) != 0;
}

// The blocks as they are when the device starts, before the firmware can save new ones.
const bool s_readAtBoot = (ReadOnce(), true);

uint16_t PortFrom(const char *variable)
{
    const char *value = getenv(variable);
    return value != nullptr ? (uint16_t)atoi(value) : 0;
}

bool OnSubnet(uint32_t address)
{
    return (address & VirtualAccessPoint::Mask()) == (VirtualAccessPoint::Address() & VirtualAccessPoint::Mask());
}
} // namespace

bool VirtualAccessPoint::IsUp()
{
    ReadOnce();
    return s_up;
}

uint32_t VirtualAccessPoint::Address()
{
    ReadOnce();
    return s_address != 0 ? s_address : DefaultAddress();
}

uint32_t VirtualAccessPoint::Mask()
{
    return htonl(0xFFFFFF00u);
}

void VirtualAccessPoint::Restart()
{
    s_read = false;
    s_up = false;
    s_address = 0;
    ReadOnce();
}

bool VirtualAccessPoint::MapLocal(sockaddr_in &host)
{
    uint32_t address = host.sin_addr.s_addr;
    if (!IsUp() || (address != Address() && address != INADDR_BROADCAST))
    {
        return false;
    }
    host.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return true;
}

VirtualAccessPoint::Destination VirtualAccessPoint::MapRemote(sockaddr_in &host)
{
    uint32_t address = host.sin_addr.s_addr;
    bool broadcast = address == INADDR_BROADCAST;
    if (!broadcast && !OnSubnet(address))
    {
        return Destination::Elsewhere;
    }
    if (!IsUp())
    {
        return broadcast ? Destination::Nobody : Destination::Down;
    }

    host.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (broadcast)
    {
        // Only DHCP's answers have somewhere to arrive: the host port standing for the stations' port 68.
        uint16_t clients = PortFrom("VESP32_DHCP_CLIENT_PORT");
        if (ntohs(host.sin_port) != DhcpClientPort || clients == 0)
        {
            return Destination::Nobody;
        }
        host.sin_port = htons(clients);
    }
    return Destination::Host;
}
