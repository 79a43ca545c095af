//
// TLS on the virtual ESP32: not available. The ESP32 runs nf-interpreter's mbedTLS 3.x glue
// (src/PAL/COM/sockets/ssl/MbedTLS), which does not build against the mbedTLS 2.28 that Debian packages; the
// firmware uses TLS only when configured to (MqttConnectOptions.UseTls, a ca.pem on I:\). Rather than the
// "succeeding" stubs of nf-interpreter's ssl_stubs.cpp (a handshake that reports success and a stream that moves no
// bytes), every entry point fails plainly:
//   - SslStream.AuthenticateAsClient/Server: InvalidOperationException (SslError_NoFreeContext), so M2Mqtt's connect
//     throws and the firmware reports the broker as unreachable;
//   - new X509Certificate(pem): ArgumentException (the certificate cannot be parsed).
// Each says so once on stderr.
//

#include "net_pal.h"

#include <cstdio>

namespace
{
void SayOnce(bool &said, const char *what)
{
    if (!said)
    {
        said = true;
        fprintf(stderr, "virtual ESP32: %s: TLS is not available on the virtual ESP32 (native/net/ssl_unavailable.cpp)\n", what);
    }
}

bool s_saidInit = false;
bool s_saidCertificate = false;
} // namespace

bool SSL_Initialize()
{
    return true;
}

bool SSL_Uninitialize()
{
    return true;
}

SslError SSL_ServerInit(int, int, const char *, int, const uint8_t *, int, const char *, int, int &sslContextHandle, bool)
{
    SayOnce(s_saidInit, "SslStream.AuthenticateAsServer");
    sslContextHandle = -1;
    return SslError_NoFreeContext;
}

SslError SSL_ClientInit(int, int, const char *, int, const uint8_t *, int, const char *, int, int &sslContextHandle, bool)
{
    SayOnce(s_saidInit, "SslStream.AuthenticateAsClient");
    sslContextHandle = -1;
    return SslError_NoFreeContext;
}

bool SSL_AddCertificateAuthority(int, const char *, int)
{
    return false;
}

bool SSL_ExitContext(int)
{
    return true;
}

SslError SSL_Accept(int, int, int *mbedtlsCode)
{
    *mbedtlsCode = 0;
    return SslError_HandshakeFailed;
}

SslError SSL_Connect(int, const char *, int, int *mbedtlsCode)
{
    *mbedtlsCode = 0;
    return SslError_HandshakeFailed;
}

int SSL_Write(int, const char *, size_t)
{
    return SOCK_SOCKET_ERROR;
}

int SSL_Read(int, char *, size_t)
{
    return SOCK_SOCKET_ERROR;
}

int SSL_CloseSocket(int socket)
{
    // SslStream closes its socket through here: it must not stay open.
    return SOCK_close(socket);
}

bool SSL_ParseCertificate(const char *, size_t, X509CertData *)
{
    SayOnce(s_saidCertificate, "new X509Certificate");
    return false;
}

int SSL_DecodePrivateKey(const unsigned char *, size_t, const unsigned char *, size_t)
{
    return -1;
}

int SSL_DataAvailable(int)
{
    return 0;
}
