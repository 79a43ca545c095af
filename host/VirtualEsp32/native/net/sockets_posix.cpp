//
// The PAL's sockets (nanoPAL_Sockets.h) over the host's BSD sockets, with the semantics nf-interpreter's System.Net
// natives (src/DeviceInterfaces/System.Net/sys_net_native_System_Net_Sockets_NativeSocket.cpp) expect from lwIP:
//   - WinSock constants and codes: SOCK_SOL_SOCKET 0xFFFF, SOCK_E* errors, fd sets as fd_count/fd_array;
//   - every socket non-blocking; "would block" (also for a connect under way) is SOCK_EWOULDBLOCK, after which the
//     native parks its managed thread on Event_Socket, which the poller (socket_poller.h) sets when the socket is
//     ready; select never waits;
//   - a socket error (a refused or reset connection) shows in select's except set, as lwIP's errevent, and is then
//     reported by the next call on that socket;
//   - no link (the Wi-Fi station is not joined): connects fail with "host unreachable", and select reports every
//     socket it is asked about as excepted with SOCK_ENETDOWN, as nf-interpreter's lwIP driver does; while the
//     device's own access point runs, its network (virtual_access_point.h: the host's loopback) is reachable and
//     select works.
// All of these run on the runtime's one thread; only the poller and DNS threads run beside them.
//

#include "net_pal.h"
#include "sockets_posix.h"
#include "dns_resolver.h"
#include "network_link.h"
#include "socket_errors.h"
#include "socket_poller.h"
#include "virtual_access_point.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace
{
struct OpenSocket
{
    int lastError = 0;    // what SOCK_getsocklasterror reports
    int pendingError = 0; // a socket error select found: the next send/recv on the socket reports it
    int sendTimeout = 0;  // kept for getsockopt only: the natives time out on the managed values
    int receiveTimeout = 0;
    bool sendsLost = false; // connected to a broadcast nobody hears: what is sent goes nowhere
};

std::map<int, OpenSocket> s_open;
int s_lastError = 0;

void WakeRuntimeForSockets()
{
    Events_Set(SYSTEM_EVENT_FLAG_SOCKET);
}

void StartOnce()
{
    static bool started = false;
    if (!started)
    {
        SocketPoller::SetWakeup(WakeRuntimeForSockets);
        started = true;
    }
}

int MaxSockets()
{
    const char *configured = getenv("VESP32_MAX_SOCKETS");
    int value = configured != nullptr ? atoi(configured) : 0;
    return value > 0 ? value : HostSockets::DefaultMaxSockets;
}

OpenSocket *Find(int fd)
{
    auto found = s_open.find(fd);
    return found == s_open.end() ? nullptr : &found->second;
}

// Records a WinSock-style error for SOCK_getlasterror and (for a known socket) SOCK_getsocklasterror.
int Fail(int fd, int winsockError)
{
    s_lastError = winsockError;
    OpenSocket *socket = Find(fd);
    if (socket != nullptr)
    {
        socket->lastError = winsockError;
    }
    return SOCK_SOCKET_ERROR;
}

int FailWithErrno(int fd)
{
    return Fail(fd, SocketErrors::FromErrno(errno));
}

// A call on a socket that select found in error reports that error once.
bool TakePendingError(int fd, OpenSocket &socket)
{
    if (socket.pendingError == 0)
    {
        return false;
    }
    int error = socket.pendingError;
    socket.pendingError = 0;
    Fail(fd, error);
    return true;
}

bool ToHost(const SOCK_sockaddr *address, int addressLength, sockaddr_in &host, int &error)
{
    if (address == nullptr || addressLength < (int)sizeof(SOCK_sockaddr_in))
    {
        error = SOCK_EFAULT;
        return false;
    }

    const SOCK_sockaddr_in *in = reinterpret_cast<const SOCK_sockaddr_in *>(address);
    if (in->sin_family != SOCK_AF_INET)
    {
        // The natives are built without LWIP_IPV6, as the ESP32's: IPv4 only.
        error = SOCK_EAFNOSUPPORT;
        return false;
    }

    memset(&host, 0, sizeof(host));
    host.sin_family = AF_INET;
    host.sin_port = in->sin_port;                    // both in network byte order
    host.sin_addr.s_addr = in->sin_addr.S_un.S_addr; // both in network byte order
    return true;
}

void FromHost(const sockaddr_in &host, SOCK_sockaddr *address, int *addressLength)
{
    if (address == nullptr || addressLength == nullptr)
    {
        return;
    }

    SOCK_sockaddr_in in;
    memset(&in, 0, sizeof(in));
    in.sin_family = SOCK_AF_INET;
    in.sin_port = host.sin_port;
    in.sin_addr.S_un.S_addr = host.sin_addr.s_addr;

    size_t room = *addressLength < 0 ? 0 : (size_t)*addressLength;
    memcpy(address, &in, room < sizeof(in) ? room : sizeof(in));
    *addressLength = sizeof(in);
}

// Socket option names and levels: the PAL's (WinSock's) to the host's. False: not an option the device has.
struct HostOption
{
    int level;
    int name;
};

bool HostOptionOf(int level, int optionName, HostOption &host)
{
    switch (level)
    {
        // nf-interpreter's lwIP driver takes these levels' options as the socket's (Socket.SetSocketOption(
        // SocketOptionLevel.Udp, SocketOptionName.Broadcast, ...) is SO_BROADCAST).
        case SOCK_IPPROTO_UDP:
        case SOCK_IPPROTO_ICMP:
        case SOCK_IPPROTO_IGMP:
        case SOCK_IPPROTO_IPV4:
        case SOCK_SOL_SOCKET:
            host.level = SOL_SOCKET;
            switch (optionName)
            {
                case SOCK_SOCKO_DEBUG:
                    host.name = SO_DEBUG;
                    return true;
                case SOCK_SOCKO_ACCEPTCONNECTION:
                    host.name = SO_ACCEPTCONN;
                    return true;
                case SOCK_SOCKO_REUSEADDRESS:
                case SOCK_SOCKO_EXCLUSIVEADDRESSUSE: // the same flag, inverted
                    host.name = SO_REUSEADDR;
                    return true;
                case SOCK_SOCKO_KEEPALIVE:
                    host.name = SO_KEEPALIVE;
                    return true;
                case SOCK_SOCKO_DONTROUTE:
                    host.name = SO_DONTROUTE;
                    return true;
                case SOCK_SOCKO_BROADCAST:
                    host.name = SO_BROADCAST;
                    return true;
                case SOCK_SOCKO_LINGER:
                case SOCK_SOCKO_DONTLINGER:
                    host.name = SO_LINGER;
                    return true;
                case SOCK_SOCKO_OUTOFBANDINLINE:
                    host.name = SO_OOBINLINE;
                    return true;
                case SOCK_SOCKO_SENDBUFFER:
                    host.name = SO_SNDBUF;
                    return true;
                case SOCK_SOCKO_RECEIVEBUFFER:
                    host.name = SO_RCVBUF;
                    return true;
                case SOCK_SOCKO_SENDLOWWATER:
                    host.name = SO_SNDLOWAT;
                    return true;
                case SOCK_SOCKO_RECEIVELOWWATER:
                    host.name = SO_RCVLOWAT;
                    return true;
                case SOCK_SOCKO_ERROR:
                    host.name = SO_ERROR;
                    return true;
                case 0x1008: // SocketOptionName.Type
                    host.name = SO_TYPE;
                    return true;
                default:
                    return false;
            }

        case SOCK_IPPROTO_TCP:
            host.level = IPPROTO_TCP;
            host.name = TCP_NODELAY;
            return optionName == SOCK_TCP_NODELAY;

        case SOCK_IPPROTO_IP:
            host.level = IPPROTO_IP;
            switch (optionName)
            {
                case SOCK_IPO_TOS:
                    host.name = IP_TOS;
                    return true;
                case SOCK_IPO_TTL:
                    host.name = IP_TTL;
                    return true;
                case SOCK_IPO_MULTICAST_IF:
                    host.name = IP_MULTICAST_IF;
                    return true;
                case SOCK_IPO_MULTICAST_TTL:
                    host.name = IP_MULTICAST_TTL;
                    return true;
                case SOCK_IPO_MULTICAST_LOOP:
                    host.name = IP_MULTICAST_LOOP;
                    return true;
                case SOCK_IPO_ADD_MEMBERSHIP:
                    host.name = IP_ADD_MEMBERSHIP; // SOCK_ip_mreq and ip_mreq: two 4-byte addresses
                    return true;
                case SOCK_IPO_DROP_MEMBERSHIP:
                    host.name = IP_DROP_MEMBERSHIP;
                    return true;
                default:
                    return false;
            }

        default:
            return false;
    }
}

int IntOf(const char *value, int length)
{
    int number = 0;
    memcpy(&number, value, length < (int)sizeof(number) ? length : sizeof(number));
    return number;
}

void PutInt(int number, char *value, int *length)
{
    int room = *length < (int)sizeof(number) ? *length : (int)sizeof(number);
    memcpy(value, &number, room);
    *length = room;
}

SOCK_addrinfo *NewAddressRecord(uint32_t address)
{
    // One block, freed by SOCK_freeaddrinfo: the record, then its address.
    SOCK_addrinfo *record = static_cast<SOCK_addrinfo *>(calloc(1, sizeof(SOCK_addrinfo) + sizeof(SOCK_sockaddr)));
    if (record == nullptr)
    {
        return nullptr;
    }

    SOCK_sockaddr_in in;
    memset(&in, 0, sizeof(in));
    in.sin_family = SOCK_AF_INET;
    in.sin_addr.S_un.S_addr = address;
    SOCK_sockaddr *placed = reinterpret_cast<SOCK_sockaddr *>(record + 1);
    memcpy(placed, &in, sizeof(in));

    record->ai_family = SOCK_AF_INET;
    record->ai_addrlen = sizeof(SOCK_sockaddr_in);
    record->ai_addr = placed;
    // No canonical name: lwIP's getaddrinfo gives none to the native either (Dns.GetHostEntry's HostName is null).
    return record;
}

struct SelectEntry
{
    int fd;
    bool read;
    bool write;
    bool except;
};
} // namespace

void HostSockets::CloseAll()
{
    for (const auto &open : s_open)
    {
        SocketPoller::Forget(open.first);
        close(open.first);
    }
    s_open.clear();
    DnsResolver::Reset();
}

void HostSockets::WakeWaiters()
{
    Events_Set(SYSTEM_EVENT_FLAG_SOCKET);
}

int SOCK_socket(int family, int type, int protocol)
{
    StartOnce();

    if (family != SOCK_AF_INET)
    {
        return Fail(-1, SOCK_EAFNOSUPPORT);
    }

    int hostType;
    switch (type)
    {
        case SOCK_SOCK_STREAM:
            hostType = SOCK_STREAM;
            break;
        case SOCK_SOCK_DGRAM:
            hostType = SOCK_DGRAM;
            break;
        case SOCK_SOCK_RAW:
            hostType = SOCK_RAW;
            break;
        default:
            return Fail(-1, SOCK_ESOCKTNOSUPPORT);
    }

    if ((int)s_open.size() >= MaxSockets())
    {
        return Fail(-1, SOCK_EMFILE);
    }

    // SOCK_IPPROTO_* are the host's IPPROTO_* numbers. Close-on-exec: a restart that execs leaks nothing.
    int fd = socket(AF_INET, hostType | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
    if (fd < 0)
    {
        return FailWithErrno(-1);
    }

    s_open[fd] = OpenSocket();
    return fd;
}

namespace
{
// The device's servers on ports a user's process may not open on Linux: a host port on loopback stands for each
// (0: any free one), printed when bound.
struct ServerPort
{
    uint16_t device;
    const char *variable;
    const char *what;
};

const ServerPort ServerPorts[] = {
    {80, "VESP32_HTTP_PORT", "port 80, the web page, is http://127.0.0.1:%d/"}, // run.sh --web
    {67, "VESP32_DHCP_PORT", "port 67, the DHCP server, is udp 127.0.0.1:%d"},  // run.sh --dhcp
};

const ServerPort *MapServerPort(sockaddr_in &host)
{
    for (const ServerPort &server : ServerPorts)
    {
        const char *mapped = getenv(server.variable);
        if (ntohs(host.sin_port) == server.device && mapped != nullptr && mapped[0] != '\0')
        {
            host.sin_port = htons((uint16_t)atoi(mapped));
            host.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            return &server;
        }
    }
    return nullptr;
}

void PrintServerPort(int socket, const ServerPort &server)
{
    sockaddr_in bound;
    socklen_t length = sizeof(bound);
    if (getsockname(socket, reinterpret_cast<sockaddr *>(&bound), &length) == 0)
    {
        printf("virtual ESP32: ");
        printf(server.what, ntohs(bound.sin_port));
        printf(" (%s)\n", server.variable);
        fflush(stdout);
    }
}

// Where a connection or datagram to `host` goes, mapped onto the host; false (with the error) when nowhere reachable.
// `lost`: a broadcast nobody hears, to be sent and dropped.
bool Route(sockaddr_in &host, bool &lost, int &error)
{
    lost = false;
    switch (VirtualAccessPoint::MapRemote(host))
    {
        case VirtualAccessPoint::Destination::Host:
            return true;
        case VirtualAccessPoint::Destination::Nobody:
            lost = true;
            return true;
        case VirtualAccessPoint::Destination::Down:
            error = SOCK_EHOSTUNREACH;
            return false;
        default:
            // lwIP finds no route without an interface that is up.
            error = SOCK_EHOSTUNREACH;
            return NetworkLink::IsUp();
    }
}
} // namespace

int SOCK_bind(int socket, const struct SOCK_sockaddr *address, int addressLen)
{
    if (Find(socket) == nullptr)
    {
        return Fail(-1, SOCK_ENOTSOCK);
    }

    sockaddr_in host;
    int error;
    if (!ToHost(address, addressLen, host, error))
    {
        return Fail(socket, error);
    }

    const ServerPort *server = MapServerPort(host);
    if (server != nullptr)
    {
        int reuse = 1; // a reboot binds the same port again while the last connections linger
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &reuse, sizeof(reuse));
    }
    else
    {
        VirtualAccessPoint::MapLocal(host);
    }

    if (bind(socket, reinterpret_cast<sockaddr *>(&host), sizeof(host)) != 0)
    {
        return FailWithErrno(socket);
    }

    if (server != nullptr)
    {
        PrintServerPort(socket, *server);
    }

    return 0;
}

int SOCK_connect(int socket, const struct SOCK_sockaddr *address, int addressLen)
{
    OpenSocket *open = Find(socket);
    if (open == nullptr)
    {
        return Fail(-1, SOCK_ENOTSOCK);
    }

    sockaddr_in host;
    int error;
    if (!ToHost(address, addressLen, host, error) || !Route(host, open->sendsLost, error))
    {
        return Fail(socket, error);
    }
    if (open->sendsLost)
    {
        return 0; // a UDP socket "connected" to a broadcast nobody hears
    }

    if (connect(socket, reinterpret_cast<sockaddr *>(&host), sizeof(host)) != 0)
    {
        // EINPROGRESS becomes SOCK_EWOULDBLOCK: Socket.Connect then polls for writability.
        return FailWithErrno(socket);
    }
    return 0;
}

int SOCK_send(int socket, const char *buf, int len, int flags)
{
    OpenSocket *open = Find(socket);
    if (open == nullptr)
    {
        return Fail(-1, SOCK_ENOTSOCK);
    }
    if (TakePendingError(socket, *open))
    {
        return SOCK_SOCKET_ERROR;
    }
    if (open->sendsLost)
    {
        return len;
    }

    // SocketFlags OutOfBand/DontRoute have the host's values. No SIGPIPE: a closed peer is an error, not an exit.
    ssize_t sent = send(socket, buf, len, (flags & (MSG_OOB | MSG_DONTROUTE)) | MSG_NOSIGNAL);
    if (sent < 0)
    {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
        {
            SocketPoller::Watch(socket, POLLOUT);
        }
        return FailWithErrno(socket);
    }
    return (int)sent;
}

int SOCK_recv(int socket, char *buf, int len, int flags)
{
    OpenSocket *open = Find(socket);
    if (open == nullptr)
    {
        return Fail(-1, SOCK_ENOTSOCK);
    }
    if (TakePendingError(socket, *open))
    {
        return SOCK_SOCKET_ERROR;
    }

    // SocketFlags OutOfBand and Peek (SOCKET_READ_PEEK_OPTION) have the host's values.
    ssize_t received = recv(socket, buf, len, flags & (MSG_OOB | MSG_PEEK));
    if (received < 0)
    {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
        {
            SocketPoller::Watch(socket, POLLIN);
        }
        return FailWithErrno(socket);
    }
    return (int)received;
}

int SOCK_close(int socket)
{
    if (Find(socket) == nullptr)
    {
        return Fail(-1, SOCK_ENOTSOCK);
    }

    SocketPoller::Forget(socket);
    s_open.erase(socket);
    close(socket);
    return 0;
}

int SOCK_listen(int socket, int backlog)
{
    if (Find(socket) == nullptr)
    {
        return Fail(-1, SOCK_ENOTSOCK);
    }
    if (listen(socket, backlog) != 0)
    {
        return FailWithErrno(socket);
    }
    return 0;
}

int SOCK_accept(int socket, struct SOCK_sockaddr *address, int *addressLen)
{
    OpenSocket *open = Find(socket);
    if (open == nullptr)
    {
        return Fail(-1, SOCK_ENOTSOCK);
    }
    if (TakePendingError(socket, *open))
    {
        return SOCK_SOCKET_ERROR;
    }

    sockaddr_in peer;
    socklen_t peerLength = sizeof(peer);
    int fd = accept4(socket, reinterpret_cast<sockaddr *>(&peer), &peerLength, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0)
    {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
        {
            SocketPoller::Watch(socket, POLLIN);
        }
        return FailWithErrno(socket);
    }

    if ((int)s_open.size() >= MaxSockets())
    {
        // lwIP has already accepted the connection when it finds no free socket: it drops it.
        close(fd);
        return Fail(socket, SOCK_EMFILE);
    }

    s_open[fd] = OpenSocket();
    FromHost(peer, address, addressLen);
    return fd;
}

int SOCK_shutdown(int socket, int how)
{
    if (Find(socket) == nullptr)
    {
        return Fail(-1, SOCK_ENOTSOCK);
    }
    // 0, 1, 2 are SHUT_RD, SHUT_WR, SHUT_RDWR.
    if (shutdown(socket, how) != 0)
    {
        return FailWithErrno(socket);
    }
    return 0;
}

int SOCK_getaddrinfo(const char *nodename, char *servname, const struct SOCK_addrinfo *hints, struct SOCK_addrinfo **res)
{
    (void)servname; // the natives pass none
    (void)hints;    // the natives pass an empty one: IPv4 is all the device has

    StartOnce();

    if (res == nullptr || nodename == nullptr)
    {
        return Fail(-1, SOCK_EINVAL);
    }
    *res = nullptr;

    uint32_t address;
    if (nodename[0] == 0)
    {
        // lwIP's getaddrinfo answers "" with the device's own address.
        address = NetworkLink::Address();
    }
    else if (inet_pton(AF_INET, nodename, &address) != 1)
    {
        if (!NetworkLink::IsUp())
        {
            // No DNS server is reachable without a link. Every failed lookup gives SOCK_EINVAL on the ESP32:
            // lwip_getaddrinfo answers EAI_FAIL, which nf-interpreter's driver maps to SOCK_EINVAL.
            return Fail(-1, SOCK_EINVAL);
        }

        DnsResolver::Answer answer = DnsResolver::Lookup(nodename, WakeRuntimeForSockets);
        switch (answer.outcome)
        {
            case DnsResolver::Outcome::Pending:
                return Fail(-1, SOCK_EWOULDBLOCK);
            case DnsResolver::Outcome::Resolved:
                address = answer.address;
                break;
            default:
                return Fail(-1, SOCK_EINVAL);
        }
    }

    *res = NewAddressRecord(address);
    if (*res == nullptr)
    {
        return Fail(-1, SOCK_ENOBUFS);
    }
    return 0;
}

void SOCK_freeaddrinfo(struct SOCK_addrinfo *ai)
{
    while (ai != nullptr)
    {
        SOCK_addrinfo *next = ai->ai_next;
        free(ai);
        ai = next;
    }
}

int SOCK_ioctl(int socket, int cmd, int *data)
{
    if (Find(socket) == nullptr)
    {
        return Fail(-1, SOCK_ENOTSOCK);
    }

    // Matched on the group and number only: the size field of the PAL's SOCK_FIONREAD/SOCK_FIONBIO follows u_long,
    // 8 bytes here, while managed code passes WinSock's 0x4004667F.
    switch (cmd & 0xFFFF)
    {
        case ('f' << 8) | 126: // FIONBIO
            // Sockets stay non-blocking whatever is asked: a blocking call would stop every managed thread, and the
            // natives never need one (they wait on Event_Socket).
            return 0;

        case ('f' << 8) | 127: // FIONREAD
        {
            int available = 0;
            if (ioctl(socket, FIONREAD, &available) != 0)
            {
                return FailWithErrno(socket);
            }
            *data = available;
            return 0;
        }

        default:
            return Fail(socket, SOCK_EINVAL);
    }
}

int SOCK_getlasterror()
{
    return s_lastError;
}

int SOCK_getsocklasterror(int socket)
{
    OpenSocket *open = Find(socket);
    return open == nullptr ? SOCK_ENOTSOCK : open->lastError;
}

int SOCK_select(int socket, SOCK_fd_set *readfds, SOCK_fd_set *writefds, SOCK_fd_set *except, const struct SOCK_timeval *timeout)
{
    (void)socket;  // nfds: the sets say which sockets
    (void)timeout; // never waits: the natives pass zero and wait on Event_Socket themselves

    if (except != nullptr && except->fd_count > 0 && !NetworkLink::IsUp() && !VirtualAccessPoint::IsUp())
    {
        // As nf-interpreter's lwIP driver: without a working interface every socket asked about is in error.
        if (readfds != nullptr)
        {
            readfds->fd_count = 0;
        }
        if (writefds != nullptr)
        {
            writefds->fd_count = 0;
        }
        s_lastError = SOCK_ENETDOWN;
        for (unsigned i = 0; i < except->fd_count; i++)
        {
            Fail(except->fd_array[i], SOCK_ENETDOWN);
        }
        return except->fd_count;
    }

    std::vector<SelectEntry> entries;
    auto entryFor = [&entries](int fd) -> SelectEntry & {
        for (SelectEntry &entry : entries)
        {
            if (entry.fd == fd)
            {
                return entry;
            }
        }
        entries.push_back({fd, false, false, false});
        return entries.back();
    };
    if (readfds != nullptr)
    {
        for (unsigned i = 0; i < readfds->fd_count; i++)
        {
            entryFor(readfds->fd_array[i]).read = true;
        }
    }
    if (writefds != nullptr)
    {
        for (unsigned i = 0; i < writefds->fd_count; i++)
        {
            entryFor(writefds->fd_array[i]).write = true;
        }
    }
    if (except != nullptr)
    {
        for (unsigned i = 0; i < except->fd_count; i++)
        {
            entryFor(except->fd_array[i]).except = true;
        }
    }

    std::vector<pollfd> polled;
    for (const SelectEntry &entry : entries)
    {
        if (Find(entry.fd) == nullptr)
        {
            return Fail(-1, SOCK_ENOTSOCK);
        }
        short events = (entry.read ? POLLIN : 0) | (entry.write ? POLLOUT : 0) | (entry.except ? POLLPRI : 0);
        polled.push_back({entry.fd, events, 0});
    }

    if (poll(polled.data(), polled.size(), 0) < 0)
    {
        return FailWithErrno(-1);
    }

    SOCK_fd_set readable, writable, excepted;
    SOCK_FD_ZERO(&readable);
    SOCK_FD_ZERO(&writable);
    SOCK_FD_ZERO(&excepted);

    for (size_t i = 0; i < polled.size(); i++)
    {
        const SelectEntry &entry = entries[i];
        OpenSocket &open = *Find(entry.fd);
        short revents = polled[i].revents;

        if ((revents & POLLERR) != 0 && open.pendingError == 0)
        {
            // Reading SO_ERROR clears it on the host: keep it for the next call on the socket.
            int error = 0;
            socklen_t length = sizeof(error);
            getsockopt(entry.fd, SOL_SOCKET, SO_ERROR, &error, &length);
            open.pendingError = SocketErrors::FromErrno(error);
        }
        bool inError = open.pendingError != 0;

        if (entry.read && (revents & (POLLIN | POLLHUP | POLLERR)) != 0)
        {
            SOCK_FD_SET(entry.fd, &readable);
        }
        if (entry.write && (revents & POLLOUT) != 0 && !inError)
        {
            SOCK_FD_SET(entry.fd, &writable);
        }
        if (entry.except && (inError || (revents & POLLPRI) != 0))
        {
            SOCK_FD_SET(entry.fd, &excepted);
            if (inError)
            {
                Fail(entry.fd, open.pendingError);
            }
        }

        bool ready = SOCK_FD_ISSET(entry.fd, &readable) || SOCK_FD_ISSET(entry.fd, &writable) ||
                     SOCK_FD_ISSET(entry.fd, &excepted);
        if (!ready)
        {
            SocketPoller::Watch(entry.fd, polled[i].events);
        }
    }

    if (readfds != nullptr)
    {
        *readfds = readable;
    }
    if (writefds != nullptr)
    {
        *writefds = writable;
    }
    if (except != nullptr)
    {
        *except = excepted;
    }
    return readable.fd_count + writable.fd_count + excepted.fd_count;
}

int SOCK_setsockopt(int socket, int level, int optname, const char *optval, int optlen)
{
    OpenSocket *open = Find(socket);
    if (open == nullptr)
    {
        return Fail(-1, SOCK_ENOTSOCK);
    }
    if (optval == nullptr || optlen <= 0)
    {
        return Fail(socket, SOCK_EFAULT);
    }

    if (level == SOCK_SOL_SOCKET && (optname == SOCK_SOCKO_SENDTIMEOUT || optname == SOCK_SOCKO_RECEIVETIMEOUT))
    {
        // Kept, not applied: the sockets never block, the natives time out on the managed values.
        (optname == SOCK_SOCKO_SENDTIMEOUT ? open->sendTimeout : open->receiveTimeout) = IntOf(optval, optlen);
        return 0;
    }

    HostOption host;
    if (!HostOptionOf(level, optname, host))
    {
        return Fail(socket, SOCK_ENOPROTOOPT);
    }

    int result;
    if (host.level == SOL_SOCKET && host.name == SO_LINGER)
    {
        linger value;
        value.l_onoff = optname == SOCK_SOCKO_LINGER ? 1 : 0;
        value.l_linger = optname == SOCK_SOCKO_LINGER ? IntOf(optval, optlen) : 0;
        if (value.l_linger < 0)
        {
            return Fail(socket, SOCK_EINVAL);
        }
        result = setsockopt(socket, host.level, host.name, &value, sizeof(value));
    }
    else if (host.level == IPPROTO_IP && (host.name == IP_ADD_MEMBERSHIP || host.name == IP_DROP_MEMBERSHIP))
    {
        result = setsockopt(socket, host.level, host.name, optval, optlen);
    }
    else
    {
        int value = IntOf(optval, optlen);
        if (level == SOCK_SOL_SOCKET && optname == SOCK_SOCKO_EXCLUSIVEADDRESSUSE)
        {
            value = !value;
        }
        result = setsockopt(socket, host.level, host.name, &value, sizeof(value));
    }

    if (result != 0)
    {
        return FailWithErrno(socket);
    }
    return 0;
}

int SOCK_getsockopt(int socket, int level, int optname, char *optval, int *optlen)
{
    OpenSocket *open = Find(socket);
    if (open == nullptr)
    {
        return Fail(-1, SOCK_ENOTSOCK);
    }
    if (optval == nullptr || optlen == nullptr || *optlen <= 0)
    {
        return Fail(socket, SOCK_EFAULT);
    }

    if (level == SOCK_SOL_SOCKET && (optname == SOCK_SOCKO_SENDTIMEOUT || optname == SOCK_SOCKO_RECEIVETIMEOUT))
    {
        PutInt(optname == SOCK_SOCKO_SENDTIMEOUT ? open->sendTimeout : open->receiveTimeout, optval, optlen);
        return 0;
    }

    HostOption host;
    if (!HostOptionOf(level, optname, host))
    {
        return Fail(socket, SOCK_ENOPROTOOPT);
    }

    if (host.level == SOL_SOCKET && host.name == SO_LINGER)
    {
        linger value;
        socklen_t length = sizeof(value);
        if (getsockopt(socket, host.level, host.name, &value, &length) != 0)
        {
            return FailWithErrno(socket);
        }
        // Linger: the seconds, or 0 when off. DontLinger: whether lingering is off (Socket negates it back).
        PutInt(optname == SOCK_SOCKO_LINGER ? (value.l_onoff ? value.l_linger : 0) : value.l_onoff, optval, optlen);
        return 0;
    }

    int value = 0;
    socklen_t length = sizeof(value);
    if (getsockopt(socket, host.level, host.name, &value, &length) != 0)
    {
        return FailWithErrno(socket);
    }

    if (host.level == SOL_SOCKET && host.name == SO_ERROR)
    {
        // An error select already took from the host is still this socket's error.
        value = open->pendingError != 0 ? open->pendingError : SocketErrors::FromErrno(value);
        open->pendingError = 0;
    }
    else if (level == SOCK_SOL_SOCKET && optname == SOCK_SOCKO_EXCLUSIVEADDRESSUSE)
    {
        value = !value;
    }
    else if (host.level == SOL_SOCKET && host.name == SO_TYPE)
    {
        value = value == SOCK_DGRAM ? SOCK_SOCK_DGRAM : value == SOCK_RAW ? SOCK_SOCK_RAW : SOCK_SOCK_STREAM;
    }
    else if (host.level == SOL_SOCKET && (host.name == SO_ACCEPTCONN || host.name == SO_BROADCAST ||
                                          host.name == SO_KEEPALIVE || host.name == SO_REUSEADDR))
    {
        value = value != 0 ? 1 : 0;
    }

    PutInt(value, optval, optlen);
    return 0;
}

// getpeername and getsockname: the same query of the host's socket, answered in the PAL's address form.
static int AddressOf(int socket, struct SOCK_sockaddr *name, int *namelen, int (*query)(int, sockaddr *, socklen_t *))
{
    if (Find(socket) == nullptr)
    {
        return Fail(-1, SOCK_ENOTSOCK);
    }

    sockaddr_in host;
    socklen_t length = sizeof(host);
    if (query(socket, reinterpret_cast<sockaddr *>(&host), &length) != 0)
    {
        return FailWithErrno(socket);
    }
    FromHost(host, name, namelen);
    return 0;
}

int SOCK_getpeername(int socket, struct SOCK_sockaddr *name, int *namelen)
{
    return AddressOf(socket, name, namelen, getpeername);
}

int SOCK_getsockname(int socket, struct SOCK_sockaddr *name, int *namelen)
{
    return AddressOf(socket, name, namelen, getsockname);
}

int SOCK_recvfrom(int s, char *buf, int len, int flags, struct SOCK_sockaddr *from, int *fromlen)
{
    OpenSocket *open = Find(s);
    if (open == nullptr)
    {
        return Fail(-1, SOCK_ENOTSOCK);
    }
    if (TakePendingError(s, *open))
    {
        return SOCK_SOCKET_ERROR;
    }

    sockaddr_in peer;
    socklen_t peerLength = sizeof(peer);
    ssize_t received =
        recvfrom(s, buf, len, flags & (MSG_OOB | MSG_PEEK), reinterpret_cast<sockaddr *>(&peer), &peerLength);
    if (received < 0)
    {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
        {
            SocketPoller::Watch(s, POLLIN);
        }
        return FailWithErrno(s);
    }
    FromHost(peer, from, fromlen);
    return (int)received;
}

int SOCK_sendto(int s, const char *buf, int len, int flags, const struct SOCK_sockaddr *to, int tolen)
{
    OpenSocket *open = Find(s);
    if (open == nullptr)
    {
        return Fail(-1, SOCK_ENOTSOCK);
    }
    if (TakePendingError(s, *open))
    {
        return SOCK_SOCKET_ERROR;
    }

    sockaddr_in host;
    int error;
    bool lost;
    if (!ToHost(to, tolen, host, error) || !Route(host, lost, error))
    {
        return Fail(s, error);
    }
    if (lost)
    {
        return len;
    }

    ssize_t sent = sendto(
        s,
        buf,
        len,
        (flags & (MSG_OOB | MSG_DONTROUTE)) | MSG_NOSIGNAL,
        reinterpret_cast<sockaddr *>(&host),
        sizeof(host));
    if (sent < 0)
    {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
        {
            SocketPoller::Watch(s, POLLOUT);
        }
        return FailWithErrno(s);
    }
    return (int)sent;
}

// Nobody in the POSIX nanoCLR calls it (there is no Network_Uninitialize); defined so the weak no-op is not used if
// someone starts to.
void SOCKETS_CloseConnections()
{
    HostSockets::CloseAll();
}
