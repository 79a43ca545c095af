//
// nanoFramework.Hardware.Esp32 1.6.42 on the virtual ESP32. What the firmware uses works as on the ESP32: pin
// functions (Configuration, recorded in esp32_pin_functions.cpp and printed), the log level (a no-op: there is no
// IDF log here), the microsecond clock (HighResTimer.GetCurrent) and the wake-up cause (always a cold start: the
// virtual device never sleeps). What has no counterpart here (high-resolution timer events, sleep, touch pads, the
// pulse counter, the IDF's native heap figures) throws NotSupportedException.
//

#include <ctime>

#include "nanoFramework_hardware_esp32_native.h"
#include "esp32_pin_functions.h"

namespace
{
timespec Now()
{
    timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now;
}

// the device starts with the process
const timespec s_bootTime = Now();

// microseconds since the device started, as esp_timer_get_time() counts them
uint64_t MicrosecondsSinceBoot()
{
    timespec now = Now();
    int64_t nanoseconds = (int64_t)(now.tv_sec - s_bootTime.tv_sec) * 1000000000 + (now.tv_nsec - s_bootTime.tv_nsec);
    return (uint64_t)(nanoseconds / 1000);
}
} // namespace

typedef Library_nanoFramework_hardware_esp32_native_nanoFramework_Hardware_Esp32_Configuration Configuration;
typedef Library_nanoFramework_hardware_esp32_native_nanoFramework_Hardware_Esp32_HighResTimer HighResTimer;
typedef Library_nanoFramework_hardware_esp32_native_nanoFramework_Hardware_Esp32_Logging Logging;
typedef Library_nanoFramework_hardware_esp32_native_nanoFramework_Hardware_Esp32_Sleep Sleep;

HRESULT Configuration::NativeSetPinFunction___STATIC__VOID__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int32_t pin = stack.Arg0().NumericByRef().s4;
    int32_t function = stack.Arg1().NumericByRef().s4;
    if (!Esp32PinFunctions::Set(pin, function))
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    NANOCLR_NOCLEANUP();
}

HRESULT Configuration::NativeGetPinFunction___STATIC__I4__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    stack.SetResult_I4(Esp32PinFunctions::PinOf(stack.Arg0().NumericByRef().s4));

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Logging::NativeSetLogLevel___STATIC__VOID__STRING__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    (void)stack;

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT HighResTimer::NativeGetCurrent___STATIC__U8(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    stack.SetResult_U8(MicrosecondsSinceBoot());

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Sleep::NativeGetWakeupCause___STATIC__nanoFrameworkHardwareEsp32SleepWakeupCause(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    stack.SetResult_I4(Sleep_WakeupCause_Undefined);

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Sleep::NativeGetWakeupGpioPin___STATIC__nanoFrameworkHardwareEsp32SleepWakeupGpioPin(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    stack.SetResult_I4(Sleep_WakeupGpioPin_None);

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Sleep::NativeGetWakeupTouchpad___STATIC__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    stack.SetResult_I4(-1);

    NANOCLR_NOCLEANUP_NOLABEL();
}

// not modelled on the virtual ESP32
#define NOT_ON_THE_VIRTUAL_ESP32(method)                                                                                \
    HRESULT Library_nanoFramework_hardware_esp32_native_##method(CLR_RT_StackFrame &stack)                             \
    {                                                                                                                  \
        (void)stack;                                                                                                   \
        return CLR_E_NOT_SUPPORTED;                                                                                    \
    }

NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_HighResTimer::NativeEspTimerCreate___I4)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_HighResTimer::NativeEspTimerDispose___VOID)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_HighResTimer::NativeStop___VOID)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_HighResTimer::NativeStartOneShot___VOID__U8)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_HighResTimer::NativeStartPeriodic___VOID__U8)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_NativeMemory::NativeGetMemoryTotalSize___STATIC__U4__I4)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_NativeMemory::NativeGetMemoryTotalFreeSize___STATIC__U4__I4)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_NativeMemory::NativeGetMemoryLargestFreeBlock___STATIC__U4__I4)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Sleep::NativeEnableWakeupByTimer___STATIC__nanoFrameworkHardwareEsp32EspNativeError__U8)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Sleep::NativeEnableWakeupByPin___STATIC__nanoFrameworkHardwareEsp32EspNativeError__nanoFrameworkHardwareEsp32SleepWakeupGpioPin__I4)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Sleep::NativeEnableWakeupByMultiPins___STATIC__nanoFrameworkHardwareEsp32EspNativeError__nanoFrameworkHardwareEsp32SleepWakeupGpioPin__nanoFrameworkHardwareEsp32SleepWakeupMode)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Sleep::NativeEnableWakeupByTouchPad___STATIC__nanoFrameworkHardwareEsp32EspNativeError__I4__I4__U1)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Sleep::NativeEnableWakeupByUart___STATIC__nanoFrameworkHardwareEsp32EspNativeError__nanoFrameworkHardwareEsp32SleepWakeUpPort__I4)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Sleep::NativeStartLightSleep___STATIC__nanoFrameworkHardwareEsp32EspNativeError)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Sleep::NativeStartDeepSleep___STATIC__nanoFrameworkHardwareEsp32EspNativeError)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeInit___VOID)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeDeinit___VOID)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeRead___U4)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeGetThreshold___U4)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeSetThreshold___VOID__U4)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeGetTouchSpeed___VOID__BYREF_I4__BYREF_I4)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeSetChargeSpeed___VOID__I4__I4)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeCalibrate___I4__I4)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeGetGpioNumberFromTouchNumber___STATIC__I4__I4)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeGetTriggerMode___STATIC__nanoFrameworkHardwareEsp32TouchTouchTriggerMode)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeSetTriggerMode___STATIC__VOID__nanoFrameworkHardwareEsp32TouchTouchTriggerMode)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeGetTriggerSource___STATIC__nanoFrameworkHardwareEsp32TouchWakeUpSource)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeSetTriggerSource___STATIC__VOID__nanoFrameworkHardwareEsp32TouchWakeUpSource)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeGetMeasurementMode___STATIC__nanoFrameworkHardwareEsp32TouchMeasurementMode)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeSetMeasurementMode___STATIC__VOID__nanoFrameworkHardwareEsp32TouchMeasurementMode)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeSetVoltage___STATIC__VOID__nanoFrameworkHardwareEsp32TouchTouchHighVoltage__nanoFrameworkHardwareEsp32TouchTouchLowVoltage__nanoFrameworkHardwareEsp32TouchTouchHighVoltageAttenuation)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeGetVoltage___STATIC__VOID__BYREF_nanoFrameworkHardwareEsp32TouchTouchHighVoltage__BYREF_nanoFrameworkHardwareEsp32TouchTouchLowVoltage__BYREF_nanoFrameworkHardwareEsp32TouchTouchHighVoltageAttenuation)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeStartFilter___STATIC__VOID__nanoFrameworkHardwareEsp32TouchIFilterSetting)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeStopFilter___STATIC__VOID)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeSetMeasurementTime___STATIC__VOID__U2__U2)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeGetMeasurementTime___STATIC__VOID__BYREF_U2__BYREF_U2)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeGetDenoise___STATIC__VOID__nanoFrameworkHardwareEsp32TouchDenoiseSetting)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeSetDenoise___STATIC__VOID__nanoFrameworkHardwareEsp32TouchDenoiseSetting)
NOT_ON_THE_VIRTUAL_ESP32(nanoFramework_Hardware_Esp32_Touch_TouchPad::NativeDenoiseEnabled___STATIC__VOID__BOOLEAN)
NOT_ON_THE_VIRTUAL_ESP32(System_Device_Gpio_GpioPulseCounter::NativeInit___VOID)
NOT_ON_THE_VIRTUAL_ESP32(System_Device_Gpio_GpioPulseCounter::NativeRead___SystemDeviceGpioGpioPulseCount__BOOLEAN)
NOT_ON_THE_VIRTUAL_ESP32(System_Device_Gpio_GpioPulseCounter::NativeStart___VOID)
NOT_ON_THE_VIRTUAL_ESP32(System_Device_Gpio_GpioPulseCounter::NativeStop___VOID)
NOT_ON_THE_VIRTUAL_ESP32(System_Device_Gpio_GpioPulseCounter::NativeDispose___VOID)
