//
// See socket_errors.h. The mapping follows nf-interpreter's lwIP driver (src/PAL/Lwip/lwIP_Sockets.cpp,
// GetNativeError), which is what an ESP32 reports; errors lwIP never produces get their closest WinSock meaning.
//

#include "net_pal.h"
#include "socket_errors.h"

#include <cerrno>

int SocketErrors::FromErrno(int error)
{
    switch (error)
    {
        case 0:
            return 0;
        case EINTR:
            return SOCK_EINTR;
        case EBADF:
            return SOCK_EBADF;
        case EACCES:
        case EPERM:
            return SOCK_EACCES;
        case EFAULT:
            return SOCK_EFAULT;
        case EINVAL:
            return SOCK_EINVAL;
        case EMFILE:
        case ENFILE:
            return SOCK_EMFILE;
        case EAGAIN:
        case EINPROGRESS: // lwIP reports a connect under way as "would block" too; Socket.Connect relies on it
        case EBUSY:
            return SOCK_EWOULDBLOCK;
        case EALREADY:
            return SOCK_EALREADY;
        case ENOTSOCK:
            return SOCK_ENOTSOCK;
        case EDESTADDRREQ:
            return SOCK_EDESTADDRREQ;
        case EMSGSIZE:
            return SOCK_EMSGSIZE;
        case EPROTOTYPE:
            return SOCK_EPROTOTYPE;
        case ENOPROTOOPT:
            return SOCK_ENOPROTOOPT;
        case EPROTONOSUPPORT:
            return SOCK_EPROTONOSUPPORT;
        case ESOCKTNOSUPPORT:
            return SOCK_ESOCKTNOSUPPORT;
        case EOPNOTSUPP:
            return SOCK_EOPNOTSUPP;
        case EPFNOSUPPORT:
            return SOCK_EPFNOSUPPORT;
        case EAFNOSUPPORT:
            return SOCK_EAFNOSUPPORT;
        case EADDRINUSE:
            return SOCK_EADDRINUSE;
        case EADDRNOTAVAIL:
            return SOCK_EADDRNOTAVAIL;
        case ENETDOWN:
            return SOCK_ENETDOWN;
        case ENETUNREACH:
            return SOCK_ENETUNREACH;
        case ENETRESET:
            return SOCK_ENETRESET;
        case ECONNABORTED:
            return SOCK_ECONNABORTED;
        case ECONNRESET:
        case EPIPE: // writing to a connection the peer closed: lwIP says "reset"
            return SOCK_ECONNRESET;
        case ENOBUFS:
        case ENOMEM:
            return SOCK_ENOBUFS;
        case EISCONN:
            return SOCK_EISCONN;
        case ENOTCONN:
            return SOCK_ENOTCONN;
        case ESHUTDOWN:
            return SOCK_ESHUTDOWN;
        case ETIMEDOUT:
            return SOCK_ETIMEDOUT;
        case ECONNREFUSED:
            return SOCK_ECONNREFUSED;
        case EHOSTDOWN:
            return SOCK_EHOSTDOWN;
        case EHOSTUNREACH:
            return SOCK_EHOSTUNREACH;
        default:
            return SOCK_EINVAL;
    }
}
