//
// System.Net's WirelessAPConfiguration natives for the virtual ESP32, in place of nf-interpreter's
// (sys_net_native_System_Net_NetworkInformation_WirelessAPConfiguration.cpp), which do their work only when built for
// PLATFORM_ESP32 and answer NotImplemented elsewhere. These keep the ESP32's meaning over our configuration blocks
// (target_network.cpp): the block is read into a new managed WirelessAPConfiguration, a saved one is stored and runs
// from the next boot (virtual_access_point.h). No station ever associates with the virtual access point (the host's
// processes reach its network without joining), so the list of connected stations is empty.
//
// sources.cmake compiles this file as it compiles nf-interpreter's System.Net natives (net_pal.h and their
// sys_net_native.h force-included, VESP32_WIRELESS_AP_NATIVES defined) and leaves theirs out; without System.Net in
// natives.txt it compiles to nothing.
//

#ifdef VESP32_WIRELESS_AP_NATIVES

#include "sys_net_native.h"

typedef Library_sys_net_native_System_Net_NetworkInformation_WirelessAPConfiguration AccessPointConfiguration;

namespace
{
// A managed string field into a block's fixed text, which keeps a terminator.
HRESULT CopyText(CLR_RT_HeapBlock &field, uint8_t *text, size_t room)
{
    NANOCLR_HEADER();

    CLR_RT_HeapBlock_String *managed = field.DereferenceString();
    FAULT_ON_NULL(managed);

    {
        const char *value = managed->StringText();
        size_t length = hal_strlen_s(value);
        if (length >= room)
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
        }
        memset(text, 0, room);
        memcpy(text, value, length);
    }

    NANOCLR_NOCLEANUP();
}

// A block's fixed text as a new managed string in `field`.
HRESULT MakeText(CLR_RT_HeapBlock &field, const uint8_t *text, size_t room)
{
    char terminated[sizeof(HAL_Configuration_WirelessAP::Password) + 1];
    size_t length = 0;
    while (length < room && length < sizeof(terminated) - 1 && text[length] != 0)
    {
        terminated[length] = (char)text[length];
        length++;
    }
    terminated[length] = 0;
    return CLR_RT_HeapBlock_String::CreateInstance(field, terminated);
}
} // namespace

HRESULT AccessPointConfiguration::GetWirelessAPConfigurationCount___STATIC__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    stack.SetResult_I4(g_TargetConfiguration.WirelessAPConfigs->Count);
    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT AccessPointConfiguration::
    GetWirelessAPConfiguration___STATIC__SystemNetNetworkInformationWirelessAPConfiguration__I4(
        CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    HAL_Configuration_WirelessAP block;
    CLR_RT_HeapBlock *fields;
    CLR_UINT32 index = stack.Arg0().NumericByRef().u4;
    CLR_RT_HeapBlock &result = stack.PushValueAndClear();

    if (!ConfigurationManager_GetConfigurationBlock(&block, DeviceConfigurationOption_WirelessNetworkAP, index))
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_FAIL);
    }

    NANOCLR_CHECK_HRESULT(
        g_CLR_RT_ExecutionEngine.NewObjectFromIndex(result, g_CLR_RT_WellKnownTypes.m_WirelessAPConfiguration));
    fields = result.Dereference();
    FAULT_ON_NULL(fields);

    fields[FIELD___apId].SetInteger((CLR_UINT32)block.Id);
    fields[FIELD___apAuthentication].SetInteger((CLR_UINT32)block.Authentication);
    fields[FIELD___apEncryption].SetInteger((CLR_UINT32)block.Encryption);
    fields[FIELD___apRadio].SetInteger((CLR_UINT32)block.Radio);
    fields[FIELD___options].SetInteger((CLR_UINT8)block.Options);
    fields[FIELD___apChannel].SetInteger((CLR_UINT8)block.Channel);
    fields[FIELD___apMaxConnections].SetInteger((CLR_UINT8)block.MaxConnections);
    NANOCLR_CHECK_HRESULT(MakeText(fields[FIELD___apPassword], block.Password, sizeof(block.Password)));
    NANOCLR_CHECK_HRESULT(MakeText(fields[FIELD___apSsid], block.Ssid, sizeof(block.Ssid)));

    NANOCLR_NOCLEANUP();
}

HRESULT AccessPointConfiguration::UpdateConfiguration___STATIC__VOID(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    HAL_Configuration_WirelessAP block;
    CLR_RT_HeapBlock *fields = stack.Arg0().Dereference();
    FAULT_ON_NULL(fields);

    memset(&block, 0, sizeof(block));
    block.Id = fields[FIELD___apId].NumericByRef().u4;
    block.Authentication = (AuthenticationType)fields[FIELD___apAuthentication].NumericByRef().u4;
    block.Encryption = (EncryptionType)fields[FIELD___apEncryption].NumericByRef().u4;
    block.Radio = (RadioType)fields[FIELD___apRadio].NumericByRef().u4;
    block.Options = (WirelessAPConfiguration_ConfigurationOptions)fields[FIELD___options].NumericByRef().u1;
    block.Channel = fields[FIELD___apChannel].NumericByRef().u1;
    block.MaxConnections = fields[FIELD___apMaxConnections].NumericByRef().u1;
    NANOCLR_CHECK_HRESULT(CopyText(fields[FIELD___apPassword], block.Password, sizeof(block.Password)));
    NANOCLR_CHECK_HRESULT(CopyText(fields[FIELD___apSsid], block.Ssid, sizeof(block.Ssid)));

    if (ConfigurationManager_UpdateConfigurationBlock(
            &block,
            DeviceConfigurationOption_WirelessNetworkAP,
            fields[FIELD___apConfigurationIndex].NumericByRefConst().u4) == UpdateConfigurationResult_Failed)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_FAIL);
    }

    NANOCLR_NOCLEANUP();
}

HRESULT AccessPointConfiguration::
    NativeGetConnectedClients___STATIC__SZARRAY_SystemNetNetworkInformationWirelessAPStation__I4(
        CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    CLR_RT_TypeDef_Index station;
    CLR_RT_HeapBlock &result = stack.PushValue();

    if (!g_CLR_RT_TypeSystem.FindTypeDef("WirelessAPStation", "System.Net.NetworkInformation", station))
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_FAIL);
    }
    NANOCLR_CHECK_HRESULT(CLR_RT_HeapBlock_Array::CreateInstance(result, 0, station));

    NANOCLR_NOCLEANUP();
}

HRESULT AccessPointConfiguration::NativeDeauthStation___STATIC__STRING__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    (void)stack; // no station to send away
    NANOCLR_NOCLEANUP_NOLABEL();
}

#endif // VESP32_WIRELESS_AP_NATIVES
