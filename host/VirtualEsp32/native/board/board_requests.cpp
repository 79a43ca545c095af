//
// The board server's requests: see board_requests.h and README.md.
//

#include "board_requests.h"
#include "board_link.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

namespace
{
const char HexDigits[] = "0123456789abcdef";

// Room for a reply's words besides its data bytes.
const size_t ReplyOverhead = 64;

// "-" for no bytes, else two lowercase hex digits per byte.
char *AppendHex(char *out, const uint8_t *bytes, int length)
{
    if (length <= 0)
    {
        *out++ = '-';
        return out;
    }

    for (int i = 0; i < length; i++)
    {
        *out++ = HexDigits[bytes[i] >> 4];
        *out++ = HexDigits[bytes[i] & 0x0F];
    }

    return out;
}

int HexValue(char c)
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

bool ParseHex(const char *text, uint8_t *bytes, int length)
{
    for (int i = 0; i < length; i++)
    {
        int high = HexValue(text[2 * i]);
        int low = high < 0 ? -1 : HexValue(text[(2 * i) + 1]);
        if (low < 0)
        {
            return false;
        }

        bytes[i] = (uint8_t)((high << 4) | low);
    }

    return text[2 * length] == '\0';
}

// "ok" or "ok ..." passes (`rest` points after "ok "); an "err ..." reply or anything else fails, naming the request.
bool Accepted(const char *request, const char *reply, const char *&rest)
{
    if (strcmp(reply, "ok") == 0)
    {
        rest = reply + 2;
        return true;
    }

    if (strncmp(reply, "ok ", 3) == 0)
    {
        rest = reply + 3;
        return true;
    }

    char error[320];
    snprintf(error, sizeof(error), "the board server refused \"%.80s\": %.200s", request, reply);
    BoardLink::Fail(error);
    return false;
}

// A request whose reply carries nothing but "ok".
bool Simple(const char *request)
{
    char reply[256];
    const char *rest;
    return BoardLink::Exchange(request, reply, sizeof(reply)) && Accepted(request, reply, rest);
}
} // namespace

namespace BoardRequests
{
bool I2cTransfer(
    int busId,
    int address,
    const uint8_t *write,
    int writeLength,
    uint8_t *read,
    int readLength,
    int &status,
    int &transferred)
{
    size_t requestSize = 48 + (2 * (size_t)writeLength);
    size_t replySize = ReplyOverhead + (2 * (size_t)readLength);
    char *request = (char *)malloc(requestSize);
    char *reply = (char *)malloc(replySize);
    bool done = false;
    if (request == NULL || reply == NULL)
    {
        BoardLink::Fail("no memory for an I2C request");
    }
    else
    {
        char *end = request + snprintf(request, requestSize, "i2c %d %02x ", busId, address);
        end = AppendHex(end, write, writeLength);
        snprintf(end, requestSize - (size_t)(end - request), " %d", readLength);

        const char *rest;
        if (BoardLink::Exchange(request, reply, replySize) && Accepted(request, reply, rest))
        {
            if (strcmp(rest, "held") == 0)
            {
                status = I2cTransferHeld;
                transferred = 0;
                done = true;
            }
            else
            {
                // ok STATUS TRANSFERRED DATA
                char *after;
                long replyStatus = strtol(rest, &after, 10);
                long replyTransferred = strtol(after, &after, 10);
                const char *data = after[0] == ' ' ? after + 1 : NULL;
                bool full = replyStatus == 1;
                if (data == NULL || (full && readLength > 0 && !ParseHex(data, read, readLength)) ||
                    ((!full || readLength == 0) && strcmp(data, "-") != 0))
                {
                    char error[320];
                    snprintf(error, sizeof(error), "the board server's reply to \"%.60s\" is malformed: %.200s", request, reply);
                    BoardLink::Fail(error);
                }
                else
                {
                    status = (int)replyStatus;
                    transferred = (int)replyTransferred;
                    done = true;
                }
            }
        }
    }

    free(request);
    free(reply);
    return done;
}

bool GpioMode(int pin, int mode)
{
    char request[64];
    snprintf(request, sizeof(request), "gpio mode %d %d", pin, mode);
    return Simple(request);
}

bool GpioWrite(int pin, int level)
{
    char request[64];
    snprintf(request, sizeof(request), "gpio write %d %d", pin, level != 0 ? 1 : 0);
    return Simple(request);
}

bool GpioRead(int pin, int &level)
{
    char request[64];
    char reply[256];
    const char *rest;
    snprintf(request, sizeof(request), "gpio read %d", pin);
    if (!BoardLink::Exchange(request, reply, sizeof(reply)) || !Accepted(request, reply, rest))
    {
        return false;
    }

    if (strcmp(rest, "0") != 0 && strcmp(rest, "1") != 0)
    {
        char error[320];
        snprintf(error, sizeof(error), "the board server's reply to \"%s\" is not a level: %.200s", request, reply);
        BoardLink::Fail(error);
        return false;
    }

    level = rest[0] - '0';
    return true;
}

bool GpioClose(int pin)
{
    char request[64];
    snprintf(request, sizeof(request), "gpio close %d", pin);
    return Simple(request);
}

bool PwmSet(int pin, int frequency, uint32_t duty, bool running)
{
    char request[96];
    snprintf(request, sizeof(request), "pwm set %d %d %u %d", pin, frequency, (unsigned)duty, running ? 1 : 0);
    return Simple(request);
}

bool PwmClose(int pin)
{
    char request[64];
    snprintf(request, sizeof(request), "pwm close %d", pin);
    return Simple(request);
}
} // namespace BoardRequests
