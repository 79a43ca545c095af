//
// Which GPIOs an ESP32 (the DevKitC's ESP32-D0WD) has, as ESP-IDF's GPIO_IS_VALID_GPIO and
// GPIO_IS_VALID_OUTPUT_GPIO say, which of them the running firmware holds open, and its PWM channels: the rules and
// the bookkeeping of the ESP32 target's GPIO and PWM natives, so the virtual ESP32 refuses what the real one refuses.
// No nanoCLR headers here, so the harness (harness/) tests it on its own.
//

#ifndef VESP32_ESP32_PINS_H
#define VESP32_ESP32_PINS_H

namespace Esp32Pins
{
// GPIO_PIN_COUNT on the ESP32: GpioController.PinCount.
const int Count = 40;

// GPIO 0..39 except 24 and 28..31, which the chip does not bond out.
inline bool IsValid(int pin)
{
    return pin >= 0 && pin < Count && pin != 24 && (pin < 28 || pin > 31);
}

// GPIO 34..39 are inputs only.
inline bool CanDrive(int pin)
{
    return IsValid(pin) && pin < 34;
}

// PinMode numbers (System.Device.Gpio): Input 0, InputPullDown 1, InputPullUp 2, Output 3 and up to 7.
const int FirstOutputMode = 3;
const int LastMode = 7;

// CPU_GPIO_DriveModeSupported on the ESP32: any mode on a pin that can drive, input modes on an input-only pin.
inline bool SupportsMode(int pin, int mode)
{
    return mode >= 0 && (CanDrive(pin) ? mode <= LastMode : IsValid(pin) && mode < FirstOutputMode);
}

// Opens the pin for the firmware (GpioPin's NativeInit); false when it is not a GPIO or is already open.
bool Reserve(int pin);

void Release(int pin);

// What GpioController.IsPinOpen answers: an open pin, or one that is no GPIO at all (as the ESP32 target says).
bool IsBusy(int pin);

// Every pin free again: the virtual device restarted.
void ReleaseAll();
} // namespace Esp32Pins

// The ESP32's LEDC PWM channels as the ESP32 target books them: timers 0..3 drive the high-speed group, 4..7 the
// low-speed one, 8 channels each, one channel per pin in a group.
namespace Esp32Ledc
{
const int ChannelsPerGroup = 8;

// The channel holding `pin` in the timer's group; with `allocate`, a free one is taken for it. -1 if none.
int ChannelOf(int pin, int timerId, bool allocate);

// The channel is free again (PwmChannel disposed).
void Free(int pin, int timerId);

// Whether the channel on `pin` runs (then duty and frequency changes reach the pin at once).
bool IsStarted(int pin);
void SetStarted(int pin, bool started);

// Every channel free and stopped: the virtual device restarted.
void ReleaseAll();
} // namespace Esp32Ledc

#endif // VESP32_ESP32_PINS_H
