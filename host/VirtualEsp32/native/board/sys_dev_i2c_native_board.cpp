//
// System.Device.I2c (1.1.29) natives of the virtual ESP32: every transfer goes to the board server's virtual chips
// (BoardRequests::I2cTransfer), which answer with the status the ESP32's I2C driver would give. The functions are
// those the generated header declares (build/gen/sys_dev_i2c_native.h, from the exact System.Device.I2c.dll).
//

#include "sys_dev_i2c_native.h"
#include "board_link.h"
#include "board_requests.h"

#include <corlib_native.h>

typedef Library_sys_dev_i2c_native_System_Device_I2c_I2cDevice I2cDevice;
typedef Library_sys_dev_i2c_native_System_Device_I2c_I2cConnectionSettings I2cConnectionSettings;
typedef Library_sys_dev_i2c_native_System_Device_I2c_I2cTransferResult I2cTransferResult;
typedef Library_corlib_native_System_SpanByte SpanByte;

namespace
{
// The ESP32 has two I2C controllers, I2C1 and I2C2 in nanoFramework's numbering (SOC_I2C_NUM).
const int LastBusId = 2;

// The bytes a SpanByte argument covers: none for a null span or an empty one.
struct SpanBytes
{
    CLR_RT_HeapBlock_Array *array;
    int offset;
    int length;
};

SpanBytes BytesOf(CLR_RT_HeapBlock &argument)
{
    SpanBytes bytes = {NULL, 0, 0};
    CLR_RT_HeapBlock *span = argument.Dereference();
    if (span != NULL)
    {
        bytes.array = span[SpanByte::FIELD___array].DereferenceArray();
        if (bytes.array != NULL)
        {
            bytes.offset = span[SpanByte::FIELD___start].NumericByRef().s4;
            bytes.length = span[SpanByte::FIELD___length].NumericByRef().s4;
        }
    }

    return bytes;
}

// How often a thread whose transfer the board holds (`stall i2c`) asks again.
const int HeldTransferPollMs = 50;

CLR_INT64 HeldPollTicks()
{
    return (CLR_INT64)HeldTransferPollMs * TIME_CONVERSION__TO_MILLISECONDS;
}

// Parks the calling thread for one poll period and returns CLR_E_THREAD_WAITING: nanoCLR runs the other threads (the
// watchdog's among them) and calls NativeTransmit again afterwards, which sends the transfer again. A driver that
// blocked here instead would stop the whole interpreter, which no managed watchdog could see.
HRESULT WaitForHeldTransfer(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    CLR_RT_HeapBlock pollTicks;
    CLR_INT64 *deadline;
    bool woken;

    pollTicks.SetInteger((CLR_INT64)HeldPollTicks());
    NANOCLR_CHECK_HRESULT(stack.SetupTimeoutFromTicks(pollTicks, deadline));
    while (true)
    {
        // Each call waits one period more. WaitEvents parks the thread (CLR_E_THREAD_WAITING) unless an event was
        // pending, which it consumes: then park again.
        *deadline = (CLR_INT64)HAL_Time_CurrentTime() + HeldPollTicks();
        NANOCLR_CHECK_HRESULT(
            g_CLR_RT_ExecutionEngine.WaitEvents(stack.m_owningThread, *deadline, Event_I2cMaster, woken));
    }

    NANOCLR_NOCLEANUP();
}

HRESULT BusIdOf(CLR_RT_HeapBlock *device, int &busId, int &address)
{
    NANOCLR_HEADER();

    CLR_RT_HeapBlock *settings = device[I2cDevice::FIELD___connectionSettings].Dereference();
    FAULT_ON_NULL(settings);
    busId = settings[I2cConnectionSettings::FIELD___busId].NumericByRef().s4;
    address = settings[I2cConnectionSettings::FIELD___deviceAddress].NumericByRef().s4;

    NANOCLR_NOCLEANUP();
}
} // namespace

HRESULT Library_sys_dev_i2c_native_System_Device_I2c_I2cDevice::NativeInit___VOID(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int busId;
    int address;
    CLR_RT_HeapBlock *pThis = stack.This();
    FAULT_ON_NULL(pThis);
    NANOCLR_CHECK_HRESULT(BusIdOf(pThis, busId, address));

    // As the ESP32 target: a bus the chip does not have is an invalid parameter. Nothing goes on the bus yet.
    if (busId < 1 || busId > LastBusId)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    NANOCLR_NOCLEANUP();
}

HRESULT Library_sys_dev_i2c_native_System_Device_I2c_I2cDevice::NativeDispose___VOID(CLR_RT_StackFrame &stack)
{
    // The virtual bus keeps no per-device state: a disposed device's chip stays on the board, as on a real bus.
    (void)stack;
    return S_OK;
}

HRESULT Library_sys_dev_i2c_native_System_Device_I2c_I2cDevice::
    NativeTransmit___SystemDeviceI2cI2cTransferResult__SystemSpanByte__SystemSpanByte(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int busId;
    int address;
    int status = I2cTransferStatus_UnknownError;
    int transferred = 0;
    SpanBytes write;
    SpanBytes read;
    CLR_RT_HeapBlock *result;

    CLR_RT_HeapBlock *pThis = stack.This();
    FAULT_ON_NULL(pThis);
    NANOCLR_CHECK_HRESULT(BusIdOf(pThis, busId, address));

    write = BytesOf(stack.Arg1());
    read = BytesOf(stack.Arg2());
    if (write.length < 0 || read.length < 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    // The read bytes land in the managed array only on a full transfer, as the ESP32 target copies them.
    if (!BoardRequests::I2cTransfer(
            busId,
            address,
            write.length > 0 ? (const uint8_t *)write.array->GetElement(write.offset) : NULL,
            write.length,
            read.length > 0 ? (uint8_t *)read.array->GetElement(read.offset) : NULL,
            read.length,
            status,
            transferred))
    {
        // No board, no bus: the device cannot run as built, so say so loudly instead of reporting missing chips.
        BoardLink::ReportError();
        NANOCLR_SET_AND_LEAVE(CLR_E_FAIL);
    }

    if (status == BoardRequests::I2cTransferHeld)
    {
        NANOCLR_SET_AND_LEAVE(WaitForHeldTransfer(stack));
    }

    if (stack.m_customState != 0)
    {
        stack.PopValue(); // the wait of a held transfer that has now gone through
    }

    {
        // The I2cTransferResult returned.
        CLR_RT_HeapBlock &top = stack.PushValueAndClear();
        NANOCLR_CHECK_HRESULT(
            g_CLR_RT_ExecutionEngine.NewObjectFromIndex(top, g_CLR_RT_WellKnownTypes.m_I2cTransferResult));
        result = top.Dereference();
        FAULT_ON_NULL(result);
        result[I2cTransferResult::FIELD___status].SetInteger((CLR_UINT32)status);
        result[I2cTransferResult::FIELD___bytesTransferred].SetInteger((CLR_UINT32)transferred);
    }

    NANOCLR_NOCLEANUP();
}
