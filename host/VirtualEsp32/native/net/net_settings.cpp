//
// See net_settings.h.
//

#include "net_settings.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <arpa/inet.h>

namespace
{
// Espressif's OUI (an ESP32-WROOM-32's MAC begins with it), device 00:00:01.
const char *const DefaultMac = "24:0a:c4:00:00:01";

std::string EnvOr(const char *name, const char *fallback)
{
    const char *value = getenv(name);
    return value != nullptr ? std::string(value) : std::string(fallback);
}

int HexDigit(char c)
{
    if (c >= '0' && c <= '9')
    {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f')
    {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F')
    {
        return c - 'A' + 10;
    }
    return -1;
}

// Hex digits only, separators (':' '-') skipped; exactly count bytes.
bool ParseHexBytes(const std::string &text, uint8_t *bytes, int count)
{
    int digits = 0;
    for (char c : text)
    {
        if (c == ':' || c == '-')
        {
            continue;
        }
        int value = HexDigit(c);
        if (value < 0 || digits >= count * 2)
        {
            return false;
        }
        bytes[digits / 2] = (uint8_t)(digits % 2 == 0 ? value << 4 : bytes[digits / 2] | value);
        digits++;
    }
    return digits == count * 2;
}

NetSettings Load()
{
    NetSettings settings;
    settings.accessPointSsid = EnvOr("VESP32_WIFI_SSID", "SensorNodeLab");
    settings.accessPointPassword = EnvOr("VESP32_WIFI_PASSWORD", "virtual-esp32");
    settings.storedSsid = EnvOr("VESP32_WIFI_STORED_SSID", "");
    settings.storedPassword = EnvOr("VESP32_WIFI_STORED_PASSWORD", "");

    std::string flash = EnvOr("VESP32_FLASH", "");
    while (flash.size() > 1 && flash.back() == '/')
    {
        flash.pop_back();
    }
    settings.configFile = EnvOr("VESP32_NET_CONFIG", flash.empty() ? "" : (flash + ".netconfig").c_str());

    std::string joinMs = EnvOr("VESP32_WIFI_JOIN_MS", "0");
    char *end = nullptr;
    long delay = strtol(joinMs.c_str(), &end, 10);
    if (end == joinMs.c_str() || *end != 0 || delay < 0 || delay > 60000)
    {
        fprintf(stderr, "virtual ESP32: VESP32_WIFI_JOIN_MS='%s' is not 0..60000 ms; using 0\n", joinMs.c_str());
        delay = 0;
    }
    settings.joinDelayMs = (int)delay;

    std::string address = EnvOr("VESP32_IP", "127.0.0.1");
    if (inet_pton(AF_INET, address.c_str(), &settings.address) != 1)
    {
        fprintf(stderr, "virtual ESP32: VESP32_IP='%s' is not an IPv4 address; using 127.0.0.1\n", address.c_str());
        inet_pton(AF_INET, "127.0.0.1", &settings.address);
    }

    std::string mac = EnvOr("VESP32_MAC", DefaultMac);
    if (!ParseHexBytes(mac, settings.mac, 6))
    {
        fprintf(stderr, "virtual ESP32: VESP32_MAC='%s' is not six hex bytes; using %s\n", mac.c_str(), DefaultMac);
        ParseHexBytes(DefaultMac, settings.mac, 6);
    }

    return settings;
}
} // namespace

const NetSettings &NetSettings::Get()
{
    static const NetSettings settings = Load();
    return settings;
}
