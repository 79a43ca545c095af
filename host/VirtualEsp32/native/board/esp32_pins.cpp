//
// The open pins and PWM channels of the virtual ESP32: see esp32_pins.h.
//

#include "esp32_pins.h"

namespace
{
const int NoPin = -1;
bool s_open[Esp32Pins::Count];
int s_channelPins[2][Esp32Ledc::ChannelsPerGroup] = {
    {NoPin, NoPin, NoPin, NoPin, NoPin, NoPin, NoPin, NoPin},
    {NoPin, NoPin, NoPin, NoPin, NoPin, NoPin, NoPin, NoPin}};
bool s_started[Esp32Pins::Count];

int *GroupOf(int timerId)
{
    return s_channelPins[timerId > 3 ? 1 : 0];
}
} // namespace

namespace Esp32Pins
{
bool Reserve(int pin)
{
    if (!IsValid(pin) || s_open[pin])
    {
        return false;
    }

    s_open[pin] = true;
    return true;
}

void Release(int pin)
{
    if (IsValid(pin))
    {
        s_open[pin] = false;
    }
}

bool IsBusy(int pin)
{
    return !IsValid(pin) || s_open[pin];
}

void ReleaseAll()
{
    for (int pin = 0; pin < Count; pin++)
    {
        s_open[pin] = false;
    }
}
} // namespace Esp32Pins

namespace Esp32Ledc
{
int ChannelOf(int pin, int timerId, bool allocate)
{
    int *group = GroupOf(timerId);
    for (int channel = 0; channel < ChannelsPerGroup; channel++)
    {
        if (group[channel] == pin)
        {
            return channel;
        }
    }

    for (int channel = 0; allocate && channel < ChannelsPerGroup; channel++)
    {
        if (group[channel] == NoPin)
        {
            group[channel] = pin;
            return channel;
        }
    }

    return -1;
}

void Free(int pin, int timerId)
{
    int channel = ChannelOf(pin, timerId, false);
    if (channel >= 0)
    {
        GroupOf(timerId)[channel] = NoPin;
    }

    SetStarted(pin, false);
}

bool IsStarted(int pin)
{
    return Esp32Pins::IsValid(pin) && s_started[pin];
}

void SetStarted(int pin, bool started)
{
    if (Esp32Pins::IsValid(pin))
    {
        s_started[pin] = started;
    }
}

void ReleaseAll()
{
    for (int group = 0; group < 2; group++)
    {
        for (int channel = 0; channel < ChannelsPerGroup; channel++)
        {
            s_channelPins[group][channel] = NoPin;
        }
    }

    for (int pin = 0; pin < Esp32Pins::Count; pin++)
    {
        s_started[pin] = false;
    }
}
} // namespace Esp32Ledc
