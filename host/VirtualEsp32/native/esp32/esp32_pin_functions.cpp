//
// See esp32_pin_functions.h. The defaults and the rules are those of nf-interpreter's ESP32 target
// (targets/ESP32/_common/ESP32_DeviceMapping.cpp and DeviceMapping_common.cpp, ESP32 = the DevKitC's chip).
//

#include <cstdio>
#include <cstring>

#include "esp32_pin_functions.h"
#include "esp32_pins.h"

namespace
{
// DeviceFunction's device types (nanoFramework.Hardware.Esp32 DeviceTypes >> 16)
enum DeviceType
{
    Gpio = 0,
    Spi = 1,
    I2c = 2,
    Serial = 3,
    LedPwm = 4,
    Adc = 5,
    I2s = 6,
    Dac = 7,
    Sdmmc = 8,
};

const int NoPin = -1;
const int SpiBuses = 2, SpiSignals = 3;      // MOSI, MISO, CLOCK
const int I2cBuses = 2, I2cSignals = 2;      // DATA, CLOCK
const int SerialPorts = 3, SerialSignals = 4; // TX, RX, RTS, CTS
const int PwmChannels = 16;
const int AdcChannels = 20;
const int I2sBuses = 2, I2sSignals = 5; // MCK, BCK, WS, DATA_OUT, MDATA_IN

int s_spi[SpiBuses][SpiSignals];
int s_i2c[I2cBuses][I2cSignals];
int s_serial[SerialPorts][SerialSignals];
int s_pwm[PwmChannels];
int s_i2s[I2sBuses][I2sSignals];
bool s_initialized = false;

// fixed on the ESP32: ADC1_CH0..19 as the target maps them
const int AdcPins[AdcChannels] = {36, 37, 38, 39, 32, 33, 34, 35, 36, 39, 4, 0, 2, 15, 13, 12, 14, 27, 25, 26};

void Defaults()
{
    const int spi[SpiBuses][SpiSignals] = {{23, 25, 19}, {NoPin, NoPin, NoPin}};
    const int i2c[I2cBuses][I2cSignals] = {{18, 19}, {25, 26}};
    const int serial[SerialPorts][SerialSignals] = {{1, 3, 22, 19}, {NoPin, NoPin, NoPin, NoPin}, {NoPin, NoPin, NoPin, NoPin}};
    memcpy(s_spi, spi, sizeof(s_spi));
    memcpy(s_i2c, i2c, sizeof(s_i2c));
    memcpy(s_serial, serial, sizeof(s_serial));
    for (int &pin : s_pwm)
    {
        pin = NoPin;
    }
    for (auto &bus : s_i2s)
    {
        for (int &pin : bus)
        {
            pin = NoPin;
        }
    }
    s_initialized = true;
}

struct Decoded
{
    int type;
    int bus;    // from 0; -1 when the function names none
    int signal; // or channel
};

Decoded Decode(int32_t function)
{
    Decoded d;
    d.type = (function >> 16) & 0xff;
    d.bus = ((function >> 8) & 0xff) - 1;
    d.signal = function & 0xff;
    return d;
}

// the slot a function is routed through; nullptr when the ESP32 has none
int *SlotOf(const Decoded &d)
{
    if (!s_initialized)
    {
        Defaults();
    }

    switch (d.type)
    {
        case Spi:
            return d.bus >= 0 && d.bus < SpiBuses && d.signal < SpiSignals ? &s_spi[d.bus][d.signal] : nullptr;
        case I2c:
            return d.bus >= 0 && d.bus < I2cBuses && d.signal < I2cSignals ? &s_i2c[d.bus][d.signal] : nullptr;
        case Serial:
            return d.bus >= 0 && d.bus < SerialPorts && d.signal < SerialSignals ? &s_serial[d.bus][d.signal] : nullptr;
        case LedPwm:
            return d.bus >= 0 && d.bus < PwmChannels ? &s_pwm[d.bus] : nullptr;
        case I2s:
            return d.bus >= 0 && d.bus < I2sBuses && d.signal < I2sSignals ? &s_i2s[d.bus][d.signal] : nullptr;
        default:
            return nullptr;
    }
}

// signals the ESP32 target drives, which an input-only pin (34..39) cannot take
bool IsOutputSignal(const Decoded &d)
{
    switch (d.type)
    {
        case Spi:
            return d.signal != 1; // all but MISO
        case I2c:
            return true; // SDA and SCL are open drain, driven both ways
        case Serial:
            return d.signal == 0 || d.signal == 2; // TX, RTS
        default:
            return false;
    }
}
} // namespace

namespace Esp32PinFunctions
{
bool Set(int pin, int32_t function)
{
    Decoded d = Decode(function);
    if (d.type == Gpio)
    {
        // opening the pin as a GPIO is what makes it one
        printf("virtual ESP32: GPIO%d = GPIO\n", pin);
        fflush(stdout);
        return true;
    }

    int *slot = SlotOf(d);
    if (slot == nullptr || (IsOutputSignal(d) && !Esp32Pins::CanDrive(pin)))
    {
        printf("virtual ESP32: GPIO%d = %s refused (as the ESP32 refuses it)\n", pin, NameOf(function).c_str());
        fflush(stdout);
        return false;
    }

    *slot = pin;
    printf("virtual ESP32: GPIO%d = %s\n", pin, NameOf(function).c_str());
    fflush(stdout);
    return true;
}

int PinOf(int32_t function)
{
    Decoded d = Decode(function);
    if (d.type == Adc)
    {
        return d.signal < AdcChannels ? AdcPins[d.signal] : NoPin;
    }

    int *slot = SlotOf(d);
    return slot == nullptr ? NoPin : *slot;
}

std::string NameOf(int32_t function)
{
    static const char *const spi[] = {"MOSI", "MISO", "CLOCK"};
    static const char *const i2c[] = {"DATA", "CLOCK"};
    static const char *const serial[] = {"TX", "RX", "RTS", "CTS"};
    static const char *const i2s[] = {"MCK", "BCK", "WS", "DATA_OUT", "MDATA_IN"};
    Decoded d = Decode(function);
    char name[48];
    int bus = d.bus + 1;
    switch (d.type)
    {
        case Gpio:
            return "GPIO";
        case Spi:
            if (d.signal < SpiSignals)
            {
                snprintf(name, sizeof(name), "SPI%d_%s", bus, spi[d.signal]);
                return name;
            }
            break;
        case I2c:
            if (d.signal < I2cSignals)
            {
                snprintf(name, sizeof(name), "I2C%d_%s", bus, i2c[d.signal]);
                return name;
            }
            break;
        case Serial:
            if (d.signal < SerialSignals)
            {
                snprintf(name, sizeof(name), "COM%d_%s", bus, serial[d.signal]);
                return name;
            }
            break;
        case LedPwm:
            snprintf(name, sizeof(name), "PWM%d", bus);
            return name;
        case Adc:
            snprintf(name, sizeof(name), "ADC%d_CH%d", bus, d.signal);
            return name;
        case I2s:
            if (d.signal < I2sSignals)
            {
                snprintf(name, sizeof(name), "I2S%d_%s", bus, i2s[d.signal]);
                return name;
            }
            break;
        default:
            break;
    }

    snprintf(name, sizeof(name), "function 0x%06X", (unsigned)function);
    return name;
}

void Reset()
{
    Defaults();
}
} // namespace Esp32PinFunctions

int Esp32_GetMappedDevicePinsWithFunction(uint32_t alternateFunction)
{
    return Esp32PinFunctions::PinOf((int32_t)alternateFunction);
}
