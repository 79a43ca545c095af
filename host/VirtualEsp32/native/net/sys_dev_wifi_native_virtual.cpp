//
// System.Device.Wifi (1.5.147) natives of the virtual ESP32: WifiAdapter over the virtual station (virtual_wifi.h).
// The functions are those the generated header declares (build/gen/sys_dev_wifi_native.h, from the exact
// System.Device.Wifi.dll); what they return follows the ESP32 target's natives (nf-interpreter
// targets/ESP32/_nanoCLR/System.Device.Wifi): NativeConnect waits (parked on Event_Wifi_Station, at most 20 s) for the
// join and answers Success, NetworkNotAvailable (no such SSID) or InvalidCredential (wrong password).
//
// WifiNetworkHelper.ConnectDhcp ignores that answer: it waits for an IPv4 address until its token expires, so wrong
// credentials end with WifiNetworkHelper.Status == TokenExpiredWaitingIPAddress, as on a device.
//

// Without the generated header (natives.txt does not list System.Device.Wifi) there is nothing to implement.
#if __has_include("sys_dev_wifi_native.h")

#include "net_pal.h"
#include "sys_dev_wifi_native.h"
#include "net_settings.h"
#include "virtual_wifi.h"

#include <cstring>

typedef Library_sys_dev_wifi_native_System_Device_Wifi_WifiAdapter WifiAdapter;

namespace
{
// The ESP32 native's wait for a join.
const CLR_INT64 ConnectTimeoutMs = 20000;

// One scan record as WifiAdapter.ParseNativeReports reads it (and the ESP32 native writes it).
struct __nfpack ScanRecord
{
    uint8_t bssid[6];
    uint8_t ssid[33];
    int8_t rssi;
    uint8_t authMode;   // ESP-IDF wifi_auth_mode_t
    uint8_t cypherType; // ESP-IDF wifi_cipher_type_t
};

const uint8_t IdfAuthOpen = 0;
const uint8_t IdfAuthWpa2Psk = 3;
const uint8_t IdfCipherNone = 0;
const uint8_t IdfCipherCcmp = 4;

// The adapter's interface index, after the checks the ESP32 native makes.
HRESULT AdapterIndex(CLR_RT_StackFrame &stack, int &index)
{
    NANOCLR_HEADER();

    CLR_RT_HeapBlock *self = stack.This();
    FAULT_ON_NULL(self);

    if (self[WifiAdapter::FIELD___disposedValue].NumericByRef().u1 != 0)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_OBJECT_DISPOSED);
    }

    index = self[WifiAdapter::FIELD___networkInterface].NumericByRefConst().s4;
    if (index < 0 || index >= g_TargetConfiguration.NetworkInterfaceConfigs->Count)
    {
        NANOCLR_SET_AND_LEAVE(CLR_E_INVALID_PARAMETER);
    }

    NANOCLR_NOCLEANUP();
}

WifiConnectionStatus StatusOf(VirtualWifi::JoinResult result)
{
    switch (result)
    {
        case VirtualWifi::JoinResult::Joined:
            return WifiConnectionStatus_Success;
        case VirtualWifi::JoinResult::NoSuchNetwork:
            return WifiConnectionStatus_NetworkNotAvailable;
        case VirtualWifi::JoinResult::WrongPassword:
            return WifiConnectionStatus_InvalidCredential;
        default:
            return WifiConnectionStatus_UnspecifiedFailure;
    }
}

// A stable, locally administered BSSID for the access point.
void AccessPointBssid(const std::string &ssid, uint8_t *bssid)
{
    uint32_t hash = 2166136261u;
    for (char c : ssid)
    {
        hash = (hash ^ (uint8_t)c) * 16777619u;
    }
    bssid[0] = 0x02;
    bssid[1] = 0x00;
    bssid[2] = (uint8_t)(hash >> 24);
    bssid[3] = (uint8_t)(hash >> 16);
    bssid[4] = (uint8_t)(hash >> 8);
    bssid[5] = (uint8_t)hash;
}
} // namespace

HRESULT WifiAdapter::DisposeNative___VOID(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    (void)stack;
    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT WifiAdapter::NativeInit___VOID(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();
    (void)stack;
    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT WifiAdapter::
    NativeConnect___SystemDeviceWifiWifiConnectionStatus__STRING__STRING__SystemDeviceWifiWifiReconnectionKind(
        CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int index;
    CLR_RT_HeapBlock timeoutTicks;
    CLR_INT64 *timeout;
    bool woken = true;
    WifiConnectionStatus status = WifiConnectionStatus_UnspecifiedFailure;

    NANOCLR_CHECK_HRESULT(AdapterIndex(stack, index));

    // Only on the first call: a thread woken from its wait comes back here with the timeout pushed.
    if (stack.m_customState == 0)
    {
        const char *ssid = stack.Arg1().RecoverString();
        FAULT_ON_NULL(ssid);
        const char *password = stack.Arg2().RecoverString();
        FAULT_ON_NULL(password);

        // The reconnection kind (Arg3) does not matter here: the access point never goes away by itself.
        VirtualWifi::StartJoin(ssid, password);
    }

    timeoutTicks.SetInteger(ConnectTimeoutMs * TIME_CONVERSION__TO_MILLISECONDS);
    NANOCLR_CHECK_HRESULT(stack.SetupTimeoutFromTicks(timeoutTicks, timeout));

    while (woken)
    {
        VirtualWifi::JoinResult result = VirtualWifi::LastJoin();
        if (result != VirtualWifi::JoinResult::Pending)
        {
            status = StatusOf(result);
            break;
        }

        // The join-delay timer sets Event_Wifi_Station; the join completes in LastJoin, on this thread.
        NANOCLR_CHECK_HRESULT(
            g_CLR_RT_ExecutionEngine.WaitEvents(stack.m_owningThread, *timeout, Event_Wifi_Station, woken));
    }
    if (!woken)
    {
        status = WifiConnectionStatus_Timeout;
    }

    stack.PopValue(); // the timeout
    stack.SetResult_I4(status);

    NANOCLR_NOCLEANUP();
}

HRESULT WifiAdapter::NativeDisconnect___VOID(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int index;
    NANOCLR_CHECK_HRESULT(AdapterIndex(stack, index));
    VirtualWifi::Leave();

    NANOCLR_NOCLEANUP();
}

HRESULT WifiAdapter::NativeScanAsync___VOID(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int index;
    NANOCLR_CHECK_HRESULT(AdapterIndex(stack, index));

    // A scan finds the one access point at once; WifiAdapter raises AvailableNetworksChanged on this event.
    PostManagedEvent(EVENT_WIFI, WiFiEventType_ScanComplete, 0, index);

    NANOCLR_NOCLEANUP();
}

HRESULT WifiAdapter::GetNativeScanReport___SZARRAY_U1(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    const NetSettings &settings = NetSettings::Get();
    CLR_RT_HeapBlock &top = stack.PushValueAndClear();
    int records = settings.accessPointSsid.empty() ? 0 : 1;
    CLR_UINT8 *report;

    // The record count, then the records.
    NANOCLR_CHECK_HRESULT(CLR_RT_HeapBlock_Array::CreateInstance(
        top,
        1 + records * sizeof(ScanRecord),
        g_CLR_RT_WellKnownTypes.m_UInt8));
    report = top.DereferenceArray()->GetFirstElement();
    report[0] = (CLR_UINT8)records;

    if (records == 1)
    {
        ScanRecord record;
        memset(&record, 0, sizeof(record));
        AccessPointBssid(settings.accessPointSsid, record.bssid);
        memcpy(record.ssid, settings.accessPointSsid.data(), settings.accessPointSsid.size() < 32 ? settings.accessPointSsid.size() : 32);
        record.rssi = -55; // a good signal: four bars
        bool open = settings.accessPointPassword.empty();
        record.authMode = open ? IdfAuthOpen : IdfAuthWpa2Psk;
        record.cypherType = open ? IdfCipherNone : IdfCipherCcmp;
        memcpy(report + 1, &record, sizeof(record));
    }

    NANOCLR_NOCLEANUP();
}

HRESULT WifiAdapter::NativeSetDeviceName___VOID__STRING(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    int index;
    NANOCLR_CHECK_HRESULT(AdapterIndex(stack, index));
    // The DHCP host name: nobody on the host sees it.
    FAULT_ON_NULL(stack.Arg1().RecoverString());

    NANOCLR_NOCLEANUP();
}

HRESULT WifiAdapter::NativeFindWirelessAdapters___STATIC__SZARRAY_U1(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    CLR_RT_HeapBlock &top = stack.PushValueAndClear();
    HAL_Configuration_NetworkInterface config;
    CLR_UINT8 indexes[8];
    int count = 0;

    for (int index = 0; index < g_TargetConfiguration.NetworkInterfaceConfigs->Count && count < 8; index++)
    {
        if (!ConfigurationManager_GetConfigurationBlock(&config, DeviceConfigurationOption_Network, index))
        {
            NANOCLR_SET_AND_LEAVE(CLR_E_FAIL);
        }
        if (config.InterfaceType == NetworkInterfaceType_Wireless80211)
        {
            indexes[count++] = (CLR_UINT8)index;
        }
    }

    NANOCLR_CHECK_HRESULT(CLR_RT_HeapBlock_Array::CreateInstance(top, count, g_CLR_RT_WellKnownTypes.m_UInt8));
    memcpy(top.DereferenceArray()->GetFirstElement(), indexes, count);

    NANOCLR_NOCLEANUP();
}

#endif // __has_include("sys_dev_wifi_native.h")
