//
// System.Device.Gpio (1.1.62) natives of the virtual ESP32: which pins are open and their rules stay here (as the
// ESP32 target keeps them), levels and modes go to the board server, which shows them and serves the relay's pin to
// tests. The functions are those the generated header declares (build/gen/sys_dev_gpio_native.h, from the exact
// System.Device.Gpio.dll).
//
// Not modelled: pin-change interrupts on inputs (the firmware has no inputs); registering a callback on an input
// throws NotSupportedException instead of never calling it. Alternate functions are nanoFramework.Hardware.Esp32's.
//

// The generated header defines PinMode (with the same enumerators) as CPU_GPIO_decl.h, which nanoHAL.h includes:
// this file takes the generated one, as the generated table's file must (sources.cmake).
#define DRIVERS_GPIO_DECL_H

#include "sys_dev_gpio_native.h"
#include "board_link.h"
#include "board_requests.h"
#include "esp32_pins.h"

#include <stdio.h>

typedef Library_sys_dev_gpio_native_System_Device_Gpio_GpioPin GpioPin;
typedef Library_sys_dev_gpio_native_System_Device_Gpio_GpioController GpioController;
typedef Library_sys_dev_gpio_native_System_Device_Gpio_GpioPinBundle GpioPinBundle;
typedef Library_sys_dev_gpio_native_System_Device_Gpio_PinValue PinValue;

// EVENT_GPIO in nanoHAL_v2.h: what GpioPinEventListener listens to.
#ifndef EVENT_GPIO
#define EVENT_GPIO 20
#endif

namespace
{
int PinNumberOf(CLR_RT_HeapBlock *pin)
{
    return pin[GpioPin::FIELD___pinNumber].NumericByRefConst().s4;
}

int ModeOf(CLR_RT_HeapBlock *pin)
{
    return pin[GpioPin::FIELD___pinMode].NumericByRefConst().s4;
}

bool IsDisposed(CLR_RT_HeapBlock *pin)
{
    return pin[GpioPin::FIELD___disposedValue].NumericByRef().u1 != 0;
}

bool HasCallbacks(CLR_RT_HeapBlock *pin)
{
    return pin[GpioPin::FIELD___callbacks].Dereference() != NULL;
}

// The board server did not take the request: report it and fail the call.
HRESULT BoardFailed()
{
    BoardLink::ReportError();
    return CLR_E_FAIL;
}

// Sets the drive mode and stores it in the pin's _pinMode, as GpioPin.SetPinMode expects of the native.
HRESULT ApplyMode(CLR_RT_HeapBlock *pin, int mode)
{
    int number = PinNumberOf(pin);
    if (!Esp32Pins::SupportsMode(number, mode))
    {
        return CLR_E_INVALID_PARAMETER;
    }

    if (mode < Esp32Pins::FirstOutputMode && HasCallbacks(pin))
    {
        fprintf(stderr, "virtual board: GPIO%d: pin-change events on inputs are not modelled\n", number);
        return CLR_E_NOT_SUPPORTED;
    }

    if (!BoardRequests::GpioMode(number, mode))
    {
        return BoardFailed();
    }

    pin[GpioPin::FIELD___pinMode].NumericByRef().s4 = mode;
    return S_OK;
}

// Drives an output; an input cannot be written (the ESP32 target's rule).
HRESULT DriveLevel(CLR_RT_HeapBlock *pin, int level)
{
    int number = PinNumberOf(pin);
    if (ModeOf(pin) < Esp32Pins::FirstOutputMode)
    {
        return CLR_E_INVALID_PARAMETER;
    }

    if (!BoardRequests::GpioWrite(number, level))
    {
        return BoardFailed();
    }

    // An output's own listeners hear its writes (we are on the runtime's thread, where events may be posted).
    if (HasCallbacks(pin))
    {
        PostManagedEvent(EVENT_GPIO, 0, (uint16_t)number, (uint32_t)level);
    }

    return S_OK;
}

HRESULT ReadLevel(CLR_RT_HeapBlock *pin, int &level)
{
    return BoardRequests::GpioRead(PinNumberOf(pin), level) ? S_OK : BoardFailed();
}

// The GpioPin the controller opened for `number` (GpioController.s_GpioPins), or NULL.
CLR_RT_HeapBlock *OpenedPin(CLR_RT_StackFrame &stack, int number)
{
    CLR_RT_HeapBlock *controller = stack.This();
    CLR_RT_Assembly *assembly = g_CLR_RT_TypeSystem.m_assemblies[controller->ObjectCls().Assembly() - 1];
    CLR_RT_HeapBlock_ArrayList *pins =
        (CLR_RT_HeapBlock_ArrayList *)assembly->GetStaticField(GpioController::FIELD_STATIC__s_GpioPins)->Dereference();
    if (pins == NULL)
    {
        return NULL;
    }

    for (CLR_INT32 i = 0; i < pins->GetSize(); i++)
    {
        CLR_RT_HeapBlock *bundle;
        if (SUCCEEDED(pins->GetItem(i, bundle)) && bundle != NULL &&
            bundle[GpioPinBundle::FIELD__PinNumber].NumericByRef().s4 == number)
        {
            return bundle[GpioPinBundle::FIELD__GpioPin].Dereference();
        }
    }

    return NULL;
}
} // namespace

HRESULT Library_sys_dev_gpio_native_System_Device_Gpio_GpioPin::Read___SystemDeviceGpioPinValue(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int level = 0;
    CLR_RT_TypeDef_Index pinValueType;
    CLR_RT_HeapBlock *pinValue;
    CLR_RT_HeapBlock &top = stack.PushValue();

    CLR_RT_HeapBlock *pThis = stack.This();
    FAULT_ON_NULL(pThis);
    if (IsDisposed(pThis))
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OBJECT_DISPOSED);
    }

    NANOCLR_CHECK_HRESULT(ReadLevel(pThis, level));

    // PinValue is a struct of this assembly: the result is a new one holding the level.
    if (!g_CLR_RT_TypeSystem.FindTypeDef("PinValue", "System.Device.Gpio", pinValueType))
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_WRONG_TYPE);
    }

    NANOCLR_CHECK_HRESULT(g_CLR_RT_ExecutionEngine.NewObjectFromIndex(top, pinValueType));
    pinValue = top.Dereference();
    FAULT_ON_NULL(pinValue);
    pinValue[PinValue::FIELD___value].NumericByRef().u1 = (CLR_UINT8)level;

    NANOCLR_NOCLEANUP();
}

HRESULT Library_sys_dev_gpio_native_System_Device_Gpio_GpioPin::Toggle___VOID(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int level = 0;
    CLR_RT_HeapBlock *pThis = stack.This();
    FAULT_ON_NULL(pThis);
    if (IsDisposed(pThis))
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OBJECT_DISPOSED);
    }

    // An input is left alone, as on the ESP32.
    if (ModeOf(pThis) >= Esp32Pins::FirstOutputMode)
    {
        NANOCLR_CHECK_HRESULT(ReadLevel(pThis, level));
        NANOCLR_CHECK_HRESULT(DriveLevel(pThis, level == 0 ? 1 : 0));
    }

    NANOCLR_NOCLEANUP();
}

HRESULT Library_sys_dev_gpio_native_System_Device_Gpio_GpioPin::DisposeNative___VOID(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    CLR_RT_HeapBlock *pThis = stack.This();
    FAULT_ON_NULL(pThis);

    // The pin goes back to an input nobody drives, and may be opened again.
    Esp32Pins::Release(PinNumberOf(pThis));
    if (!BoardRequests::GpioClose(PinNumberOf(pThis)))
    {
        NANOCLR_SET_AND_LEAVE(BoardFailed());
    }

    NANOCLR_NOCLEANUP();
}

HRESULT Library_sys_dev_gpio_native_System_Device_Gpio_GpioPin::
    NativeIsPinModeSupported___BOOLEAN__SystemDeviceGpioPinMode(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    CLR_RT_HeapBlock *pThis = stack.This();
    FAULT_ON_NULL(pThis);
    stack.SetResult_Boolean(Esp32Pins::SupportsMode(PinNumberOf(pThis), stack.Arg1().NumericByRef().s4));

    NANOCLR_NOCLEANUP();
}

HRESULT Library_sys_dev_gpio_native_System_Device_Gpio_GpioPin::NativeSetPinMode___VOID__SystemDeviceGpioPinMode(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    CLR_RT_HeapBlock *pThis = stack.This();
    FAULT_ON_NULL(pThis);
    if (IsDisposed(pThis))
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OBJECT_DISPOSED);
    }

    NANOCLR_CHECK_HRESULT(ApplyMode(pThis, stack.Arg1().NumericByRef().s4));

    NANOCLR_NOCLEANUP();
}

HRESULT Library_sys_dev_gpio_native_System_Device_Gpio_GpioPin::NativeInit___BOOLEAN__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    // False for a pin the ESP32 does not have or one already open: OpenPin then throws InvalidOperationException.
    stack.SetResult_Boolean(Esp32Pins::Reserve(stack.Arg1().NumericByRef().s4));

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Library_sys_dev_gpio_native_System_Device_Gpio_GpioPin::NativeSetDebounceTimeout___VOID(CLR_RT_StackFrame &stack)
{
    // Debouncing filters input edges, and no input edges are modelled.
    (void)stack;
    return S_OK;
}

HRESULT Library_sys_dev_gpio_native_System_Device_Gpio_GpioPin::WriteNative___VOID__SystemDeviceGpioPinValue(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    CLR_RT_HeapBlock *pinValue;
    CLR_RT_HeapBlock *pThis = stack.This();
    FAULT_ON_NULL(pThis);
    if (IsDisposed(pThis))
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OBJECT_DISPOSED);
    }

    pinValue = stack.Arg1().Dereference();
    FAULT_ON_NULL(pinValue);
    NANOCLR_CHECK_HRESULT(DriveLevel(pThis, pinValue[PinValue::FIELD___value].NumericByRef().u1 != 0 ? 1 : 0));

    NANOCLR_NOCLEANUP();
}

HRESULT Library_sys_dev_gpio_native_System_Device_Gpio_GpioPin::NativeSetAlternateFunction___VOID__I4(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    CLR_RT_HeapBlock *pThis = stack.This();
    FAULT_ON_NULL(pThis);
    fprintf(
        stderr,
        "virtual board: GPIO%d: GpioPin alternate functions are not modelled (use nanoFramework.Hardware.Esp32's "
        "Configuration.SetPinFunction)\n",
        PinNumberOf(pThis));
    NANOCLR_SET_AND_LEAVE(CLR_E_NOT_SUPPORTED);

    NANOCLR_NOCLEANUP();
}

HRESULT Library_sys_dev_gpio_native_System_Device_Gpio_GpioController::get_PinCount___I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    stack.SetResult_I4(Esp32Pins::Count);

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Library_sys_dev_gpio_native_System_Device_Gpio_GpioController::DisposeNative___VOID(CLR_RT_StackFrame &stack)
{
    // The managed Dispose has closed every pin the controller opened; nothing else is held.
    (void)stack;
    return S_OK;
}

HRESULT Library_sys_dev_gpio_native_System_Device_Gpio_GpioController::
    IsPinModeSupported___BOOLEAN__I4__SystemDeviceGpioPinMode(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    stack.SetResult_Boolean(
        Esp32Pins::SupportsMode(stack.Arg1().NumericByRef().s4, stack.Arg2().NumericByRef().s4));

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Library_sys_dev_gpio_native_System_Device_Gpio_GpioController::IsPinOpen___BOOLEAN__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    stack.SetResult_Boolean(Esp32Pins::IsBusy(stack.Arg1().NumericByRef().s4));

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT Library_sys_dev_gpio_native_System_Device_Gpio_GpioController::SetPinMode___VOID__I4__SystemDeviceGpioPinMode(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    CLR_RT_HeapBlock *pin;
    CLR_RT_HeapBlock *pThis = stack.This();
    FAULT_ON_NULL(pThis);
    if (pThis[FIELD___disposedValue].NumericByRef().u1 != 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OBJECT_DISPOSED);
    }

    // Only a pin this controller opened.
    pin = OpenedPin(stack, stack.Arg1().NumericByRef().s4);
    if (pin == NULL)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_OPERATION);
    }

    NANOCLR_CHECK_HRESULT(ApplyMode(pin, stack.Arg2().NumericByRef().s4));

    NANOCLR_NOCLEANUP();
}

HRESULT Library_sys_dev_gpio_native_System_Device_Gpio_GpioController::NativeRead___U1__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int level = 0;
    CLR_RT_HeapBlock *pin;
    CLR_RT_HeapBlock *pThis = stack.This();
    FAULT_ON_NULL(pThis);
    if (pThis[FIELD___disposedValue].NumericByRef().u1 != 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OBJECT_DISPOSED);
    }

    pin = OpenedPin(stack, stack.Arg1().NumericByRef().s4);
    if (pin == NULL)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_OPERATION);
    }

    NANOCLR_CHECK_HRESULT(ReadLevel(pin, level));
    stack.SetResult_U1((CLR_UINT8)level);

    NANOCLR_NOCLEANUP();
}

HRESULT Library_sys_dev_gpio_native_System_Device_Gpio_GpioController::NativeWrite___VOID__I4__U1(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    CLR_RT_HeapBlock *pin;
    CLR_RT_HeapBlock *pThis = stack.This();
    FAULT_ON_NULL(pThis);
    if (pThis[FIELD___disposedValue].NumericByRef().u1 != 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OBJECT_DISPOSED);
    }

    pin = OpenedPin(stack, stack.Arg1().NumericByRef().s4);
    if (pin == NULL)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_OPERATION);
    }

    NANOCLR_CHECK_HRESULT(DriveLevel(pin, stack.Arg2().NumericByRef().u1 != 0 ? 1 : 0));

    NANOCLR_NOCLEANUP();
}
