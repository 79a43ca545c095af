//
// The connection to the board server: see board_link.h.
//

#include "board_link.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace BoardLink
{
const char *const AddressVariable = "VESP32_BOARD";
}

namespace
{
// The server answers at once; a reply this late means it hangs, and the device would hang with it.
const int ReplyTimeoutSeconds = 10;

int s_socket = -1;
char s_error[320];
char s_reported[320];

// Bytes received past the reply line just read (none while both sides keep to one request, one reply).
char s_received[4096];
size_t s_receivedStart;
size_t s_receivedEnd;

void SetError(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vsnprintf(s_error, sizeof(s_error), format, args);
    va_end(args);
}

const char *Address()
{
    const char *address = getenv(BoardLink::AddressVariable);
    return address != NULL ? address : "";
}

void CloseSocket()
{
    if (s_socket >= 0)
    {
        close(s_socket);
        s_socket = -1;
    }

    s_receivedStart = 0;
    s_receivedEnd = 0;
}

// Splits VESP32_BOARD into host and port: the port follows the last ':' ("[::1]:5000" is accepted too).
bool SplitAddress(const char *address, char *host, size_t hostSize, char *port, size_t portSize)
{
    const char *colon = strrchr(address, ':');
    if (colon == NULL || colon == address || colon[1] == '\0')
    {
        return false;
    }

    const char *hostStart = address;
    size_t hostLength = (size_t)(colon - address);
    if (hostLength >= 2 && hostStart[0] == '[' && hostStart[hostLength - 1] == ']')
    {
        hostStart++;
        hostLength -= 2;
    }

    if (hostLength == 0 || hostLength >= hostSize || strlen(colon + 1) >= portSize)
    {
        return false;
    }

    memcpy(host, hostStart, hostLength);
    host[hostLength] = '\0';
    strcpy(port, colon + 1);
    return true;
}

bool SendAll(const char *data, size_t length)
{
    while (length > 0)
    {
        ssize_t sent = send(s_socket, data, length, MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR)
        {
            continue;
        }

        if (sent <= 0)
        {
            SetError(
                "lost the board server at %s (%s): %s",
                Address(),
                BoardLink::AddressVariable,
                sent < 0 ? strerror(errno) : "connection closed");
            CloseSocket();
            return false;
        }

        data += sent;
        length -= (size_t)sent;
    }

    return true;
}

bool ReadLine(char *line, size_t lineSize)
{
    size_t length = 0;
    while (true)
    {
        while (s_receivedStart < s_receivedEnd)
        {
            char c = s_received[s_receivedStart++];
            if (c == '\n')
            {
                line[length] = '\0';
                return true;
            }

            if (length + 1 >= lineSize)
            {
                SetError(
                    "the board server at %s (%s) sent a reply longer than %u bytes",
                    Address(),
                    BoardLink::AddressVariable,
                    (unsigned)(lineSize - 1));
                CloseSocket(); // the rest of that reply would be read as the next one
                return false;
            }

            line[length++] = c;
        }

        ssize_t received = recv(s_socket, s_received, sizeof(s_received), 0);
        if (received < 0 && errno == EINTR)
        {
            continue;
        }

        if (received <= 0)
        {
            if (received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            {
                SetError(
                    "the board server at %s (%s) did not answer within %d s",
                    Address(),
                    BoardLink::AddressVariable,
                    ReplyTimeoutSeconds);
            }
            else
            {
                SetError(
                    "lost the board server at %s (%s): %s",
                    Address(),
                    BoardLink::AddressVariable,
                    received < 0 ? strerror(errno) : "it closed the connection");
            }

            CloseSocket();
            return false;
        }

        s_receivedStart = 0;
        s_receivedEnd = (size_t)received;
    }
}

bool Connect()
{
    const char *address = getenv(BoardLink::AddressVariable);
    if (address == NULL || address[0] == '\0')
    {
        SetError(
            "%s is not set: the virtual ESP32's I2C, GPIO and PWM go to the board server "
            "(host/SensorNode.VirtualBoard) that host/VirtualEsp32/run.sh starts and names in %s=HOST:PORT",
            BoardLink::AddressVariable,
            BoardLink::AddressVariable);
        return false;
    }

    char host[256];
    char port[16];
    if (!SplitAddress(address, host, sizeof(host), port, sizeof(port)))
    {
        SetError("%s=%s is not HOST:PORT (the board server's address)", BoardLink::AddressVariable, address);
        return false;
    }

    struct addrinfo hints;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    struct addrinfo *found = NULL;
    int lookup = getaddrinfo(host, port, &hints, &found);
    if (lookup != 0)
    {
        SetError(
            "cannot reach the board server at %s (%s): %s",
            address,
            BoardLink::AddressVariable,
            gai_strerror(lookup));
        return false;
    }

    int lastErrno = 0;
    for (struct addrinfo *candidate = found; candidate != NULL; candidate = candidate->ai_next)
    {
        // CLOEXEC: a device restarted by exec must not inherit the old device's connection.
        int fd = socket(candidate->ai_family, candidate->ai_socktype | SOCK_CLOEXEC, candidate->ai_protocol);
        if (fd < 0)
        {
            lastErrno = errno;
            continue;
        }

        if (connect(fd, candidate->ai_addr, candidate->ai_addrlen) == 0)
        {
            s_socket = fd;
            break;
        }

        lastErrno = errno;
        close(fd);
    }

    freeaddrinfo(found);
    if (s_socket < 0)
    {
        SetError(
            "cannot reach the board server at %s (%s): %s",
            address,
            BoardLink::AddressVariable,
            strerror(lastErrno));
        return false;
    }

    // Requests are single short lines answered at once: do not let Nagle hold them back.
    int one = 1;
    setsockopt(s_socket, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    struct timeval timeout;
    timeout.tv_sec = ReplyTimeoutSeconds;
    timeout.tv_usec = 0;
    setsockopt(s_socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));

    char reply[256];
    if (!SendAll("hello device\n", 13) || !ReadLine(reply, sizeof(reply)))
    {
        return false;
    }

    if (strncmp(reply, "ok", 2) != 0)
    {
        SetError("the board server at %s (%s) refused the device: %s", address, BoardLink::AddressVariable, reply);
        CloseSocket();
        return false;
    }

    return true;
}
} // namespace

namespace BoardLink
{
bool Exchange(const char *request, char *reply, size_t replySize)
{
    if (s_socket < 0 && !Connect())
    {
        return false;
    }

    if (!SendAll(request, strlen(request)) || !SendAll("\n", 1) || !ReadLine(reply, replySize))
    {
        return false;
    }

    s_reported[0] = '\0'; // the link works again: a new failure is worth printing
    return true;
}

void Fail(const char *message)
{
    snprintf(s_error, sizeof(s_error), "%s", message);
}

const char *Error()
{
    return s_error;
}

void ReportError()
{
    if (strcmp(s_error, s_reported) != 0)
    {
        fprintf(stderr, "virtual board: %s\n", s_error);
        fflush(stderr);
        strcpy(s_reported, s_error);
    }
}

void Close()
{
    CloseSocket();
}
} // namespace BoardLink
