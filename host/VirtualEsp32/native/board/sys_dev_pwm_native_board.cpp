//
// System.Device.Pwm (1.1.23) natives of the virtual ESP32, written from the generated stubs: the LEDC channel
// bookkeeping the ESP32 target does (a channel per pin in each of the two timer groups, the pin found through the
// PWMn pin function nanoFramework.Hardware.Esp32 set), with the signal itself (frequency, duty, running) sent to the
// board server, which shows the dimmer's duty and serves it to tests. The functions are those the generated header
// declares (build/gen/sys_dev_pwm_native.h, from the exact System.Device.Pwm.dll).
//
// One difference, on purpose: the ESP32 target keeps one "started" flag for all channels (stopping one makes the
// others store duty changes without applying them); here each channel has its own.
//

#include "sys_dev_pwm_native.h"
#include "board_link.h"
#include "board_requests.h"
#include "esp32_pins.h"

#include <stdint.h>
#include <stdio.h>

typedef Library_sys_dev_pwm_native_System_Device_Pwm_PwmChannel PwmChannel;

// nanoFramework.Hardware.Esp32's pin functions (native/esp32; the ESP32 target's Esp32_DeviceMapping.h names it so):
// the GPIO that Configuration.SetPinFunction gave `alternateFunction`, or -1.
int Esp32_GetMappedDevicePinsWithFunction(uint32_t alternateFunction);

// Used only when the build has no pin functions: PWM cannot find its pin, and says why instead of returning null.
__attribute__((weak)) int Esp32_GetMappedDevicePinsWithFunction(uint32_t alternateFunction)
{
    static bool reported;
    (void)alternateFunction;
    if (!reported)
    {
        fprintf(
            stderr,
            "virtual board: PwmChannel.CreateFromPin needs nanoFramework.Hardware.Esp32's pin functions "
            "(Esp32_GetMappedDevicePinsWithFunction, native/esp32), which this build lacks\n");
        reported = true;
    }

    return -1;
}

namespace
{
// DeviceFunction.PWM1 (DeviceTypes.PWM 0x40000 + DeviceIndex 0x100); PWMn is 0x100 further per n.
const uint32_t Pwm1Function = 0x40100;
const uint32_t PwmFunctionSpacing = 0x100;

int PinOf(CLR_RT_HeapBlock *channel)
{
    return channel[PwmChannel::FIELD___pinNumber].NumericByRef().s4;
}

int TimerOf(CLR_RT_HeapBlock *channel)
{
    return channel[PwmChannel::FIELD___pwmTimer].NumericByRef().s4;
}

// Sends the channel's signal as its fields hold it.
HRESULT Apply(CLR_RT_HeapBlock *channel, bool running)
{
    if (!BoardRequests::PwmSet(
            PinOf(channel),
            channel[PwmChannel::FIELD___frequency].NumericByRef().s4,
            channel[PwmChannel::FIELD___dutyCycle].NumericByRef().u4,
            running))
    {
        BoardLink::ReportError();
        return CLR_E_FAIL;
    }

    return S_OK;
}
} // namespace

HRESULT Library_sys_dev_pwm_native_System_Device_Pwm_PwmChannel::NativeInit___VOID(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    CLR_RT_HeapBlock *pThis = stack.This();
    FAULT_ON_NULL(pThis);

    // A pin that cannot drive (or -1, from the constructor without a pin) is refused, as on the ESP32.
    if (!Esp32Pins::CanDrive(PinOf(pThis)) || Esp32Ledc::ChannelOf(PinOf(pThis), TimerOf(pThis), true) < 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    NANOCLR_NOCLEANUP();
}

HRESULT Library_sys_dev_pwm_native_System_Device_Pwm_PwmChannel::NativeSetDesiredFrequency___VOID__I4(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int frequency = stack.Arg1().NumericByRef().s4;
    CLR_RT_HeapBlock *pThis = stack.This();
    FAULT_ON_NULL(pThis);
    if (frequency <= 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    // The constructor sets the frequency before NativeInit: then it is only stored.
    pThis[FIELD___frequency].NumericByRef().s4 = frequency;
    if (Esp32Ledc::IsStarted(PinOf(pThis)))
    {
        NANOCLR_CHECK_HRESULT(Apply(pThis, true));
    }

    NANOCLR_NOCLEANUP();
}

HRESULT Library_sys_dev_pwm_native_System_Device_Pwm_PwmChannel::NativeSetActiveDutyCyclePercentage___VOID__R8(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    double duty = stack.Arg1().NumericByRef().r8;
    CLR_RT_HeapBlock *pThis = stack.This();
    FAULT_ON_NULL(pThis);
    if (!(duty >= 0 && duty <= 1.0))
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    // _dutyCycle holds 1/10000s (PwmChannel's _dutyCycleFactor), as the ESP32 target stores it.
    pThis[FIELD___dutyCycle].NumericByRef().u4 = (uint32_t)(duty * 10000.0);
    if (Esp32Ledc::IsStarted(PinOf(pThis)))
    {
        NANOCLR_CHECK_HRESULT(Apply(pThis, true));
    }

    NANOCLR_NOCLEANUP();
}

HRESULT Library_sys_dev_pwm_native_System_Device_Pwm_PwmChannel::NativeStart___VOID(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int pin;
    CLR_RT_HeapBlock *pThis = stack.This();
    FAULT_ON_NULL(pThis);
    pin = PinOf(pThis);
    if (!Esp32Pins::CanDrive(pin) || Esp32Ledc::ChannelOf(pin, TimerOf(pThis), true) < 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OUT_OF_RANGE);
    }

    NANOCLR_CHECK_HRESULT(Apply(pThis, true));
    Esp32Ledc::SetStarted(pin, true);

    NANOCLR_NOCLEANUP();
}

HRESULT Library_sys_dev_pwm_native_System_Device_Pwm_PwmChannel::NativeStop___VOID(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int pin;
    CLR_RT_HeapBlock *pThis = stack.This();
    FAULT_ON_NULL(pThis);
    pin = PinOf(pThis);
    if (Esp32Pins::IsValid(pin))
    {
        // Stopped, the pin idles at the level of the polarity (ledc_stop): low for ActiveHigh.
        Esp32Ledc::SetStarted(pin, false);
        NANOCLR_CHECK_HRESULT(Apply(pThis, false));
    }

    NANOCLR_NOCLEANUP();
}

HRESULT Library_sys_dev_pwm_native_System_Device_Pwm_PwmChannel::DisposeNative___VOID(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int pin;
    CLR_RT_HeapBlock *pThis = stack.This();
    FAULT_ON_NULL(pThis);
    pin = PinOf(pThis);
    if (Esp32Ledc::ChannelOf(pin, TimerOf(pThis), false) >= 0)
    {
        Esp32Ledc::Free(pin, TimerOf(pThis));
        if (!BoardRequests::PwmClose(pin))
        {
            BoardLink::ReportError();
            NANOCLR_SET_AND_LEAVE(CLR_E_FAIL);
        }
    }

    NANOCLR_NOCLEANUP();
}

HRESULT Library_sys_dev_pwm_native_System_Device_Pwm_PwmChannel::GetChannel___STATIC__I4__I4__I4(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int pin = stack.Arg0().NumericByRef().s4;
    int timerId = stack.Arg1().NumericByRef().s4;
    int channel = -1;

    // Timer n serves PWM functions 2n+1 and 2n+2 (PWM1, PWM2 on timer 0...); the channel number is the pin.
    for (int pwm = timerId * 2; pwm < (timerId * 2) + 2; pwm++)
    {
        if (Esp32_GetMappedDevicePinsWithFunction(Pwm1Function + ((uint32_t)pwm * PwmFunctionSpacing)) == pin)
        {
            channel = pin;
            break;
        }
    }

    stack.SetResult_I4(channel);

    NANOCLR_NOCLEANUP_NOLABEL();
}
