//
// The virtual ESP32's network configuration, as the ESP32 target provides it to nf-interpreter's System.Net natives:
//   - g_TargetConfiguration: the ESP32's two network interfaces, the station (Wireless80211, DHCP) and the access
//     point (WirelessAP, static), with one Wi-Fi and one access point configuration block; no certificates;
//   - ConfigurationManager_Get/Update/StoreConfigurationBlock over those blocks, kept in VESP32_NET_CONFIG's file
//     when given (network_config_file.h);
//   - SOCK_CONFIGURATION_*: the live adapter state on top of the stored blocks (the MAC, the station's address once it
//     has joined, the access point's while it runs: virtual_access_point.h);
//   - SOCK_IPV4AddressFromString/ToString.
// (The other ConfigurationManager_* functions, OEM model and serial numbers, belong to the runtime's target files.)
//

#include "net_pal.h"
#include "net_settings.h"
#include "network_config_file.h"
#include "network_link.h"
#include "virtual_access_point.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#include <arpa/inet.h>

namespace
{
// The interfaces in the ESP32's order (targetHAL_ConfigurationManager.cpp): the station, then the access point.
const uint32_t StationInterface = 0;
const uint32_t AccessPointInterface = 1;

HAL_Configuration_NetworkInterface s_network;
HAL_Configuration_Wireless80211 s_wifi;
HAL_Configuration_NetworkInterface s_apNetwork;
HAL_Configuration_WirelessAP s_ap;
bool s_loaded = false;

void SetText(uint8_t *field, size_t room, const std::string &text)
{
    memset(field, 0, room);
    memcpy(field, text.data(), text.size() < room - 1 ? text.size() : room - 1);
}

// The blocks an ESP32 has after nanoff flashed it and stored the Wi-Fi credentials: DHCP, automatic DNS; the
// configuration options of the ESP32's default block (targetHAL_ConfigurationManager.cpp).
void LoadDefaults()
{
    const NetSettings &settings = NetSettings::Get();

    memset(&s_network, 0, sizeof(s_network));
    memcpy(s_network.Marker, c_MARKER_CONFIGURATION_NETWORK_V1, sizeof(s_network.Marker));
    memcpy(s_network.MacAddress, settings.mac, sizeof(s_network.MacAddress));
    s_network.InterfaceType = NetworkInterfaceType_Wireless80211;
    s_network.SpecificConfigId = 0;
    s_network.AutomaticDNS = 1;
    s_network.StartupAddressMode = AddressMode_DHCP;

    memset(&s_wifi, 0, sizeof(s_wifi));
    memcpy(s_wifi.Marker, c_MARKER_CONFIGURATION_WIRELESS80211_V1, sizeof(s_wifi.Marker));
    s_wifi.Id = 0;
    s_wifi.Authentication = AuthenticationType_WPA2;
    s_wifi.Encryption = EncryptionType_WPA2_PSK;
    s_wifi.Radio = RadioType__802_11n;
    SetText(s_wifi.Ssid, sizeof(s_wifi.Ssid), settings.storedSsid);
    SetText(s_wifi.Password, sizeof(s_wifi.Password), settings.storedPassword);
    s_wifi.Options = (Wireless80211Configuration_ConfigurationOptions)(
        Wireless80211Configuration_ConfigurationOptions_AutoConnect |
        Wireless80211Configuration_ConfigurationOptions_Enable |
        Wireless80211Configuration_ConfigurationOptions_SmartConfig);

    // The access point as an ESP32 has it before anyone configured it: its own MAC (the station's + 1, as
    // ESP_MAC_WIFI_SOFTAP), a static address not set yet, SSID nano_<last 3 MAC bytes>, password nanoframework,
    // switched off (InitialiseWirelessAPDefaultConfig).
    memset(&s_apNetwork, 0, sizeof(s_apNetwork));
    memcpy(s_apNetwork.Marker, c_MARKER_CONFIGURATION_NETWORK_V1, sizeof(s_apNetwork.Marker));
    memcpy(s_apNetwork.MacAddress, settings.mac, sizeof(s_apNetwork.MacAddress));
    s_apNetwork.MacAddress[5]++;
    s_apNetwork.InterfaceType = NetworkInterfaceType_WirelessAP;
    s_apNetwork.SpecificConfigId = 0;
    s_apNetwork.StartupAddressMode = AddressMode_Static;

    memset(&s_ap, 0, sizeof(s_ap));
    memcpy(s_ap.Marker, c_MARKER_CONFIGURATION_WIRELESS_AP_V1, sizeof(s_ap.Marker));
    s_ap.Id = 0;
    char ssid[16];
    snprintf(ssid, sizeof(ssid), "nano_%02X%02X%02X", settings.mac[3], settings.mac[4], settings.mac[5]);
    SetText(s_ap.Ssid, sizeof(s_ap.Ssid), ssid);
    SetText(s_ap.Password, sizeof(s_ap.Password), "nanoframework");
    s_ap.Authentication = AuthenticationType_WPA2;
    s_ap.Encryption = EncryptionType_WPA2;
    s_ap.Radio = RadioType__802_11n;
    s_ap.Channel = 11;
    s_ap.MaxConnections = 4;
    s_ap.Options = WirelessAPConfiguration_ConfigurationOptions_Disable;
}

NetworkBlocks Blocks()
{
    return NetworkBlocks{s_network, s_wifi, s_apNetwork, s_ap};
}

void LoadOnce()
{
    if (s_loaded)
    {
        return;
    }
    s_loaded = true;

    LoadDefaults();
    const std::string &file = NetSettings::Get().configFile;
    if (!file.empty())
    {
        NetworkBlocks blocks = Blocks();
        NetworkConfigFile::Load(file, blocks);
    }
}

void Persist()
{
    const std::string &file = NetSettings::Get().configFile;
    if (!file.empty())
    {
        NetworkConfigFile::Save(file, Blocks());
    }
}

// The first IPv4 name server the host uses: what DHCP would hand the station.
uint32_t HostNameServer()
{
    static bool looked = false;
    static uint32_t server = 0;
    if (!looked)
    {
        looked = true;
        std::ifstream resolv("/etc/resolv.conf");
        std::string word;
        while (resolv >> word)
        {
            if (word == "nameserver" && resolv >> word && inet_pton(AF_INET, word.c_str(), &server) == 1)
            {
                break;
            }
            server = 0;
        }
    }
    return server;
}

// The lease DHCP gives the station: its address (VESP32_IP), a /8 on the loopback network (else a /24), the
// network's first address as gateway.
void ApplyLease(HAL_Configuration_NetworkInterface &config)
{
    uint32_t address = ntohl(NetSettings::Get().address);
    uint32_t mask = (address >> 24) == 127 ? 0xFF000000u : 0xFFFFFF00u;
    config.IPv4Address = htonl(address);
    config.IPv4NetMask = htonl(mask);
    config.IPv4GatewayAddress = htonl((address & mask) | 1);
    if (config.AutomaticDNS)
    {
        config.IPv4DNSAddress1 = HostNameServer();
        config.IPv4DNSAddress2 = 0;
    }
}

HAL_CONFIGURATION_NETWORK *NetworkList()
{
    HAL_CONFIGURATION_NETWORK *list = static_cast<HAL_CONFIGURATION_NETWORK *>(
        calloc(1, sizeof(HAL_CONFIGURATION_NETWORK) + 2 * sizeof(HAL_Configuration_NetworkInterface *)));
    list->Count = 2;
    list->Configs[StationInterface] = &s_network;
    list->Configs[AccessPointInterface] = &s_apNetwork;
    return list;
}

HAL_CONFIGURATION_NETWORK_WIRELESS80211 *WifiList()
{
    HAL_CONFIGURATION_NETWORK_WIRELESS80211 *list = static_cast<HAL_CONFIGURATION_NETWORK_WIRELESS80211 *>(
        calloc(1, sizeof(HAL_CONFIGURATION_NETWORK_WIRELESS80211) + sizeof(HAL_Configuration_Wireless80211 *)));
    list->Count = 1;
    list->Configs[0] = &s_wifi;
    return list;
}

HAL_TARGET_CONFIGURATION BuildTargetConfiguration()
{
    HAL_TARGET_CONFIGURATION configuration;
    configuration.NetworkInterfaceConfigs = NetworkList();
    configuration.Wireless80211Configs = WifiList();
    configuration.WirelessAPConfigs = static_cast<HAL_CONFIGURATION_NETWORK_WIRELESSAP *>(
        calloc(1, sizeof(HAL_CONFIGURATION_NETWORK_WIRELESSAP) + sizeof(HAL_Configuration_WirelessAP *)));
    configuration.WirelessAPConfigs->Count = 1;
    configuration.WirelessAPConfigs->Configs[0] = &s_ap;
    configuration.CertificateStore =
        static_cast<HAL_CONFIGURATION_X509_CERTIFICATE *>(calloc(1, sizeof(HAL_CONFIGURATION_X509_CERTIFICATE)));
    configuration.DeviceCertificates = static_cast<HAL_CONFIGURATION_X509_DEVICE_CERTIFICATE *>(
        calloc(1, sizeof(HAL_CONFIGURATION_X509_DEVICE_CERTIFICATE)));
    return configuration;
}
} // namespace

// The natives read the counts straight from here, before any ConfigurationManager call.
HAL_TARGET_CONFIGURATION g_TargetConfiguration = BuildTargetConfiguration();

namespace
{
// The stored block for (configuration, index), and its size; null where the device has none.
void *BlockOf(DeviceConfigurationOption configuration, uint32_t configurationIndex, size_t &size)
{
    switch (configuration)
    {
        case DeviceConfigurationOption_Network:
            size = sizeof(HAL_Configuration_NetworkInterface);
            return configurationIndex == StationInterface       ? &s_network
                   : configurationIndex == AccessPointInterface ? &s_apNetwork
                                                                : nullptr;
        case DeviceConfigurationOption_Wireless80211Network:
            size = sizeof(s_wifi);
            return configurationIndex == 0 ? &s_wifi : nullptr;
        case DeviceConfigurationOption_WirelessNetworkAP:
            size = sizeof(s_ap);
            return configurationIndex == 0 ? &s_ap : nullptr;
        default:
            // No certificate store (as the counts in g_TargetConfiguration say).
            return nullptr;
    }
}
} // namespace

extern "C" bool ConfigurationManager_GetConfigurationBlock(
    void *configurationBlock,
    DeviceConfigurationOption configuration,
    uint32_t configurationIndex)
{
    LoadOnce();

    size_t size = 0;
    void *block = BlockOf(configuration, configurationIndex, size);
    if (block == nullptr)
    {
        return false;
    }
    memcpy(configurationBlock, block, size);
    return true;
}

extern "C" UpdateConfigurationResult ConfigurationManager_UpdateConfigurationBlock(
    void *configurationBlock,
    DeviceConfigurationOption configuration,
    uint32_t configurationIndex)
{
    LoadOnce();

    size_t size = 0;
    uint8_t *block = static_cast<uint8_t *>(BlockOf(configuration, configurationIndex, size));
    if (block == nullptr)
    {
        return UpdateConfigurationResult_Failed;
    }

    // Every block starts with its marker, which the natives send cleared; an interface's MAC is the radio's, not a
    // setting.
    union
    {
        HAL_Configuration_NetworkInterface network;
        HAL_Configuration_Wireless80211 wifi;
        HAL_Configuration_WirelessAP accessPoint;
    } room;
    uint8_t *updated = reinterpret_cast<uint8_t *>(&room);
    memcpy(updated, configurationBlock, size);
    memcpy(updated, block, sizeof(s_network.Marker));
    if (configuration == DeviceConfigurationOption_Network)
    {
        const size_t mac = offsetof(HAL_Configuration_NetworkInterface, MacAddress);
        memcpy(updated + mac, block + mac, sizeof(s_network.MacAddress));
    }
    if (memcmp(updated, block, size) == 0)
    {
        return UpdateConfigurationResult_NoChanges;
    }
    memcpy(block, updated, size);
    Persist();
    return UpdateConfigurationResult_Success;
}

extern "C" bool ConfigurationManager_StoreConfigurationBlock(
    void *configurationBlock,
    DeviceConfigurationOption configuration,
    uint32_t configurationIndex,
    uint32_t blockSize,
    uint32_t offset,
    bool done)
{
    // Only CertificateManager.AddCaCertificateBundle stores whole blocks: the device keeps no certificate store.
    (void)configurationBlock;
    (void)configuration;
    (void)configurationIndex;
    (void)blockSize;
    (void)offset;
    (void)done;
    return false;
}

HRESULT SOCK_CONFIGURATION_LoadAdapterConfiguration(HAL_Configuration_NetworkInterface *config, uint32_t interfaceIndex)
{
    if (interfaceIndex == AccessPointInterface)
    {
        // The access point's netif: its MAC, and its address while it runs (from the block, else esp-netif's).
        memcpy(config->MacAddress, s_apNetwork.MacAddress, sizeof(config->MacAddress));
        bool up = VirtualAccessPoint::IsUp();
        config->IPv4Address = up ? VirtualAccessPoint::Address() : 0;
        config->IPv4NetMask = up ? VirtualAccessPoint::Mask() : 0;
        config->IPv4GatewayAddress = up ? VirtualAccessPoint::Address() : 0;
        return S_OK;
    }
    if (interfaceIndex != StationInterface)
    {
        return CLR_E_INVALID_PARAMETER;
    }

    memcpy(config->MacAddress, NetSettings::Get().mac, sizeof(config->MacAddress));

    if (!NetworkLink::IsUp())
    {
        // The ESP32's netif has no address while the station is not joined, whatever the stored mode.
        config->IPv4Address = 0;
        config->IPv4NetMask = 0;
        config->IPv4GatewayAddress = 0;
    }
    else if (config->StartupAddressMode != AddressMode_Static)
    {
        ApplyLease(*config);
    }
    // A static address is reported as stored (lwIP sets the netif to it); the host's sockets do not care.
    return S_OK;
}

HRESULT SOCK_CONFIGURATION_LoadConfiguration(HAL_Configuration_NetworkInterface *config, uint32_t interfaceIndex)
{
    return SOCK_CONFIGURATION_LoadAdapterConfiguration(config, interfaceIndex);
}

HRESULT SOCK_CONFIGURATION_UpdateAdapterConfiguration(
    HAL_Configuration_NetworkInterface *config,
    uint32_t interfaceIndex,
    uint32_t updateFlags)
{
    (void)config;
    if (interfaceIndex == AccessPointInterface)
    {
        // Stored; the access point takes its address at the next boot, as an ESP32's does.
        return S_OK;
    }
    if (interfaceIndex != StationInterface)
    {
        return CLR_E_INVALID_PARAMETER;
    }

    // The block is stored already; what the adapter shows follows from it (LoadAdapterConfiguration). A DHCP
    // (re)start or a new static address on a joined station is an address change to the managed side.
    const uint32_t addressing = NetworkInterface_UpdateOperation_Dhcp | NetworkInterface_UpdateOperation_DhcpRenew |
                                NetworkInterface_UpdateOperation_DhcpRelease;
    if ((updateFlags & addressing) != 0 && NetworkLink::IsUp())
    {
        Network_PostEvent(NetworkChange_NetworkEventType_AddressChanged, 0, interfaceIndex);
    }
    return S_OK;
}

HRESULT SOCK_CONFIGURATION_LinkStatus(uint32_t interfaceIndex, bool *status)
{
    if (interfaceIndex == AccessPointInterface)
    {
        *status = VirtualAccessPoint::IsUp();
        return S_OK;
    }
    if (interfaceIndex != StationInterface)
    {
        return CLR_E_INVALID_PARAMETER;
    }
    *status = NetworkLink::IsUp();
    return S_OK;
}

HRESULT SOCK_IPV4AddressFromString(const char *ipString, uint64_t *address)
{
    uint32_t parsed;
    if (ipString == nullptr || inet_pton(AF_INET, ipString, &parsed) != 1)
    {
        return CLR_E_INVALID_PARAMETER;
    }
    // Network byte order in memory, as lwIP's ip4addr_aton gives it (IPAddress keeps it that way).
    *address = parsed;
    return S_OK;
}

const char *SOCK_IPV4AddressToString(uint32_t address)
{
    // One buffer, as lwIP's ip4addr_ntoa: the native copies it into a managed string at once.
    static char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &address, text, sizeof(text));
    return text;
}
