//
// What targets/posix's posix_stubs.cpp provides besides its interop table (which interop_table.cpp replaces): the
// console (CLR_Debug, where Console.WriteLine and nanoCLR's own messages go: the device's serial port), the
// device's identity strings, and the wire protocol's entry points (no debugger transport on the virtual device).
//

#include <cstdarg>
#include <cstdio>
#include <cstring>

#include <nanoCLR_Runtime.h>
#include <nanoHAL_ConfigurationManager.h>
#include "nanoCLR_native.h"

// The console: stdout, flushed at once so that a reader sees each line as the device writes it.
void CLR_Debug::Emit(const char *text, int len)
{
    if (text == nullptr)
    {
        return;
    }

    size_t length = len < 0 ? strlen(text) : (size_t)len;
    fwrite(text, 1, length, stdout);
    fflush(stdout);
}

int CLR_Debug::PrintfV(const char *format, va_list arg)
{
    char line[1024];
    int written = vsnprintf(line, sizeof(line), format, arg);
    CLR_Debug::Emit(line, -1);
    return written;
}

int CLR_Debug::Printf(const char *format, ...)
{
    va_list arg;
    va_start(arg, format);
    int written = CLR_Debug::PrintfV(format, arg);
    va_end(arg);
    return written;
}

// Weak: an area that models the device's identity (native/net's target configuration) may define them.
extern "C" __attribute__((weak)) void ConfigurationManager_GetOemModelSku(char *model, size_t modelSkuSize)
{
    if (model != nullptr && modelSkuSize > 0)
    {
        hal_strncpy_s(model, modelSkuSize, "Virtual ESP32", modelSkuSize - 1);
    }
}

extern "C" __attribute__((weak)) void ConfigurationManager_GetModuleSerialNumber(char *serialNumber, size_t size)
{
    if (serialNumber != nullptr && size > 0)
    {
        hal_strncpy_s(serialNumber, size, "0000000000000000", size - 1);
    }
}

extern "C" __attribute__((weak)) void ConfigurationManager_GetSystemSerialNumber(char *serialNumber, size_t size)
{
    if (serialNumber != nullptr && size > 0)
    {
        hal_strncpy_s(serialNumber, size, "0000000000000000", size - 1);
    }
}

// No debugger transport: the wire protocol has nothing to receive or process.
extern "C" void WP_Message_PrepareReception()
{
}

extern "C" void WP_Message_Process()
{
}
