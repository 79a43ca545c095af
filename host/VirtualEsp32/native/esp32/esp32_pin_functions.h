//
// The ESP32's pin functions (nanoFramework.Hardware.Esp32's Configuration.SetPinFunction/GetFunctionPin): which GPIO
// each peripheral signal (I2C1_DATA, PWM1, COM2_TX, ...) is routed to. The tables start with the ESP32 target's
// defaults and take what the firmware sets, with the same rules; every change is printed on the console, so a run
// shows the pin setup the firmware made. The peripherals read them from here (the PWM natives find their pin).
//

#ifndef VESP32_ESP32_PIN_FUNCTIONS_H
#define VESP32_ESP32_PIN_FUNCTIONS_H

#include <cstdint>
#include <string>

namespace Esp32PinFunctions
{
// Routes `function` (a DeviceFunction value: 0x00TTBBPP, device type, bus from 1, signal) to `pin`; false when
// the ESP32 target refuses it (unknown device type or bus, an input-only pin for an output signal, ADC channels,
// which are fixed).
bool Set(int pin, int32_t function);

// The pin `function` is routed to; -1 when none.
int PinOf(int32_t function);

// "I2C1_DATA", "PWM3", ... as nanoFramework's DeviceFunction names them.
std::string NameOf(int32_t function);

// Back to the ESP32 target's defaults: the device restarted.
void Reset();
} // namespace Esp32PinFunctions

// The ESP32 target's own lookup (targets/ESP32/_include/Esp32_DeviceMapping.h), with C++ linkage as there: what its
// PWM natives call to find the pin of a PWM channel (native/board's PWM natives do the same).
int Esp32_GetMappedDevicePinsWithFunction(uint32_t alternateFunction);

#endif // VESP32_ESP32_PIN_FUNCTIONS_H
