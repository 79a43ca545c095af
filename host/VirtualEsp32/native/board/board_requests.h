//
// The board server's requests as calls: each formats one request line, exchanges it over BoardLink and reads the
// reply (protocol: README.md beside this file). False when the exchange failed or the server refused the request;
// BoardLink::Error() then says why. No nanoCLR headers here, so the harness (harness/) tests it on its own.
//

#ifndef VESP32_BOARD_REQUESTS_H
#define VESP32_BOARD_REQUESTS_H

#include <stdint.h>

namespace BoardRequests
{
// One I2C transaction on bus `busId` with the 7-bit `address`: `writeLength` bytes written, then (repeated start)
// `readLength` bytes read; either may be 0. `status` gets System.Device.I2c's I2cTransferStatus (1 full transfer,
// 4 address not acknowledged, 2 clock stretch timeout, 0 unknown error) and `transferred` the bytes moved; on a full
// transfer `read` holds the bytes read. While the board is told `stall i2c`, `status` is I2cTransferHeld: nothing
// moved, and the caller asks again later.
const int I2cTransferHeld = -1;

bool I2cTransfer(
    int busId,
    int address,
    const uint8_t *write,
    int writeLength,
    uint8_t *read,
    int readLength,
    int &status,
    int &transferred);

// The pin's drive mode (System.Device.Gpio's PinMode number): an output starts low, as the ESP32 target's
// CPU_GPIO_EnableOutputPin(pin, GpioPinValue_Low, mode) leaves it.
bool GpioMode(int pin, int mode);

bool GpioWrite(int pin, int level);

// An output reads what it drives; an input what the board puts on it.
bool GpioRead(int pin, int &level);

// The pin is released (an input, driven by nobody).
bool GpioClose(int pin);

// The PWM signal on `pin`: frequency in Hz, duty in 1/10000 (PwmChannel's _dutyCycle field), running or stopped.
bool PwmSet(int pin, int frequency, uint32_t duty, bool running);

// The PWM channel on `pin` is gone; the pin is released.
bool PwmClose(int pin);
} // namespace BoardRequests

#endif // VESP32_BOARD_REQUESTS_H
