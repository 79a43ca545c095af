//
// What the virtual ESP32's radio and network are given from outside (run.sh sets them; all optional):
//   VESP32_WIFI_SSID, VESP32_WIFI_PASSWORD   the one access point in range: joining succeeds only with exactly
//                                            these (default SensorNodeLab / virtual-esp32, as run.sh's)
//   VESP32_WIFI_STORED_SSID, _PASSWORD       the credentials stored on the device, as nanoff or Visual Studio's
//                                            Device Explorer store them, for a device whose configuration file
//                                            does not exist yet (default: none, as on a freshly flashed ESP32)
//   VESP32_WIFI_JOIN_MS                      how long joining takes (default 0: at once)
//   VESP32_IP                                the station's IPv4 address once joined (default 127.0.0.1)
//   VESP32_MAC                               the station's MAC, "24:0a:c4:12:34:56"; the firmware's default node id
//                                            is its last three bytes (default 24:0a:c4:00:00:01)
//   VESP32_NET_CONFIG                        file keeping the network and Wi-Fi configuration blocks across
//                                            restarts, as an ESP32's configuration flash does (default: beside the
//                                            flash folder, VESP32_FLASH + ".netconfig"; neither: memory only)
//

#ifndef VESP32_NET_SETTINGS_H
#define VESP32_NET_SETTINGS_H

#include <cstdint>
#include <string>

struct NetSettings
{
    std::string accessPointSsid;
    std::string accessPointPassword;
    std::string storedSsid;
    std::string storedPassword;
    int joinDelayMs;
    uint32_t address; // network byte order
    uint8_t mac[6];
    std::string configFile;

    // Read once from the environment; a malformed value is reported on stderr and replaced by its default.
    static const NetSettings &Get();
};

#endif // VESP32_NET_SETTINGS_H
