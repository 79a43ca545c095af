//
// A tiny program that drives the virtual ESP32's board client (board_link, board_requests, esp32_pins) against a
// running board server, without nanoCLR: build it with build.sh, run it with VESP32_BOARD=HOST:PORT of a server that
// has a BME280 at 0x76 (the default --chips). Prints one line per check and "N passed, N failed"; exit code 1 on a
// failure. host/SensorNode.VirtualBoard.Tests builds and runs it against a board it hosts, then checks what arrived.
//
// Compiled only with VESP32_BOARD_HARNESS defined: every .cpp under native/ goes into the nanoCLR build, which must
// not get this main().
//

#if defined(VESP32_BOARD_HARNESS)

#include "../board_link.h"
#include "../board_requests.h"
#include "../esp32_pins.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

namespace
{
int s_passed;
int s_failed;

void Check(bool ok, const char *what)
{
    printf("%s: %s\n", ok ? "pass" : "FAIL", what);
    if (ok)
    {
        s_passed++;
    }
    else
    {
        s_failed++;
        if (BoardLink::Error()[0] != '\0')
        {
            printf("      last board error: %s\n", BoardLink::Error());
        }
    }
}

void I2cChecks()
{
    uint8_t chipIdRegister = 0xD0;
    uint8_t chipId = 0;
    int status = -1;
    int transferred = -1;
    bool done = BoardRequests::I2cTransfer(1, 0x76, &chipIdRegister, 1, &chipId, 1, status, transferred);
    Check(done && status == 1 && transferred == 2 && chipId == 0x60, "I2C: the BME280 at 0x76 reads chip id 0x60 from register 0xD0");

    uint8_t calibration[26];
    uint8_t calibrationRegister = 0x88;
    done = BoardRequests::I2cTransfer(1, 0x76, &calibrationRegister, 1, calibration, sizeof(calibration), status, transferred);
    bool trimmed = false;
    for (size_t i = 0; i < sizeof(calibration); i++)
    {
        trimmed = trimmed || calibration[i] != 0;
    }

    Check(done && status == 1 && transferred == 27 && trimmed, "I2C: a 26-byte burst read of the BME280's calibration");

    uint8_t one = 0xAA;
    done = BoardRequests::I2cTransfer(1, 0x50, NULL, 0, &one, 1, status, transferred);
    Check(done && status == 4 && transferred == 0 && one == 0xAA, "I2C: nobody at 0x50 is status 4, the read buffer untouched");

    done = BoardRequests::I2cTransfer(2, 0x76, &chipIdRegister, 1, &chipId, 1, status, transferred);
    Check(done && status == 4, "I2C: bus 2 has no chips");

    uint8_t controlMeasurement[2] = {0xF4, 0x25};
    done = BoardRequests::I2cTransfer(1, 0x76, controlMeasurement, 2, NULL, 0, status, transferred);
    uint8_t controlRegister = 0xF4;
    uint8_t control = 0;
    bool readBack = BoardRequests::I2cTransfer(1, 0x76, &controlRegister, 1, &control, 1, status, transferred);
    Check(done && readBack && status == 1 && (control & 0xFC) == 0x24, "I2C: a register write reads back");
}

void GpioChecks()
{
    int level = -1;
    Check(BoardRequests::GpioMode(27, 3) && BoardRequests::GpioRead(27, level) && level == 0, "GPIO: an output starts low");
    Check(BoardRequests::GpioWrite(27, 1) && BoardRequests::GpioRead(27, level) && level == 1, "GPIO: a write reads back");
    Check(BoardRequests::GpioMode(4, 2) && BoardRequests::GpioRead(4, level) && level == 1, "GPIO: an input with pull-up reads high");
    Check(BoardRequests::GpioClose(4), "GPIO: a pin closes");
    Check(!BoardRequests::GpioWrite(4, 1) && strstr(BoardLink::Error(), "refused") != NULL, "GPIO: writing a closed pin is refused by the server");
}

void PwmChecks()
{
    Check(BoardRequests::PwmSet(32, 1000, 0, false), "PWM: a channel configured, stopped");
    Check(BoardRequests::PwmSet(32, 1000, 4000, true), "PWM: 40 % at 1 kHz, running");
}

void PinRuleChecks()
{
    Check(!Esp32Pins::IsValid(24) && !Esp32Pins::IsValid(30) && !Esp32Pins::IsValid(40) && Esp32Pins::IsValid(39), "pins: GPIO24, 28..31 and 40 do not exist");
    Check(Esp32Pins::CanDrive(33) && !Esp32Pins::CanDrive(34), "pins: GPIO34 and up are inputs only");
    Check(Esp32Pins::SupportsMode(34, 2) && !Esp32Pins::SupportsMode(34, 3) && Esp32Pins::SupportsMode(26, 7), "pins: drive modes as the ESP32 allows them");
    Check(Esp32Pins::Reserve(26) && !Esp32Pins::Reserve(26) && Esp32Pins::IsBusy(26), "pins: a pin opens once");
    Esp32Pins::Release(26);
    Check(!Esp32Pins::IsBusy(26) && Esp32Pins::IsBusy(24), "pins: released, and a missing pin counts as busy");

    bool allocated = true;
    for (int pin = 0; pin < Esp32Ledc::ChannelsPerGroup; pin++)
    {
        allocated = allocated && Esp32Ledc::ChannelOf(pin, 0, true) == pin;
    }

    Check(allocated && Esp32Ledc::ChannelOf(12, 1, true) == -1 && Esp32Ledc::ChannelOf(12, 4, true) == 0, "PWM channels: 8 per timer group");
    Esp32Ledc::Free(3, 0);
    Check(Esp32Ledc::ChannelOf(13, 2, true) == 3, "PWM channels: a freed channel is taken again");
    Esp32Ledc::ReleaseAll();
}

void UnreachableChecks()
{
    BoardLink::Close();
    setenv(BoardLink::AddressVariable, "127.0.0.1:1", 1);
    Check(!BoardRequests::GpioWrite(27, 0) && strstr(BoardLink::Error(), "cannot reach the board server at 127.0.0.1:1 (VESP32_BOARD)") != NULL,
        "an unreachable server is named in the error");
    unsetenv(BoardLink::AddressVariable);
    Check(!BoardRequests::GpioWrite(27, 0) && strstr(BoardLink::Error(), "VESP32_BOARD is not set") != NULL, "a missing VESP32_BOARD is named in the error");
    setenv(BoardLink::AddressVariable, "nonsense", 1);
    Check(!BoardRequests::GpioWrite(27, 0) && strstr(BoardLink::Error(), "is not HOST:PORT") != NULL, "a malformed VESP32_BOARD is named in the error");
}
} // namespace

int main()
{
    if (getenv(BoardLink::AddressVariable) == NULL)
    {
        fprintf(stderr, "usage: VESP32_BOARD=HOST:PORT %s (a board server with a BME280 at 0x76)\n", "board_harness");
        return 2;
    }

    I2cChecks();
    GpioChecks();
    PwmChecks();
    PinRuleChecks();
    UnreachableChecks(); // last: it drops the connection and spoils VESP32_BOARD
    printf("%d passed, %d failed\n", s_passed, s_failed);
    return s_failed == 0 ? 0 : 1;
}

#endif // VESP32_BOARD_HARNESS
