//
// The exception report a non-RTM nanoCLR prints on the ESP32's debug text port (the serial console) whenever managed
// code throws: "++++ Exception <type> - <HRESULT> (<thread>) ++++", the message, and one line per frame of the stack
// trace. targets/posix compiles nf-interpreter's Diagnostics_stub.cpp, whose weak CLR_RT_DUMP functions print nothing,
// so a virtual device would fail silently; these strong definitions take their place. (Our own code: nf-interpreter's
// full diagnostics, Info.cpp, would bring the ESP32's wire-protocol port layer with it.)
//

#include <cstdio>

#include <nanoCLR_Runtime.h>
#include <corlib_native.h>

typedef Library_corlib_native_System_Exception ManagedException;

void CLR_RT_DUMP::TYPE(const CLR_RT_TypeDef_Index &type)
{
    char name[256];
    char *at = name;
    size_t room = sizeof(name) - 1;
    if (FAILED(g_CLR_RT_TypeSystem.BuildTypeName(type, at, room)))
    {
        snprintf(name, sizeof(name), "(type 0x%08X)", (unsigned)type.m_data);
    }

    CLR_Debug::Printf("%s", name);
}

void CLR_RT_DUMP::METHOD(const CLR_RT_MethodDef_Index &method)
{
    char name[512];
    char *at = name;
    size_t room = sizeof(name) - 1;
    if (FAILED(g_CLR_RT_TypeSystem.BuildMethodName(method, at, room)))
    {
        snprintf(name, sizeof(name), "(method 0x%08X)", (unsigned)method.m_data);
    }

    CLR_Debug::Printf("%s", name);
}

void CLR_RT_DUMP::EXCEPTION(CLR_RT_StackFrame &stack, CLR_RT_HeapBlock &ref)
{
    CLR_RT_HeapBlock *exception = ManagedException::GetTarget(ref);
    if (exception == nullptr)
    {
        return;
    }

    const char *message = ManagedException::GetMessage(exception);
    CLR_Debug::Printf("    ++++ Exception ");
    CLR_RT_DUMP::TYPE(exception->ObjectCls());
    CLR_Debug::Printf(
        " - 0x%08X (%d) ++++\r\n",
        (unsigned)ManagedException::GetHResult(exception),
        stack.m_owningThread->m_pid);
    CLR_Debug::Printf("    ++++ Message: %s\r\n", message == nullptr ? "" : message);

    CLR_UINT32 depth = 0;
    ManagedException::StackTrace *frame = ManagedException::GetStackTrace(exception, depth);
    for (; frame != nullptr && depth > 0; depth--, frame++)
    {
        CLR_Debug::Printf("    ++++ ");
        CLR_RT_DUMP::METHOD(frame->m_md);
        CLR_Debug::Printf(" [IP: %04x] ++++\r\n", (unsigned)frame->m_IP);
    }
}
