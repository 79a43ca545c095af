//
// The network, Wi-Fi and access point configuration blocks in a text file (VESP32_NET_CONFIG), where an ESP32 keeps
// them in its configuration flash: what Wireless80211Configuration.SaveConfiguration,
// WirelessAPConfiguration.SaveConfiguration and NetworkInterface.EnableDhcp/EnableStaticIPv4 store survives a restart. One "key=value" per line; text values percent-encoded, so an SSID may
// hold any byte; a file written by hand may leave keys out (they keep their defaults).
//

#ifndef VESP32_NETWORK_CONFIG_FILE_H
#define VESP32_NETWORK_CONFIG_FILE_H

#include "net_pal.h"

#include <string>

// The device's blocks: the station's interface and Wi-Fi block, the access point's interface and block.
struct NetworkBlocks
{
    HAL_Configuration_NetworkInterface &network;
    HAL_Configuration_Wireless80211 &wifi;
    HAL_Configuration_NetworkInterface &apNetwork;
    HAL_Configuration_WirelessAP &ap;
};

namespace NetworkConfigFile
{
// False if there is no such file; a line it cannot read is reported on stderr and skipped.
bool Load(const std::string &path, NetworkBlocks &blocks);

// False (and a message on stderr) if it cannot be written.
bool Save(const std::string &path, const NetworkBlocks &blocks);
} // namespace NetworkConfigFile

#endif // VESP32_NETWORK_CONFIG_FILE_H
