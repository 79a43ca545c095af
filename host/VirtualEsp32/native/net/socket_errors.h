//
// Host errno values as the WinSock-style codes of nanoFramework's PAL (SOCK_E*, nanoPAL_Sockets.h), which reach
// managed code as SocketException.ErrorCode.
//

#ifndef VESP32_SOCKET_ERRORS_H
#define VESP32_SOCKET_ERRORS_H

namespace SocketErrors
{
int FromErrno(int error);
} // namespace SocketErrors

#endif // VESP32_SOCKET_ERRORS_H
