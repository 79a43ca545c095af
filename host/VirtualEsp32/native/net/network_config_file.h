//
// The network and Wi-Fi configuration blocks in a text file (VESP32_NET_CONFIG), where an ESP32 keeps them in its
// configuration flash: what Wireless80211Configuration.SaveConfiguration and NetworkInterface.EnableDhcp/
// EnableStaticIPv4 store survives a restart. One "key=value" per line; text values percent-encoded, so an SSID may
// hold any byte; a file written by hand may leave keys out (they keep their defaults).
//

#ifndef VESP32_NETWORK_CONFIG_FILE_H
#define VESP32_NETWORK_CONFIG_FILE_H

#include "net_pal.h"

#include <string>

namespace NetworkConfigFile
{
// False if there is no such file; a line it cannot read is reported on stderr and skipped.
bool Load(const std::string &path, HAL_Configuration_NetworkInterface &network, HAL_Configuration_Wireless80211 &wifi);

// False (and a message on stderr) if it cannot be written.
bool Save(const std::string &path, const HAL_Configuration_NetworkInterface &network, const HAL_Configuration_Wireless80211 &wifi);
} // namespace NetworkConfigFile

#endif // VESP32_NETWORK_CONFIG_FILE_H
