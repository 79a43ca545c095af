//
// See network_config_file.h.
//

#include "network_config_file.h"

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include <arpa/inet.h>

namespace
{
std::string Encode(const uint8_t *text, size_t room)
{
    static const char Hex[] = "0123456789ABCDEF";
    std::string encoded;
    for (size_t i = 0; i < room && text[i] != 0; i++)
    {
        uint8_t c = text[i];
        if (c <= ' ' || c == '%' || c == '=' || c >= 0x7F)
        {
            encoded += '%';
            encoded += Hex[c >> 4];
            encoded += Hex[c & 0xF];
        }
        else
        {
            encoded += (char)c;
        }
    }
    return encoded;
}

bool Decode(const std::string &encoded, uint8_t *text, size_t room)
{
    std::string decoded;
    for (size_t i = 0; i < encoded.size(); i++)
    {
        if (encoded[i] != '%')
        {
            decoded += encoded[i];
            continue;
        }
        if (i + 2 >= encoded.size())
        {
            return false;
        }
        char hex[3] = {encoded[i + 1], encoded[i + 2], 0};
        char *end = nullptr;
        long value = strtol(hex, &end, 16);
        if (*end != 0 || value <= 0)
        {
            return false;
        }
        decoded += (char)value;
        i += 2;
    }
    if (decoded.size() >= room)
    {
        return false; // the block keeps a terminator
    }
    memset(text, 0, room);
    memcpy(text, decoded.data(), decoded.size());
    return true;
}

std::string AddressText(uint32_t address)
{
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &address, text, sizeof(text));
    return text;
}

// The block is packed: its fields are set from a copy, never through a reference.
bool ParseAddress(const std::string &text, uint32_t *address)
{
    uint32_t parsed;
    if (inet_pton(AF_INET, text.c_str(), &parsed) != 1)
    {
        return false;
    }
    memcpy(address, &parsed, sizeof(parsed));
    return true;
}

bool ParseNumber(const std::string &text, long low, long high, long &number)
{
    char *end = nullptr;
    number = strtol(text.c_str(), &end, 10);
    return end != text.c_str() && *end == 0 && number >= low && number <= high;
}

bool Apply(const std::string &key, const std::string &value, HAL_Configuration_NetworkInterface &network, HAL_Configuration_Wireless80211 &wifi)
{
    long number;
    if (key == "wifi.ssid")
    {
        return Decode(value, wifi.Ssid, sizeof(wifi.Ssid));
    }
    if (key == "wifi.password")
    {
        return Decode(value, wifi.Password, sizeof(wifi.Password));
    }
    if (key == "wifi.options")
    {
        return ParseNumber(value, 0, 255, number) && (wifi.Options = (Wireless80211Configuration_ConfigurationOptions)number, true);
    }
    if (key == "wifi.authentication")
    {
        return ParseNumber(value, 0, 255, number) && (wifi.Authentication = (AuthenticationType)number, true);
    }
    if (key == "wifi.encryption")
    {
        return ParseNumber(value, 0, 255, number) && (wifi.Encryption = (EncryptionType)number, true);
    }
    if (key == "wifi.radio")
    {
        return ParseNumber(value, 0, 255, number) && (wifi.Radio = (RadioType)number, true);
    }
    if (key == "net.address_mode")
    {
        return ParseNumber(value, 1, 3, number) && (network.StartupAddressMode = (AddressMode)number, true);
    }
    if (key == "net.automatic_dns")
    {
        return ParseNumber(value, 0, 1, number) && (network.AutomaticDNS = (uint8_t)number, true);
    }
    if (key == "net.ipv4")
    {
        return ParseAddress(value, (uint32_t *)((uint8_t *)&network + offsetof(HAL_Configuration_NetworkInterface, IPv4Address)));
    }
    if (key == "net.netmask")
    {
        return ParseAddress(value, (uint32_t *)((uint8_t *)&network + offsetof(HAL_Configuration_NetworkInterface, IPv4NetMask)));
    }
    if (key == "net.gateway")
    {
        return ParseAddress(value, (uint32_t *)((uint8_t *)&network + offsetof(HAL_Configuration_NetworkInterface, IPv4GatewayAddress)));
    }
    if (key == "net.dns1")
    {
        return ParseAddress(value, (uint32_t *)((uint8_t *)&network + offsetof(HAL_Configuration_NetworkInterface, IPv4DNSAddress1)));
    }
    if (key == "net.dns2")
    {
        return ParseAddress(value, (uint32_t *)((uint8_t *)&network + offsetof(HAL_Configuration_NetworkInterface, IPv4DNSAddress2)));
    }
    return false;
}
} // namespace

bool NetworkConfigFile::Load(const std::string &path, HAL_Configuration_NetworkInterface &network, HAL_Configuration_Wireless80211 &wifi)
{
    std::ifstream file(path);
    if (!file)
    {
        return false;
    }

    std::string line;
    int lineNumber = 0;
    while (std::getline(file, line))
    {
        lineNumber++;
        if (line.empty() || line[0] == '#')
        {
            continue;
        }
        size_t equals = line.find('=');
        if (equals == std::string::npos ||
            !Apply(line.substr(0, equals), line.substr(equals + 1), network, wifi))
        {
            fprintf(stderr, "virtual ESP32: %s:%d: '%s' skipped\n", path.c_str(), lineNumber, line.c_str());
        }
    }
    return true;
}

bool NetworkConfigFile::Save(const std::string &path, const HAL_Configuration_NetworkInterface &network, const HAL_Configuration_Wireless80211 &wifi)
{
    std::ostringstream text;
    text << "# The virtual ESP32's network configuration blocks (host/VirtualEsp32/native/net/network_config_file.h)\n";
    text << "wifi.ssid=" << Encode(wifi.Ssid, sizeof(wifi.Ssid)) << "\n";
    text << "wifi.password=" << Encode(wifi.Password, sizeof(wifi.Password)) << "\n";
    text << "wifi.options=" << (int)wifi.Options << "\n";
    text << "wifi.authentication=" << (int)wifi.Authentication << "\n";
    text << "wifi.encryption=" << (int)wifi.Encryption << "\n";
    text << "wifi.radio=" << (int)wifi.Radio << "\n";
    text << "net.address_mode=" << (int)network.StartupAddressMode << "\n";
    text << "net.automatic_dns=" << (int)network.AutomaticDNS << "\n";
    text << "net.ipv4=" << AddressText(network.IPv4Address) << "\n";
    text << "net.netmask=" << AddressText(network.IPv4NetMask) << "\n";
    text << "net.gateway=" << AddressText(network.IPv4GatewayAddress) << "\n";
    text << "net.dns1=" << AddressText(network.IPv4DNSAddress1) << "\n";
    text << "net.dns2=" << AddressText(network.IPv4DNSAddress2) << "\n";

    // Written whole, then renamed: a device killed mid-write keeps its previous configuration, as flash would.
    std::string temporary = path + ".new";
    {
        std::ofstream file(temporary, std::ios::trunc);
        file << text.str();
        if (!file.flush())
        {
            fprintf(stderr, "virtual ESP32: cannot write %s\n", temporary.c_str());
            return false;
        }
    }
    if (rename(temporary.c_str(), path.c_str()) != 0)
    {
        fprintf(stderr, "virtual ESP32: cannot replace %s\n", path.c_str());
        return false;
    }
    return true;
}
