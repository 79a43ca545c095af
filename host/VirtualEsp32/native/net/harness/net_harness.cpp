//
// A check of native/net without nanoCLR: the PAL's SOCK_* functions, the virtual station and the configuration
// blocks, called as nf-interpreter's System.Net natives and our Wi-Fi natives call them, against real host sockets (a
// local listener plays the broker) and the host's resolver. Build and run with build.sh; it prints one line per check
// and exits 1 if any failed.
//
// Compiled only with VESP32_NET_HARNESS (the nanoCLR build compiles every .cpp under native/).
//

#ifdef VESP32_NET_HARNESS

#include "net_pal.h"
#include "net_device.h"
#include "sockets_posix.h"
#include "virtual_access_point.h"
#include "virtual_wifi.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

// What nanoCLR provides to the code under test, recorded here.
namespace
{
std::atomic<int> s_socketWakes{0};
std::atomic<int> s_wifiWakes{0};

struct PostedEvent
{
    unsigned type;
    unsigned flags;
    unsigned index;
};
std::vector<PostedEvent> s_networkEvents;
} // namespace

extern "C" void Events_Set(uint32_t events)
{
    if (events & SYSTEM_EVENT_FLAG_SOCKET)
    {
        s_socketWakes++;
    }
    if (events & SYSTEM_EVENT_FLAG_WIFI_STATION)
    {
        s_wifiWakes++;
    }
}

void Network_PostEvent(unsigned int eventType, unsigned int flags, unsigned int index)
{
    s_networkEvents.push_back({eventType, flags, index});
}

// virtual_wifi.cpp's fallback for Network_PostEvent calls it (the harness's own Network_PostEvent wins).
extern "C" void PostManagedEvent(uint8_t category, uint8_t subCategory, uint16_t data1, uint32_t data2)
{
    (void)category;
    (void)subCategory;
    (void)data1;
    (void)data2;
}

// An ASSERT that fails (SOCK_FD_SET on a full set) ends the check.
extern "C" void HAL_AssertEx()
{
    fprintf(stderr, "FAIL: an assertion of nf-interpreter's headers failed\n");
    abort();
}

namespace
{
int s_failures = 0;

void Check(bool passed, const std::string &what)
{
    printf("%s: %s\n", passed ? "pass" : "FAIL", what.c_str());
    if (!passed)
    {
        s_failures++;
    }
}

std::string Describe(const char *what, long actual)
{
    std::ostringstream text;
    text << what << " (got " << actual << ")";
    return text.str();
}

// Waits (as a parked managed thread would) until the poller or a resolver thread wakes the runtime.
bool WaitForWake(std::atomic<int> &counter, int before, int timeoutMs = 5000)
{
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (counter.load() == before)
    {
        if (std::chrono::steady_clock::now() > deadline)
        {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return true;
}

// As MarshalSockAddress of the natives lays an IPEndPoint out.
SOCK_sockaddr Endpoint(const char *address, uint16_t port)
{
    SOCK_sockaddr_in in;
    memset(&in, 0, sizeof(in));
    in.sin_family = SOCK_AF_INET;
    in.sin_port = htons(port);
    uint32_t parsed;
    inet_pton(AF_INET, address, &parsed);
    in.sin_addr.S_un.S_addr = parsed;

    SOCK_sockaddr endpoint;
    memcpy(&endpoint, &in, sizeof(endpoint));
    return endpoint;
}

// Helper__SelectSocket of the natives: mode 0 read, 1 write, with the except set always asked for.
int SelectLikeNatives(int handle, int mode, bool &excepted)
{
    SOCK_fd_set fds, except;
    fds.fd_count = 1;
    fds.fd_array[0] = handle;
    except.fd_count = 1;
    except.fd_array[0] = handle;
    SOCK_timeval zero = {0, 0};
    int result = SOCK_select(1, mode == 0 ? &fds : nullptr, mode == 1 ? &fds : nullptr, &except, &zero);
    excepted = except.fd_count != 0;
    return result;
}

// A plain host socket of `type` bound to a loopback port (0: any free one; `port` says which it got).
int BoundOnLoopback(int type, uint16_t &port)
{
    int handle = socket(AF_INET, type, 0);
    sockaddr_in address;
    memset(&address, 0, sizeof(address));
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    bind(handle, reinterpret_cast<sockaddr *>(&address), sizeof(address));
    socklen_t length = sizeof(address);
    getsockname(handle, reinterpret_cast<sockaddr *>(&address), &length);
    port = ntohs(address.sin_port);
    return handle;
}

// A plain host socket listening on a free loopback port: the broker's side.
int Listen(uint16_t &port)
{
    port = 0;
    int listener = BoundOnLoopback(SOCK_STREAM, port);
    listen(listener, 4);
    return listener;
}

uint16_t UnusedPort()
{
    uint16_t port;
    int listener = Listen(port);
    close(listener);
    return port;
}

std::string FileText(const std::string &path)
{
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

bool HasEvent(unsigned type, unsigned flags)
{
    for (const PostedEvent &event : s_networkEvents)
    {
        if (event.type == type && event.flags == flags && event.index == 0)
        {
            return true;
        }
    }
    return false;
}

void CheckIdentity()
{
    HAL_Configuration_NetworkInterface network;
    Check(ConfigurationManager_GetConfigurationBlock(&network, DeviceConfigurationOption_Network, 0),
          "the network interface block exists");
    const uint8_t expected[6] = {0x24, 0x0a, 0xc4, 0xa1, 0xb2, 0xc3};
    Check(memcmp(network.MacAddress, expected, 6) == 0, "the MAC is VESP32_MAC's, 24:0a:c4:a1:b2:c3");
    Check(network.InterfaceType == NetworkInterfaceType_Wireless80211 && network.StartupAddressMode == AddressMode_DHCP,
          "one Wireless80211 interface with DHCP");
    Check(g_TargetConfiguration.NetworkInterfaceConfigs->Count == 2 && g_TargetConfiguration.Wireless80211Configs->Count == 1 &&
              g_TargetConfiguration.WirelessAPConfigs->Count == 1,
          "the target configuration: two interfaces (station, access point), one Wi-Fi block, one access point block");

    HAL_Configuration_NetworkInterface apNetwork;
    HAL_Configuration_WirelessAP ap;
    Check(ConfigurationManager_GetConfigurationBlock(&apNetwork, DeviceConfigurationOption_Network, 1) &&
              apNetwork.InterfaceType == NetworkInterfaceType_WirelessAP && apNetwork.StartupAddressMode == AddressMode_Static &&
              apNetwork.MacAddress[5] == 0xc4,
          "interface 1 is the access point: static, MAC the station's + 1");
    Check(ConfigurationManager_GetConfigurationBlock(&ap, DeviceConfigurationOption_WirelessNetworkAP, 0) &&
              strcmp((const char *)ap.Ssid, "nano_A1B2C3") == 0 && strcmp((const char *)ap.Password, "nanoframework") == 0 &&
              ap.Options == WirelessAPConfiguration_ConfigurationOptions_Disable,
          "the access point block as an ESP32's default: nano_A1B2C3, nanoframework, disabled");
    bool up = true;
    SOCK_CONFIGURATION_LinkStatus(1, &up);
    Check(!up && !VirtualAccessPoint::IsUp(), "a disabled access point is down");
}

void CheckBootJoinWithWrongStoredPassword()
{
    Check(VirtualWifi::LastJoin() == VirtualWifi::JoinResult::WrongPassword,
          "boot joins by itself with the stored credentials: a wrong stored password fails");
    Check(HasEvent(NetworkChange_NetworkEventType_AvailabilityChanged, 0), "the failed join posts 'not available'");

    bool up = true;
    SOCK_CONFIGURATION_LinkStatus(0, &up);
    HAL_Configuration_NetworkInterface network;
    ConfigurationManager_GetConfigurationBlock(&network, DeviceConfigurationOption_Network, 0);
    SOCK_CONFIGURATION_LoadAdapterConfiguration(&network, 0);
    Check(!up && network.IPv4Address == 0, "no link and no address without a join");
}

void CheckNoNetworkWithoutLink()
{
    int handle = SOCK_socket(SOCK_AF_INET, SOCK_SOCK_STREAM, SOCK_IPPROTO_TCP);
    SOCK_sockaddr broker = Endpoint("127.0.0.1", UnusedPort());
    int result = SOCK_connect(handle, &broker, sizeof(broker));
    Check(result == SOCK_SOCKET_ERROR && SOCK_getlasterror() == SOCK_EHOSTUNREACH,
          Describe("connect without a link: host unreachable (10065)", SOCK_getlasterror()));

    bool excepted = false;
    result = SelectLikeNatives(handle, 0, excepted);
    Check(result == 1 && excepted && SOCK_getlasterror() == SOCK_ENETDOWN,
          "select without a link: the socket is in error, network down (10050)");
    SOCK_close(handle);

    SOCK_addrinfo *found = nullptr;
    result = SOCK_getaddrinfo("localhost", nullptr, nullptr, &found);
    Check(result == SOCK_SOCKET_ERROR && SOCK_getlasterror() == SOCK_EINVAL,
          "a name does not resolve without a link (10022, as lwIP's EAI_FAIL)");
    result = SOCK_getaddrinfo("127.0.0.1", nullptr, nullptr, &found);
    Check(result == 0 && found != nullptr, "an address literal resolves without a link");
    SOCK_freeaddrinfo(found);
}

void CheckJoin()
{
    VirtualWifi::StartJoin("neighbours", "secret");
    Check(VirtualWifi::LastJoin() == VirtualWifi::JoinResult::NoSuchNetwork, "another SSID: no such network");
    VirtualWifi::StartJoin("lab", "wrong");
    Check(VirtualWifi::LastJoin() == VirtualWifi::JoinResult::WrongPassword, "a wrong password: refused");

    s_networkEvents.clear();
    VirtualWifi::StartJoin("lab", "secret");
    Check(VirtualWifi::LastJoin() == VirtualWifi::JoinResult::Joined, "the access point's SSID and password: joined");
    Check(HasEvent(NetworkChange_NetworkEventType_AvailabilityChanged, 1) &&
              HasEvent(NetworkChange_NetworkEventType_AddressChanged, 0),
          "joining posts 'available' and 'address changed'");

    bool up = false;
    SOCK_CONFIGURATION_LinkStatus(0, &up);
    HAL_Configuration_NetworkInterface network;
    ConfigurationManager_GetConfigurationBlock(&network, DeviceConfigurationOption_Network, 0);
    SOCK_CONFIGURATION_LoadAdapterConfiguration(&network, 0);
    Check(up && network.IPv4Address == htonl(INADDR_LOOPBACK) && network.IPv4NetMask == htonl(0xFF000000u),
          std::string("joined: link up, address ") + SOCK_IPV4AddressToString(network.IPv4Address) + "/8");

    uint64_t parsed = 0;
    Check(SOCK_IPV4AddressFromString("192.168.1.10", &parsed) == S_OK && SOCK_IPV4AddressFromString("192.168.1", &parsed) != S_OK,
          "IPv4 addresses parse, malformed ones do not");
}

void CheckStoredWifiBlock(const std::string &configFile)
{
    HAL_Configuration_Wireless80211 wifi;
    ConfigurationManager_GetConfigurationBlock(&wifi, DeviceConfigurationOption_Wireless80211Network, 0);
    Check(strcmp((const char *)wifi.Ssid, "lab") == 0 && strcmp((const char *)wifi.Password, "old-secret") == 0,
          "the stored Wi-Fi block holds VESP32_WIFI_STORED_SSID/_PASSWORD");

    // What Wireless80211Configuration.SaveConfiguration sends: a cleared block with the fields set.
    HAL_Configuration_Wireless80211 saved;
    memset(&saved, 0, sizeof(saved));
    saved.Authentication = wifi.Authentication;
    saved.Encryption = wifi.Encryption;
    saved.Radio = wifi.Radio;
    saved.Options = wifi.Options;
    strcpy((char *)saved.Ssid, "lab");
    strcpy((char *)saved.Password, "secret");
    Check(ConfigurationManager_UpdateConfigurationBlock(&saved, DeviceConfigurationOption_Wireless80211Network, 0) ==
              UpdateConfigurationResult_Success,
          "saving new credentials updates the block");
    Check(ConfigurationManager_UpdateConfigurationBlock(&saved, DeviceConfigurationOption_Wireless80211Network, 0) ==
              UpdateConfigurationResult_NoChanges,
          "saving the same again changes nothing");
    std::string text = FileText(configFile);
    Check(text.find("wifi.ssid=lab\n") != std::string::npos && text.find("wifi.password=secret\n") != std::string::npos,
          "the block is kept in VESP32_NET_CONFIG's file");
}

void CheckDns()
{
    SOCK_addrinfo *found = nullptr;
    int wakes = s_socketWakes.load();
    int result = SOCK_getaddrinfo("localhost", nullptr, nullptr, &found);
    Check(result == SOCK_SOCKET_ERROR && SOCK_getlasterror() == SOCK_EWOULDBLOCK,
          "getaddrinfo(localhost) does not block: 'would block' while the lookup runs");
    Check(WaitForWake(s_socketWakes, wakes), "the finished lookup wakes the runtime");
    result = SOCK_getaddrinfo("localhost", nullptr, nullptr, &found);
    const uint8_t *bytes = found == nullptr ? nullptr : (const uint8_t *)found->ai_addr;
    // Dns.GetHostEntry reads the family from bytes 0-1 (little endian) and the address from bytes 4-7.
    Check(result == 0 && bytes != nullptr && found->ai_addrlen == 16 && bytes[0] == SOCK_AF_INET && bytes[1] == 0 &&
              bytes[4] == 127 && bytes[5] == 0 && bytes[6] == 0 && bytes[7] == 1,
          "then localhost is 127.0.0.1, laid out as Dns.GetHostEntry reads it");
    SOCK_freeaddrinfo(found);

    found = nullptr;
    wakes = s_socketWakes.load();
    SOCK_getaddrinfo("no-such-host.invalid", nullptr, nullptr, &found);
    WaitForWake(s_socketWakes, wakes, 15000);
    result = SOCK_getaddrinfo("no-such-host.invalid", nullptr, nullptr, &found);
    Check(result == SOCK_SOCKET_ERROR && SOCK_getlasterror() == SOCK_EINVAL && found == nullptr,
          Describe("an unknown name fails as on the ESP32 (10022)", SOCK_getlasterror()));
}

void CheckTcp()
{
    uint16_t port;
    int listener = Listen(port);

    // As NativeSocket.socket and connect do it.
    int handle = SOCK_socket(SOCK_AF_INET, SOCK_SOCK_STREAM, SOCK_IPPROTO_TCP);
    int nonBlocking = 1;
    Check(handle >= 0 && SOCK_ioctl(handle, SOCK_FIONBIO, &nonBlocking) == 0, "a TCP socket, non-blocking");
    SOCK_sockaddr broker = Endpoint("127.0.0.1", port);
    int result = SOCK_connect(handle, &broker, sizeof(broker));
    Check(result == 0 || SOCK_getsocklasterror(handle) == SOCK_EWOULDBLOCK,
          "connect to the local listener starts ('would block' while under way)");

    bool excepted = false;
    int wakes = s_socketWakes.load();
    while (SelectLikeNatives(handle, 1, excepted) == 0)
    {
        if (!WaitForWake(s_socketWakes, wakes))
        {
            break;
        }
        wakes = s_socketWakes.load();
    }
    Check(!excepted && SelectLikeNatives(handle, 1, excepted) == 1, "the connected socket is writable");

    int peer = accept(listener, nullptr, nullptr);
    Check(SOCK_send(handle, "hello", 5, 0) == 5, "send 5 bytes");
    char buffer[32] = {0};
    Check(recv(peer, buffer, sizeof(buffer), 0) == 5 && memcmp(buffer, "hello", 5) == 0, "the listener got them");

    wakes = s_socketWakes.load();
    result = SOCK_recv(handle, buffer, sizeof(buffer), 0);
    Check(result == SOCK_SOCKET_ERROR && SOCK_getsocklasterror(handle) == SOCK_EWOULDBLOCK &&
              SelectLikeNatives(handle, 0, excepted) == 0,
          "nothing to receive yet: 'would block', not readable");
    send(peer, "world!", 6, 0);
    Check(WaitForWake(s_socketWakes, wakes), "data arriving wakes the runtime");
    int available = 0;
    Check(SelectLikeNatives(handle, 0, excepted) == 1 && SOCK_ioctl(handle, 0x4004667F, &available) == 0 && available == 6,
          "readable, 6 bytes available (FIONREAD with managed code's WinSock value)");
    result = SOCK_recv(handle, buffer, sizeof(buffer), 0);
    Check(result == 6 && memcmp(buffer, "world!", 6) == 0, "receive them");

    SOCK_sockaddr peerName;
    int length = sizeof(peerName);
    SOCK_sockaddr_in name;
    bool named = SOCK_getpeername(handle, &peerName, &length) == 0;
    memcpy(&name, &peerName, sizeof(name));
    Check(named && name.sin_family == SOCK_AF_INET && ntohs(name.sin_port) == port &&
              name.sin_addr.S_un.S_addr == htonl(INADDR_LOOPBACK),
          "the peer is 127.0.0.1 at the listener's port");

    char option[4] = {1, 0, 0, 0};
    Check(SOCK_setsockopt(handle, SOCK_IPPROTO_TCP, SOCK_TCP_NODELAY, option, 4) == 0, "TCP NoDelay can be set");
    int optionLength = 4;
    Check(SOCK_getsockopt(handle, SOCK_SOL_SOCKET, SOCK_SOCKO_KEEPALIVE, option, &optionLength) == 0 && option[0] == 0,
          "Socket KeepAlive (0xFFFF level) reads as off");

    close(peer);
    wakes = s_socketWakes.load();
    while (SelectLikeNatives(handle, 0, excepted) == 0 && WaitForWake(s_socketWakes, wakes))
    {
        wakes = s_socketWakes.load();
    }
    Check(SOCK_recv(handle, buffer, sizeof(buffer), 0) == 0, "the peer closed: receive gives 0 bytes");
    Check(SOCK_close(handle) == 0 && SOCK_close(handle) == SOCK_SOCKET_ERROR && SOCK_getlasterror() == SOCK_ENOTSOCK,
          "close; a second close is 'not a socket'");
    close(listener);
}

void CheckRefusedAndReset()
{
    int handle = SOCK_socket(SOCK_AF_INET, SOCK_SOCK_STREAM, SOCK_IPPROTO_TCP);
    SOCK_sockaddr nobody = Endpoint("127.0.0.1", UnusedPort());
    int result = SOCK_connect(handle, &nobody, sizeof(nobody));
    int error = SOCK_getlasterror();
    if (result == SOCK_SOCKET_ERROR && SOCK_getsocklasterror(handle) == SOCK_EWOULDBLOCK)
    {
        // Under way: the refusal shows in the except set, as lwIP's errevent (Socket.Connect polls for writing).
        bool excepted = false;
        int wakes = s_socketWakes.load();
        while (SelectLikeNatives(handle, 1, excepted) == 0 && WaitForWake(s_socketWakes, wakes))
        {
            wakes = s_socketWakes.load();
        }
        error = excepted ? SOCK_getlasterror() : 0;
    }
    Check(error == SOCK_ECONNREFUSED, Describe("connect to a port nobody listens on: refused (10061)", error));
    SOCK_close(handle);

    uint16_t port;
    int listener = Listen(port);
    handle = SOCK_socket(SOCK_AF_INET, SOCK_SOCK_STREAM, SOCK_IPPROTO_TCP);
    SOCK_sockaddr broker = Endpoint("127.0.0.1", port);
    SOCK_connect(handle, &broker, sizeof(broker));
    int peer = accept(listener, nullptr, nullptr);
    linger abort = {1, 0};
    setsockopt(peer, SOL_SOCKET, SO_LINGER, &abort, sizeof(abort));
    close(peer); // a reset, as a broker killed mid-connection may leave
    bool excepted = false;
    int wakes = s_socketWakes.load();
    while (SelectLikeNatives(handle, 0, excepted) == 0 && WaitForWake(s_socketWakes, wakes))
    {
        wakes = s_socketWakes.load();
    }
    char buffer[8];
    result = SOCK_recv(handle, buffer, sizeof(buffer), 0);
    Check(result == SOCK_SOCKET_ERROR && SOCK_getsocklasterror(handle) == SOCK_ECONNRESET,
          Describe("a reset connection: receive fails with 'reset' (10054)", SOCK_getsocklasterror(handle)));
    SOCK_close(handle);
    close(listener);
}

void CheckSocketLimit()
{
    std::vector<int> handles;
    int handle;
    while ((handle = SOCK_socket(SOCK_AF_INET, SOCK_SOCK_STREAM, SOCK_IPPROTO_TCP)) >= 0 && handles.size() < 100)
    {
        handles.push_back(handle);
    }
    Check(handles.size() == (size_t)HostSockets::DefaultMaxSockets && SOCK_getlasterror() == SOCK_EMFILE,
          Describe("sockets run out at the ESP32's 16", (long)handles.size()));
    for (int open : handles)
    {
        SOCK_close(open);
    }
}

void CheckLeaveAndRestart()
{
    s_networkEvents.clear();
    VirtualWifi::Leave();
    Check(HasEvent(NetworkChange_NetworkEventType_AvailabilityChanged, 0) &&
              HasEvent(NetworkChange_NetworkEventType_AddressChanged, 0),
          "leaving posts 'not available' and 'address changed'");
    bool up = true;
    SOCK_CONFIGURATION_LinkStatus(0, &up);
    Check(!up, "no link after leaving");

    int handle = SOCK_socket(SOCK_AF_INET, SOCK_SOCK_STREAM, SOCK_IPPROTO_TCP);
    NetDevice::Restart();
    Check(SOCK_close(handle) == SOCK_SOCKET_ERROR, "a restart closes the device's sockets");
    Check(VirtualWifi::LastJoin() == VirtualWifi::JoinResult::Joined,
          "after a restart the device joins by itself with the credentials saved before");
}

// A plain host UDP socket on a free loopback port: a phone on the access point's network.
int UdpOnLoopback(uint16_t &port)
{
    port = 0;
    int handle = BoundOnLoopback(SOCK_DGRAM, port);
    timeval wait = {2, 0};
    setsockopt(handle, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof(wait));
    return handle;
}

// The firmware's setup mode as nanoframework/Samples WiFiAP does it: the access point saved with a static address,
// running from the next boot; then Iot.Device.DhcpServer's two sockets on it, as its Start opens them.
void CheckAccessPoint()
{
    HAL_Configuration_NetworkInterface apNetwork;
    ConfigurationManager_GetConfigurationBlock(&apNetwork, DeviceConfigurationOption_Network, 1);
    SOCK_sockaddr at = Endpoint("192.168.4.1", 0);
    memcpy((uint8_t *)&apNetwork + offsetof(HAL_Configuration_NetworkInterface, IPv4Address),
           &reinterpret_cast<SOCK_sockaddr_in &>(at).sin_addr.S_un.S_addr, 4);
    memset(apNetwork.Marker, 0, sizeof(apNetwork.Marker));
    Check(ConfigurationManager_UpdateConfigurationBlock(&apNetwork, DeviceConfigurationOption_Network, 1) ==
              UpdateConfigurationResult_Success,
          "EnableStaticIPv4 on the access point's interface is stored");

    HAL_Configuration_WirelessAP ap;
    ConfigurationManager_GetConfigurationBlock(&ap, DeviceConfigurationOption_WirelessNetworkAP, 0);
    strcpy((char *)ap.Ssid, "SensorNode-a1b2c3");
    strcpy((char *)ap.Password, "label-pw-123");
    ap.Options = WirelessAPConfiguration_ConfigurationOptions_AutoStart;
    Check(ConfigurationManager_UpdateConfigurationBlock(&ap, DeviceConfigurationOption_WirelessNetworkAP, 0) ==
              UpdateConfigurationResult_Success,
          "the access point block is saved");
    Check(!VirtualAccessPoint::IsUp(), "a saved access point does not run before the next boot");
    Check(FileText(getenv("VESP32_NET_CONFIG")).find("ap.ssid=SensorNode-a1b2c3\n") != std::string::npos &&
              FileText(getenv("VESP32_NET_CONFIG")).find("apnet.ipv4=192.168.4.1\n") != std::string::npos,
          "both blocks are kept in VESP32_NET_CONFIG's file");

    NetDevice::Restart();
    VirtualWifi::Leave(); // the station off: the access point's network alone
    bool up = false;
    SOCK_CONFIGURATION_LinkStatus(1, &up);
    HAL_Configuration_NetworkInterface adapter = apNetwork;
    SOCK_CONFIGURATION_LoadAdapterConfiguration(&adapter, 1);
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &adapter.IPv4Address, text, sizeof(text));
    Check(up && VirtualAccessPoint::IsUp() && strcmp(text, "192.168.4.1") == 0,
          "after the restart the access point runs at 192.168.4.1 (" + std::string(text) + ")");

    // The DHCP server's listener: 255.255.255.255:67, which VESP32_DHCP_PORT stands for.
    uint16_t serverPort = UnusedPort();
    setenv("VESP32_DHCP_PORT", std::to_string(serverPort).c_str(), 1);
    int listener = SOCK_socket(SOCK_AF_INET, SOCK_SOCK_DGRAM, SOCK_IPPROTO_UDP);
    SOCK_sockaddr any = Endpoint("255.255.255.255", 67);
    Check(SOCK_bind(listener, &any, sizeof(any)) == 0, "the DHCP listener binds 255.255.255.255:67");

    // Its sender: the access point's address, broadcast allowed at the UDP level, "connected" to 255.255.255.255:68.
    uint16_t clientPort;
    int phone = UdpOnLoopback(clientPort);
    int sender = SOCK_socket(SOCK_AF_INET, SOCK_SOCK_DGRAM, SOCK_IPPROTO_UDP);
    SOCK_sockaddr own = Endpoint("192.168.4.1", 0);
    int yes = 1;
    Check(SOCK_bind(sender, &own, sizeof(own)) == 0, "a socket binds the access point's address");
    Check(SOCK_setsockopt(sender, SOCK_IPPROTO_UDP, SOCK_SOCKO_BROADCAST, (const char *)&yes, sizeof(yes)) == 0,
          "Broadcast at the UDP level is the socket's option, as lwIP's driver takes it");
    SOCK_sockaddr broadcast = Endpoint("255.255.255.255", 68);
    Check(SOCK_connect(sender, &broadcast, sizeof(broadcast)) == 0 && SOCK_send(sender, "lost", 4, 0) == 4,
          "without VESP32_DHCP_CLIENT_PORT a broadcast to port 68 is sent and heard by nobody");
    setenv("VESP32_DHCP_CLIENT_PORT", std::to_string(clientPort).c_str(), 1);
    Check(SOCK_connect(sender, &broadcast, sizeof(broadcast)) == 0, "connect to 255.255.255.255:68");

    // A phone's DISCOVER reaches the listener; the answer, broadcast, reaches the phone.
    sockaddr_in server;
    memset(&server, 0, sizeof(server));
    server.sin_family = AF_INET;
    server.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    server.sin_port = htons(serverPort);
    sendto(phone, "discover", 8, 0, reinterpret_cast<sockaddr *>(&server), sizeof(server));
    char buffer[16] = {0};
    int wakes = s_socketWakes.load();
    int received = SOCK_recv(listener, buffer, sizeof(buffer), 0);
    if (received < 0 && WaitForWake(s_socketWakes, wakes))
    {
        received = SOCK_recv(listener, buffer, sizeof(buffer), 0);
    }
    Check(received == 8 && memcmp(buffer, "discover", 8) == 0, "a phone's datagram to VESP32_DHCP_PORT reaches the listener");
    Check(SOCK_send(sender, "offer", 5, 0) == 5, "the answer is sent");
    memset(buffer, 0, sizeof(buffer));
    received = recv(phone, buffer, sizeof(buffer), 0);
    Check(received == 5 && memcmp(buffer, "offer", 5) == 0, "the broadcast answer arrives at VESP32_DHCP_CLIENT_PORT");

    bool excepted = true;
    SelectLikeNatives(listener, 0, excepted);
    Check(!excepted, "without the station, select works on the access point's network");
    int tcp = SOCK_socket(SOCK_AF_INET, SOCK_SOCK_STREAM, SOCK_IPPROTO_TCP);
    SOCK_sockaddr broker = Endpoint("127.0.0.1", UnusedPort());
    Check(SOCK_connect(tcp, &broker, sizeof(broker)) == SOCK_SOCKET_ERROR && SOCK_getsocklasterror(tcp) == SOCK_EHOSTUNREACH,
          "but a broker beyond it is unreachable without the station (10065)");

    SOCK_close(tcp);
    SOCK_close(listener);
    SOCK_close(sender);
    close(phone);
    unsetenv("VESP32_DHCP_PORT");
    unsetenv("VESP32_DHCP_CLIENT_PORT");
    VirtualWifi::StartJoin("lab", "secret");
}

// A new process on the same VESP32_NET_CONFIG file: the saved credentials survive.
void CheckPersisted()
{
    HAL_Configuration_Wireless80211 wifi;
    ConfigurationManager_GetConfigurationBlock(&wifi, DeviceConfigurationOption_Wireless80211Network, 0);
    Check(strcmp((const char *)wifi.Password, "secret") == 0, "a new process reads the saved block from the file");
    Check(VirtualWifi::LastJoin() == VirtualWifi::JoinResult::Joined, "and joins with it at boot");
    Check(VirtualAccessPoint::IsUp(), "and its access point, saved enabled, runs from boot");
}

// A join that takes VESP32_WIFI_JOIN_MS: pending, a wake on Event_Wifi_Station, then joined.
void CheckJoinDelay()
{
    int wakes = s_wifiWakes.load();
    VirtualWifi::StartJoin("lab", "secret");
    Check(VirtualWifi::LastJoin() == VirtualWifi::JoinResult::Pending, "with a join delay the join is pending");
    bool woken = WaitForWake(s_wifiWakes, wakes);
    Check(woken && VirtualWifi::LastJoin() == VirtualWifi::JoinResult::Joined,
          "the delay ends with a Wi-Fi station event, and the station is joined");
}
} // namespace

int main(int argc, char **argv)
{
    std::string mode = argc > 1 ? argv[1] : "all";

    if (mode == "all")
    {
        CheckIdentity();
        CheckBootJoinWithWrongStoredPassword();
        CheckNoNetworkWithoutLink();
        CheckJoin();
        CheckStoredWifiBlock(getenv("VESP32_NET_CONFIG"));
        CheckDns();
        CheckTcp();
        CheckRefusedAndReset();
        CheckSocketLimit();
        CheckLeaveAndRestart();
        CheckAccessPoint();
    }
    else if (mode == "persisted")
    {
        CheckPersisted();
    }
    else if (mode == "join-delay")
    {
        CheckJoinDelay();
    }
    else
    {
        fprintf(stderr, "usage: net_harness [all|persisted|join-delay]\n");
        return 2;
    }

    printf("%s: %d failed\n", mode.c_str(), s_failures);
    return s_failures == 0 ? 0 : 1;
}

#endif // VESP32_NET_HARNESS
