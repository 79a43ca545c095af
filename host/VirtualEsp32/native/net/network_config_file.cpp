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

uint32_t *AddressField(HAL_Configuration_NetworkInterface &network, size_t offset)
{
    return (uint32_t *)((uint8_t *)&network + offset);
}

// The interface block's keys under `prefix` ("net." for the station, "apnet." for the access point).
bool ApplyInterface(const std::string &key, const std::string &value, HAL_Configuration_NetworkInterface &network)
{
    long number;
    if (key == "address_mode")
    {
        return ParseNumber(value, 1, 3, number) && (network.StartupAddressMode = (AddressMode)number, true);
    }
    if (key == "automatic_dns")
    {
        return ParseNumber(value, 0, 1, number) && (network.AutomaticDNS = (uint8_t)number, true);
    }
    if (key == "ipv4")
    {
        return ParseAddress(value, AddressField(network, offsetof(HAL_Configuration_NetworkInterface, IPv4Address)));
    }
    if (key == "netmask")
    {
        return ParseAddress(value, AddressField(network, offsetof(HAL_Configuration_NetworkInterface, IPv4NetMask)));
    }
    if (key == "gateway")
    {
        return ParseAddress(value, AddressField(network, offsetof(HAL_Configuration_NetworkInterface, IPv4GatewayAddress)));
    }
    if (key == "dns1")
    {
        return ParseAddress(value, AddressField(network, offsetof(HAL_Configuration_NetworkInterface, IPv4DNSAddress1)));
    }
    if (key == "dns2")
    {
        return ParseAddress(value, AddressField(network, offsetof(HAL_Configuration_NetworkInterface, IPv4DNSAddress2)));
    }
    return false;
}

// The radio's keys common to the Wi-Fi and the access point blocks.
template <typename Block> bool ApplyRadio(const std::string &key, const std::string &value, Block &block)
{
    long number;
    if (key == "ssid")
    {
        return Decode(value, block.Ssid, sizeof(block.Ssid));
    }
    if (key == "password")
    {
        return Decode(value, block.Password, sizeof(block.Password));
    }
    if (key == "options")
    {
        return ParseNumber(value, 0, 255, number) && (block.Options = (decltype(block.Options))number, true);
    }
    if (key == "authentication")
    {
        return ParseNumber(value, 0, 255, number) && (block.Authentication = (AuthenticationType)number, true);
    }
    if (key == "encryption")
    {
        return ParseNumber(value, 0, 255, number) && (block.Encryption = (EncryptionType)number, true);
    }
    if (key == "radio")
    {
        return ParseNumber(value, 0, 255, number) && (block.Radio = (RadioType)number, true);
    }
    return false;
}

bool Apply(const std::string &key, const std::string &value, NetworkBlocks &blocks)
{
    size_t dot = key.find('.');
    std::string block = key.substr(0, dot == std::string::npos ? 0 : dot);
    std::string field = dot == std::string::npos ? key : key.substr(dot + 1);
    long number;
    if (block == "wifi")
    {
        return ApplyRadio(field, value, blocks.wifi);
    }
    if (block == "net")
    {
        return ApplyInterface(field, value, blocks.network);
    }
    if (block == "apnet")
    {
        return ApplyInterface(field, value, blocks.apNetwork);
    }
    if (block == "ap" && field == "channel")
    {
        return ParseNumber(value, 1, 14, number) && (blocks.ap.Channel = (uint8_t)number, true);
    }
    if (block == "ap" && field == "max_connections")
    {
        return ParseNumber(value, 1, 10, number) && (blocks.ap.MaxConnections = (uint8_t)number, true);
    }
    return block == "ap" && ApplyRadio(field, value, blocks.ap);
}

template <typename Block> void SaveRadio(std::ostringstream &text, const char *prefix, const Block &block)
{
    text << prefix << "ssid=" << Encode(block.Ssid, sizeof(block.Ssid)) << "\n";
    text << prefix << "password=" << Encode(block.Password, sizeof(block.Password)) << "\n";
    text << prefix << "options=" << (int)block.Options << "\n";
    text << prefix << "authentication=" << (int)block.Authentication << "\n";
    text << prefix << "encryption=" << (int)block.Encryption << "\n";
    text << prefix << "radio=" << (int)block.Radio << "\n";
}

void SaveInterface(std::ostringstream &text, const char *prefix, const HAL_Configuration_NetworkInterface &network)
{
    text << prefix << "address_mode=" << (int)network.StartupAddressMode << "\n";
    text << prefix << "automatic_dns=" << (int)network.AutomaticDNS << "\n";
    text << prefix << "ipv4=" << AddressText(network.IPv4Address) << "\n";
    text << prefix << "netmask=" << AddressText(network.IPv4NetMask) << "\n";
    text << prefix << "gateway=" << AddressText(network.IPv4GatewayAddress) << "\n";
    text << prefix << "dns1=" << AddressText(network.IPv4DNSAddress1) << "\n";
    text << prefix << "dns2=" << AddressText(network.IPv4DNSAddress2) << "\n";
}
} // namespace

bool NetworkConfigFile::Load(const std::string &path, NetworkBlocks &blocks)
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
            !Apply(line.substr(0, equals), line.substr(equals + 1), blocks))
        {
            fprintf(stderr, "virtual ESP32: %s:%d: '%s' skipped\n", path.c_str(), lineNumber, line.c_str());
        }
    }
    return true;
}

bool NetworkConfigFile::Save(const std::string &path, const NetworkBlocks &blocks)
{
    std::ostringstream text;
    text << "# The virtual ESP32's network configuration blocks (host/VirtualEsp32/native/net/network_config_file.h)\n";
    SaveRadio(text, "wifi.", blocks.wifi);
    SaveInterface(text, "net.", blocks.network);
    SaveRadio(text, "ap.", blocks.ap);
    text << "ap.channel=" << (int)blocks.ap.Channel << "\n";
    text << "ap.max_connections=" << (int)blocks.ap.MaxConnections << "\n";
    SaveInterface(text, "apnet.", blocks.apNetwork);

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
